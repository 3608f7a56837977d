"""The reviewed data files (gazetteer, trigger lexicons) keep their schema; bad entries are refused."""

import tomllib

import pytest
from pactgraph.core.errors import ConfigError
from pactgraph.extract.lexicon import data_path, gazetteer_entries, parse_gazetteer, parse_triggers, triggers
from pactgraph.extract.slugs import slugify


def test_the_shipped_gazetteer_and_triggers_load() -> None:
    entries = gazetteer_entries()
    assert len(entries) > 100
    assert {"vietnam", "russia", "asean", "eaeu", "rosatom", "petrovietnam"} <= {e.slug for e in entries}
    assert set(triggers()) == {"vi", "en"}


def test_every_gazetteer_entry_has_vi_and_en_labels_and_a_clean_slug() -> None:
    for entry in gazetteer_entries():
        assert entry.labels["vi"].strip() and entry.labels["en"].strip(), entry.slug
        assert entry.slug == slugify(entry.slug)


def test_same_as_links_only_to_wikidata_or_dbpedia() -> None:
    for entry in gazetteer_entries():
        for iri in entry.same_as:
            assert iri.startswith(("http://www.wikidata.org/entity/Q", "http://dbpedia.org/resource/")), (
                entry.slug
            )


def test_no_alias_names_two_entities() -> None:
    from pactgraph.extract.slugs import name_key

    seen: dict[str, str] = {}
    for entry in gazetteer_entries():
        for name, _ in entry.all_names():
            key = name_key(name)
            assert seen.setdefault(key, entry.slug) == entry.slug, f"{name!r}: {seen[key]} and {entry.slug}"


@pytest.mark.parametrize(
    ("entity", "message"),
    [
        ({"slug": "Bad Slug", "type": "State", "label": {"vi": "a", "en": "a"}}, "slug"),
        ({"slug": "x", "type": "Country", "label": {"vi": "a", "en": "a"}}, "type"),
        ({"slug": "x", "type": "State", "label": {"vi": "a"}}, "vi and en"),
        (
            {
                "slug": "x",
                "type": "State",
                "label": {"vi": "a", "en": "a"},
                "same_as": ["https://example.org/x"],
            },
            "same_as",
        ),
        ({"slug": "x", "type": "Company", "label": {"vi": "a", "en": "a"}, "country": "atlantis"}, "country"),
    ],
)
def test_a_malformed_gazetteer_entry_is_refused_with_its_cause(entity: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_gazetteer({"entity": [entity]}, "test.toml")


def test_a_trigger_lexicon_without_its_head_lists_is_refused() -> None:
    data = tomllib.loads(data_path("triggers.toml").read_text(encoding="utf-8"))
    del data["en"]["agreement_heads"]
    with pytest.raises(ConfigError, match=r"\[en\] needs a non-empty agreement_heads"):
        parse_triggers(data, "triggers.toml")
