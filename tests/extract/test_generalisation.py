"""The extractor on short news texts of our own, with names and phrasings the sample does not have.

Each ``texts/<name>.txt`` has a sidecar ``texts/<name>.json`` in the gold format
(``tests/extract/gold/README.md``) plus its metadata (``lang``, ``published``). The listed
entities and facts are the ones a reader cannot miss; every one must be found. They test the
rules, not the gazetteer: every entity not marked ``"gazetteer": true`` has a name that
``extract/data/gazetteer.toml`` does not know (checked below). An entity of ``"type": "any"``
(a university: no class fits) must be found with whatever type the extractor gives it.
Texts with ``"no_actors": true`` are only bylines, captions and footers: they must yield no actor.
"""

from __future__ import annotations

import csv
import json
import shutil
import tomllib
from pathlib import Path

import pytest
from pactgraph.core.errors import PactgraphError
from pactgraph.extract.evaluation import (
    GoldDocument,
    PredictedDocument,
    load_predictions,
    normalise,
    parse_gold,
    score,
)

TEXTS = Path(__file__).parent / "texts"
GAZETTEER = Path(__file__).parents[2] / "extract" / "data" / "gazetteer.toml"
ACTOR_TYPES = {"State", "InternationalOrganization", "Company", "GovernmentBody", "Person"}


def _sidecar(stem: str) -> dict:
    return json.loads((TEXTS / f"{stem}.json").read_text(encoding="utf-8"))


STEMS = sorted(p.stem for p in TEXTS.glob("*.txt"))
CONTENT_STEMS = [s for s in STEMS if not _sidecar(s).get("no_actors")]
NOISE_STEMS = [s for s in STEMS if _sidecar(s).get("no_actors")]


def _write_corpus(folder: Path, stems: list[str]) -> None:
    folder.mkdir(parents=True)
    with (folder / "corpus.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["file", "lang", "published", "publisher", "url", "title"])
        for stem in stems:
            meta = _sidecar(stem)
            text = (TEXTS / f"{stem}.txt").read_text(encoding="utf-8")
            title = next(line for line in text.splitlines() if line.strip())
            writer.writerow([f"{stem}.txt", meta["lang"], meta["published"], meta["publisher"], "", title])
            shutil.copy(TEXTS / f"{stem}.txt", folder / f"{stem}.txt")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PredictedDocument]:
    """One extraction of all content texts (a document's result never depends on the others)."""
    from pactgraph.extract.run import extract_corpus

    root = tmp_path_factory.mktemp("generalisation")
    _write_corpus(root / "corpus", CONTENT_STEMS)
    extract_corpus(root / "corpus", root / "out.nq")
    return load_predictions(root / "out.nq")


def _expected(stem: str, predicted: PredictedDocument) -> GoldDocument:
    """The sidecar as a gold document; an entity of type "any" takes the type it was found with."""
    data = _sidecar(stem)
    for entity in data["entities"]:
        if entity["type"] == "any":
            keys = {normalise(n) for n in (entity["name"], *entity.get("aliases", []))}
            found = [p.type for p in predicted.entities.values() if p.keys & keys]
            entity["type"] = found[0] if found else "Company"  # not found: reported as missed
    return parse_gold(data, stem, f"tests/extract/texts/{stem}.json")


def _describe(predicted: PredictedDocument) -> str:
    entities = sorted(f"{p.type}: {sorted(p.labels)[:2]}" for p in predicted.entities.values())
    return "extracted entities:\n  " + "\n  ".join(entities)


@pytest.mark.parametrize("stem", CONTENT_STEMS)
def test_rules_find_the_named_things_and_facts_of_a_new_text(
    stem: str, extracted: dict[str, PredictedDocument]
) -> None:
    predicted = extracted.get(stem, PredictedDocument(stem))
    report = score({stem: _expected(stem, predicted)}, {stem: predicted})
    missed_entities = [f"{e.type} {e.name!r}" for _, e in report.missed_entities]
    assert not missed_entities, f"missed in {stem}: {missed_entities}\n{_describe(predicted)}"
    missed_facts = [f"{f.s!r} {f.p} {f.o!r}" for _, f in report.missed_facts]
    assert not missed_facts, f"missed in {stem}: {missed_facts}\n{_describe(predicted)}"
    assert not report.noise_hits, f"noise became entities in {stem}: {report.noise_hits}"


@pytest.mark.parametrize("stem", NOISE_STEMS)
def test_a_text_of_only_bylines_captions_and_footers_yields_no_actor(stem: str, tmp_path: Path) -> None:
    from pactgraph.extract.run import extract_corpus

    _write_corpus(tmp_path / "corpus", [stem])
    try:
        extract_corpus(tmp_path / "corpus", tmp_path / "out.nq")
    except PactgraphError as exc:  # refusing a noise-only file is fine if the message names it
        assert f"{stem}.txt" in str(exc)
        return
    predicted = load_predictions(tmp_path / "out.nq").get(stem, PredictedDocument(stem))
    actors = [f"{p.type}: {sorted(p.labels)}" for p in predicted.entities.values() if p.type in ACTOR_TYPES]
    assert actors == []
    assert predicted.facts == set()


def _gazetteer_names() -> set[str]:
    data = tomllib.loads(GAZETTEER.read_text(encoding="utf-8"))
    names: set[str] = set()
    for entity in data.get("entity", []):
        names.update(entity.get("label", {}).values())
        for aliases in entity.get("aliases", {}).values():
            names.update(aliases)
        names.update(entity.get("compound", []))
    return {normalise(n) for n in names}


@pytest.mark.skipif(not GAZETTEER.is_file(), reason="extract/data/gazetteer.toml does not exist yet")
@pytest.mark.parametrize("stem", CONTENT_STEMS)
def test_the_text_tests_rules_not_the_gazetteer(stem: str) -> None:
    known = _gazetteer_names()
    rule_entities = [e for e in _sidecar(stem)["entities"] if not e.get("gazetteer")]
    assert len(rule_entities) >= 3, "each text must exercise the rules on at least three new names"
    in_gazetteer = [
        n for e in rule_entities for n in (e["name"], *e.get("aliases", [])) if normalise(n) in known
    ]
    assert in_gazetteer == [], f"names the gazetteer already knows: {in_gazetteer}"


def test_the_texts_are_half_vietnamese_half_english_with_noise_only_ones() -> None:
    languages = [_sidecar(s)["lang"] for s in CONTENT_STEMS]
    assert len(CONTENT_STEMS) >= 10
    assert abs(languages.count("vi") - languages.count("en")) <= 2
    assert NOISE_STEMS, "at least one noise-only text"
