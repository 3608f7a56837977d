"""Properties that hold for any text: no crash, offsets and quotes exact, the Doc keeps the text."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pactgraph.core.errors import InputError
from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import make_doc
from pactgraph.extract.run import extract_text

_WORDS = sorted(
    {
        w
        for p in (Path(__file__).parents[2] / "data" / "corpus").glob("*.txt")
        for w in p.read_text().split()[:400]
    }
)
_PIECES = st.lists(
    st.one_of(
        st.sampled_from(_WORDS), st.sampled_from([".", ",", "-", "–", "(", ")", "\n", "  ", ":", "“", "”"])
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PIECES, st.sampled_from(["vi", "en"]))
def test_any_text_keeps_its_offsets_and_quotes(pieces: list[str], lang: str) -> None:
    text = " ".join(pieces)
    doc = make_doc(text, DocumentInfo("p", lang, "t", "2024-01-01"))
    assert doc.text == text
    try:
        quads = extract_text(text, stem="p", lang=lang, metadata={"published": "2024-01-01"})
    except InputError:
        return  # only noise: refused with a message
    values = {}
    for q in quads:
        values.setdefault(q.subject.value, {})[q.predicate.value.rsplit("#", 1)[-1]] = q.object
    for props in values.values():
        if "quote" in props or "surface" in props:
            start, end = int(props["charStart"].value), int(props["charEnd"].value)
            shown = props.get("quote") or props.get("surface")
            assert isinstance(shown, ox.Literal) and text[start:end] == shown.value
