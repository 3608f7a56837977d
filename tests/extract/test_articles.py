"""The fully annotated long articles of ``articles/``: the quality thresholds of issue 3 hold there too.

Entities P >= 0.95 and R >= 0.90, facts P >= 0.85 and R >= 0.70, no noise string in any name;
precision counts here because the gold lists everything (see articles/README.md).
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from pactgraph.extract.evaluation import PredictedDocument, load_predictions, parse_gold, score

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    from pactgraph.extract.run import extract_corpus

    corpus = tmp_path_factory.mktemp("articles") / "corpus"
    corpus.mkdir()
    golds = {}
    with (corpus / "corpus.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["file", "lang", "published", "publisher", "url", "title"])
        for text in sorted(ARTICLES.glob("*.txt")):
            meta = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
            writer.writerow([text.name, meta["lang"], meta["published"], meta["publisher"], "", ""])
            shutil.copy(text, corpus / text.name)
            golds[text.stem] = parse_gold(meta, text.stem, f"tests/extract/articles/{text.stem}.json")
    extract_corpus(corpus, corpus.parent / "out.nq")
    predicted = load_predictions(corpus.parent / "out.nq")
    return score(golds, {stem: predicted.get(stem, PredictedDocument(stem)) for stem in golds})


def test_there_are_articles_in_both_languages() -> None:
    languages = {json.loads(p.read_text(encoding="utf-8"))["lang"] for p in ARTICLES.glob("*.json")}
    assert languages == {"vi", "en"}


def test_entities_meet_the_thresholds(report) -> None:
    missed = [f"{s}: {e.type} {e.name}" for s, e in report.missed_entities]
    spurious = [f"{s}: {e.type} {sorted(e.labels)[:2]}" for s, e in report.spurious_entities]
    assert report.entities.precision >= 0.95, spurious
    assert report.entities.recall >= 0.90, missed


def test_facts_meet_the_thresholds(report) -> None:
    missed = [f"{s}: {f.s} {f.p} {f.o}" for s, f in report.missed_facts]
    assert report.facts.precision >= 0.85, report.spurious_facts
    assert report.facts.recall >= 0.70, missed


def test_no_noise_string_becomes_a_name(report) -> None:
    assert report.noise_hits == []
