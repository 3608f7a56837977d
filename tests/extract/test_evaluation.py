"""The evaluator itself, on small hand-made gold documents and N-Quads (no extractor involved)."""

import json
from pathlib import Path

import pytest
from pactgraph.core.errors import InputError
from pactgraph.extract import evaluation as ev
from pactgraph.ontology.namespace import BASE, ID, PG

DOC = f"<{BASE}id/document/d1>"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD = "http://www.w3.org/2001/XMLSchema#"

GOLD = {
    "entities": [
        {"name": "Việt Nam", "type": "State", "aliases": ["Cộng hòa xã hội chủ nghĩa Việt Nam"]},
        {"name": "Liên bang Nga", "type": "State", "aliases": ["Nga"]},
        {"name": "Liên minh Kinh tế Á-Âu", "type": "InternationalOrganization", "aliases": ["EAEU"]},
        {"name": "Hiệp định Thương mại tự do Việt Nam - EAEU", "type": "Agreement", "aliases": []},
    ],
    "facts": [
        {"s": "Hiệp định Thương mại tự do Việt Nam - EAEU", "p": "party", "o": "Việt Nam"},
        {"s": "Hiệp định Thương mại tự do Việt Nam - EAEU", "p": "signedOn", "o": "2015-05-29"},
        {"s": "Hiệp định Thương mại tự do Việt Nam - EAEU", "p": "area", "o": "trade"},
        {"s": "Việt Nam", "p": "cooperatesWith", "o": "Liên bang Nga"},
    ],
    "noise": ["Nhan Sáng", "toasoan@example.vn"],
}


def triple(s: str, p: str, o: str) -> str:
    return f"{s} {p} {o} {DOC} .\n"


def node(kind: str, slug: str) -> str:
    return f"<{ID}{kind}/{slug}>"


def pg(term: str) -> str:
    return f"<{PG[term]}>"


def entity(kind: str, slug: str, cls: str, label: str, lang: str = "vi") -> str:
    iri = node(kind, slug)
    return triple(iri, RDF_TYPE, pg(cls)) + triple(iri, LABEL, f'"{label}"@{lang}')


VN = node("state", "vietnam")
RU = node("state", "russia")
FTA = node("agreement", "vn-eaeu-fta")

PERFECT = (
    entity("state", "vietnam", "State", "Vietnam", "en")
    + triple(VN, LABEL, '"Việt Nam"@vi')
    + entity("state", "russia", "State", "Russia", "en")
    + triple(RU, LABEL, '"Nga"@vi')
    + entity("org", "eaeu", "InternationalOrganization", "EAEU")
    + entity("agreement", "vn-eaeu-fta", "Agreement", "Hiệp định Thương mại tự do Việt Nam - EAEU")
    + triple(FTA, pg("party"), VN)
    + triple(FTA, pg("signedOn"), f'"2015-05-29"^^<{XSD}date>')
    + triple(FTA, pg("area"), f"<{ID}area/trade>")
    + triple(VN, pg("cooperatesWith"), RU)
)


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "d1.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return folder


def run(gold_dir: Path, nquads: str) -> ev.Report:
    return ev.evaluate(gold_dir, nquads.encode("utf-8"))


def test_perfect_prediction_scores_one(gold_dir: Path) -> None:
    report = run(gold_dir, PERFECT)
    assert (report.entities.precision, report.entities.recall) == (1.0, 1.0)
    assert (report.facts.precision, report.facts.recall, report.facts.f1) == (1.0, 1.0, 1.0)
    assert report.noise_hits == []
    assert report.passes()


def test_missing_entity_lowers_recall_and_its_facts(gold_dir: Path) -> None:
    without_eaeu = PERFECT.replace(entity("org", "eaeu", "InternationalOrganization", "EAEU"), "")
    report = run(gold_dir, without_eaeu)
    assert report.entities.recall == pytest.approx(3 / 4)
    assert report.entities.precision == 1.0
    assert report.entity_scores["InternationalOrganization"].fn == 1
    assert [e.name for _, e in report.missed_entities] == ["Liên minh Kinh tế Á-Âu"]


def test_wrong_type_is_a_false_positive_and_a_miss(gold_dir: Path) -> None:
    mistyped = PERFECT.replace(
        entity("org", "eaeu", "InternationalOrganization", "EAEU"), entity("org", "eaeu", "Company", "EAEU")
    )
    report = run(gold_dir, mistyped)
    assert report.entity_scores["Company"].fp == 1
    assert report.entity_scores["InternationalOrganization"].fn == 1
    assert report.entities.precision == pytest.approx(3 / 4)
    assert not report.passes()


