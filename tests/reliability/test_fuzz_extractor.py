"""Hypothesis on the extractor: hostile text never crashes it, and every offset quotes what it claims.

The texts mix the extractor's own vocabulary (every string of the gazetteer and trigger lexicons, so
rules really fire) with random Unicode, NFD-decomposed words, control characters, very long lines and
unbalanced quotes and brackets. For each text the extractor either refuses it with an
:class:`InputError` (a text of pure noise) or returns quads in which every ``pg:Mention`` and
``pg:Evidence`` has ``0 <= charStart < charEnd <= len(schema:text)`` and quotes exactly
``schema:text[charStart:charEnd]``; ``schema:text`` is the NFC form of the input.
"""

from __future__ import annotations

import os
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from pactgraph.core.errors import InputError
from pactgraph.extract.reading import decode_bytes
from pactgraph.extract.run import extract_text

EXAMPLES = int(os.environ.get("PACTGRAPH_FUZZ_EXAMPLES", "50"))
DATA = Path(__file__).resolve().parents[2] / "extract" / "data"
PG = "https://w3id.org/pactgraph/ontology#"
SCHEMA_TEXT = "https://schema.org/text"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


VOCABULARY = sorted(
    {
        s
        for file in sorted(DATA.glob("*.toml"))
        for s in _strings(tomllib.loads(file.read_text()))
        if s.strip()
    }
)
HOSTILE = ['"', "'", "«", "»", "“", "”", "(", ")", "[", "]", "{", "}", "\u200b", "\ufeff", "\u202e", "\x00"]
HOSTILE += ["\r", "\r\n", "\t", "\x0b", "\x0c", "\x1b", "\u2028", "\u2029", ".", "...", " - ", "–", "—", "/"]
DATES = st.builds(
    lambda d, m, y: f"{d}/{m}/{y}", st.integers(0, 40), st.integers(0, 14), st.integers(1900, 2100)
)

piece = st.one_of(
    st.sampled_from(VOCABULARY),
    st.sampled_from(VOCABULARY).map(lambda s: unicodedata.normalize("NFD", s)),
    st.sampled_from(HOSTILE),
    DATES,
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=4).map(lambda s: s * 50),
)
texts = st.one_of(
    st.lists(piece, max_size=60).map(" ".join),
    st.lists(piece, max_size=60).map("".join),
    st.lists(piece, min_size=5, max_size=30).map(lambda parts: " ".join(parts) * 25),  # a very long line
    st.text(max_size=400),
)


def _check_offsets(text: str, quads: list[ox.Quad]) -> None:
    by_subject: dict[str, dict[str, str]] = defaultdict(dict)
    stored = None
    for quad in quads:
        if quad.predicate.value == SCHEMA_TEXT:
            stored = quad.object.value
        by_subject[str(quad.subject)][quad.predicate.value] = quad.object.value
    assert stored == unicodedata.normalize("NFC", text), "schema:text is not the NFC form of the input"
    for subject, values in by_subject.items():
        if PG + "charStart" not in values:
            continue
        start, end = int(values[PG + "charStart"]), int(values[PG + "charEnd"])
        assert 0 <= start < end <= len(stored), f"{subject}: {start}-{end} outside a text of {len(stored)}"
        claimed = values.get(PG + "quote", values.get(PG + "surface"))
        assert claimed == stored[start:end], (
            f"{subject} claims {claimed!r}, the text has {stored[start:end]!r}"
        )


@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@seed(20261201)
@given(text=texts, lang=st.sampled_from(["vi", "en", None]))
def test_hostile_text_never_crashes_and_every_offset_quotes_the_text(text, lang):
    try:
        quads = extract_text(text, stem="fuzz", lang=lang)
    except InputError as exc:
        assert "fuzz" in str(exc)  # a refusal names the document
        return
    _check_offsets(text, quads)


@settings(max_examples=EXAMPLES, deadline=None, database=None)
@seed(20261201)
@given(data=st.binary(max_size=2000))
def test_any_bytes_are_read_as_text_or_refused_with_the_file_named(data):
    try:
        text = decode_bytes(data, "hostile.txt")
    except InputError as exc:
        assert "hostile.txt" in str(exc)
        return
    assert isinstance(text, str) and text == unicodedata.normalize("NFC", text)