def test_matching_ignores_diacritics_case_spacing_and_dashes(gold_dir: Path) -> None:
    variant = PERFECT.replace('"EAEU"@vi', '"lien minh kinh te A – Au"@vi').replace(
        '"Hiệp định Thương mại tự do Việt Nam - EAEU"@vi', '"HIEP DINH  thuong mai tu do Viet Nam-EAEU"@vi'
    )
    report = run(gold_dir, variant)
    assert report.entities.recall == 1.0
    assert report.facts.recall == 1.0


def test_a_mention_surface_counts_as_a_name(gold_dir: Path) -> None:
    mention = f"<{ID}mention/d1/0-3>"
    relabelled = PERFECT.replace('"EAEU"@vi', '"Eurasian Economic Union"@en')
    relabelled += triple(mention, pg("mentionOf"), node("org", "eaeu")) + triple(
        mention, pg("surface"), '"EAEU"'
    )
    assert run(gold_dir, relabelled).entities.recall == 1.0


def test_a_near_miss_name_does_not_match(gold_dir: Path) -> None:
    report = run(gold_dir, PERFECT.replace('"Nga"@vi', '"Ngan hang"@vi').replace('"Russia"@en', '"Ru"@en'))
    assert report.entity_scores["State"].fn == 1
    assert report.fact_scores["cooperatesWith"].fn == 1


def test_cooperates_with_matches_either_direction_and_counts_once(gold_dir: Path) -> None:
    reversed_only = PERFECT.replace(
        triple(VN, pg("cooperatesWith"), RU), triple(RU, pg("cooperatesWith"), VN)
    )
    assert run(gold_dir, reversed_only).fact_scores["cooperatesWith"].tp == 1
    both_ways = PERFECT + triple(RU, pg("cooperatesWith"), VN)
    score = run(gold_dir, both_ways).fact_scores["cooperatesWith"]
    assert (score.tp, score.fp) == (1, 0)


def test_party_is_not_symmetric(gold_dir: Path) -> None:
    flipped = PERFECT.replace(triple(FTA, pg("party"), VN), triple(VN, pg("party"), FTA))
    score = run(gold_dir, flipped).fact_scores["party"]
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)


def test_wrong_date_or_area_is_an_error(gold_dir: Path) -> None:
    wrong = PERFECT.replace('"2015-05-29"', '"2015-05-30"').replace("area/trade", "area/energy")
    report = run(gold_dir, wrong)
    assert report.fact_scores["signedOn"].fp == 1 and report.fact_scores["signedOn"].fn == 1
    assert report.fact_scores["area"].fp == 1 and report.fact_scores["area"].fn == 1


def test_duplicate_node_for_one_gold_entity_lowers_precision(gold_dir: Path) -> None:
    twice = PERFECT + entity("state", "viet-nam", "State", "Việt Nam")
    report = run(gold_dir, twice)
    assert report.entity_scores["State"].tp == 2
    assert report.entity_scores["State"].fp == 1


def test_noise_label_equal_or_contained_is_reported(gold_dir: Path) -> None:
    noisy = (
        PERFECT
        + entity("person", "nhan-sang", "Person", "Nhan Sáng")
        + entity("org", "mail", "Company", "Liên hệ TOASOAN@example.vn")
    )
    report = run(gold_dir, noisy)
    assert sorted(hit.noise for hit in report.noise_hits) == ["Nhan Sáng", "toasoan@example.vn"]
    assert "noise" in " ".join(report.failures())


def test_noise_inside_a_longer_word_is_not_a_hit(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "d1.json").write_text(
        json.dumps({"entities": [], "facts": [], "noise": ["Nam"]}), encoding="utf-8"
    )
    report = run(folder, entity("state", "vietnam", "State", "Vietnam"))
    assert report.noise_hits == []


def test_documents_missing_from_predictions_count_as_missed(gold_dir: Path) -> None:
    report = run(gold_dir, "")
    assert report.entities.recall == 0.0
    assert report.facts.recall == 0.0


@pytest.mark.parametrize(
    ("mutation", "message"),
    [
        ({"entities": [{"name": "X", "type": "Place"}]}, "type 'Place'"),
        ({"facts": [{"s": "Nobody", "p": "party", "o": "Việt Nam"}]}, "'Nobody' is not the name"),
        ({"facts": [{"s": "Việt Nam", "p": "partyOf", "o": "Việt Nam"}]}, "'partyOf'"),
        ({"facts": [{"s": "Việt Nam", "p": "area", "o": "fishing"}]}, "'fishing'"),
        ({"noise": [""]}, "non-empty strings"),
    ],
)
def test_malformed_gold_is_refused_naming_the_file(tmp_path: Path, mutation: dict, message: str) -> None:
    data = {**GOLD, **mutation}
    if "facts" in mutation or "noise" in mutation:
        data["entities"] = GOLD["entities"]
    with pytest.raises(InputError, match="bad.json") as info:
        ev.parse_gold(data, "bad", "gold/bad.json")
    assert message in str(info.value)


def test_gold_folder_without_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="holds no"):
        ev.load_gold(tmp_path)


def test_invalid_nquads_is_refused(gold_dir: Path) -> None:
    with pytest.raises(InputError, match="not valid N-Quads"):
        run(gold_dir, "<not a quad")


def test_contract_iris_match_the_namespace_module() -> None:
    assert ev.BASE == BASE
    assert all(ev.PG_NS + name == str(PG[name]) for name in (*ev.ENTITY_TYPES, *ev.FACT_PROPERTIES))


def test_optional_entity_is_neither_rewarded_nor_penalised(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    data = {
        "entities": [
            {"name": "Việt Nam", "type": "State"},
            {"name": "Hội hữu nghị Việt - Nga", "type": "GovernmentBody", "optional": True},
        ],
        "facts": [{"s": "Hội hữu nghị Việt - Nga", "p": "country", "o": "Việt Nam"}],
        "noise": [],
    }
    (folder / "d1.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    society = node("org", "hoi-huu-nghi")
    found = (
        entity("state", "vietnam", "State", "Việt Nam")
        + entity("org", "hoi-huu-nghi", "Company", "Hội hữu nghị Việt-Nga")
        + triple(society, pg("country"), VN)
        + triple(society, pg("cooperatesWith"), VN)
    )
    for prediction in (found, entity("state", "vietnam", "State", "Việt Nam")):
        report = run(folder, prediction)
        assert (report.entities.tp, report.entities.fp, report.entities.fn) == (1, 0, 0)
        assert (report.facts.tp, report.facts.fp, report.facts.fn) == (0, 0, 0)


# --- the gold annotations of the sample corpus are themselves checked ---------------------------

GOLD_DIR = Path(__file__).parent / "gold"
CORPUS_DIR = Path(__file__).parents[2] / "data" / "corpus"


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def test_every_corpus_document_has_valid_gold() -> None:
    gold = ev.load_gold(GOLD_DIR)  # raises on any schema error
    assert sorted(gold) == sorted(p.stem for p in CORPUS_DIR.glob("*.txt"))


@pytest.mark.parametrize("stem", sorted(p.stem for p in GOLD_DIR.glob("*.json")))
def test_gold_quotes_and_names_occur_in_their_document(stem: str) -> None:
    document = ev.load_gold(GOLD_DIR)[stem]
    text = _squash((CORPUS_DIR / f"{stem}.txt").read_text(encoding="utf-8"))
    bad_quotes = [f.quote_contains for f in document.facts if _squash(f.quote_contains) not in text]
    unseen = [e.name for e in document.entities if not any(_squash(n) in text for n in (e.name, *e.aliases))]
    unseen_noise = [n for n in document.noise if _squash(n) not in text]
    assert (bad_quotes, unseen, unseen_noise) == ([], [], [])


# --- the command line -------------------------------------------------------------------------


def test_eval_command_prints_tables_and_exits_zero_when_thresholds_are_met(
    gold_dir: Path, tmp_path: Path
) -> None:
    from pactgraph.cli.main import app
    from typer.testing import CliRunner

    predictions = tmp_path / "perfect.nq"
    predictions.write_text(PERFECT, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold_dir), "--predictions", str(predictions)])
    assert result.exit_code == 0, result.output
    assert "Entities per type" in result.output and "Facts per property" in result.output
    assert "All quality thresholds met" in result.output


def test_eval_command_exits_one_and_names_the_missed_threshold(gold_dir: Path, tmp_path: Path) -> None:
    from pactgraph.cli.main import app
    from typer.testing import CliRunner

    predictions = tmp_path / "half.nq"
    predictions.write_text(entity("state", "vietnam", "State", "Việt Nam"), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold_dir), "--predictions", str(predictions), "--details"])
    assert result.exit_code == 1
    assert "entity recall 0.250 < 0.90" in result.output
    assert "missed entity" in result.output


def test_trig_predictions_score_like_nquads(gold_dir: Path, tmp_path: Path) -> None:
    import pyoxigraph as ox

    trig = tmp_path / "perfect.trig"
    quads = list(ox.parse(PERFECT.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    trig.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))
    report = ev.evaluate(gold_dir, trig)
    assert (report.entities.recall, report.facts.recall, report.facts.precision) == (1.0, 1.0, 1.0)


def test_missing_prediction_file_is_refused_with_the_fix(gold_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="run `pactgraph extract` first"):
        ev.evaluate(gold_dir, tmp_path / "nowhere.nq")


def test_markdown_tables_carry_the_scores(gold_dir: Path) -> None:
    text = ev.markdown(run(gold_dir, PERFECT))
    assert "| **micro total** | 4 | 4 | 4 | 1.000 | 1.000 | 1.000 |" in text
    assert "| signedOn | 1 | 1 | 1 | 1.000 | 1.000 | 1.000 |" in text
    assert text.endswith("Noise entities: 0.\n")
