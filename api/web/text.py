"""Text helpers for labels: diacritic-insensitive folding and picking a label in a language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from pactgraph.ontology.namespace import PREFIXES
from rdflib import Literal, URIRef

# Letters that NFD does not decompose into a base letter plus a combining mark.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ß": "ss", "ł": "l", "æ": "ae", "œ": "oe"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, diacritics removed, punctuation as single spaces.

    >>> fold("Liên minh Kinh tế Á-Âu")
    'lien minh kinh te a au'
    >>> fold("Tập đoàn Dầu khí Việt Nam (PetroVietnam)")
    'tap doan dau khi viet nam petrovietnam'
    """
    text = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", text).strip()


def pick_label(labels: Iterable[Literal], lang: str, fallback: str = "") -> str:
    """The label in ``lang``, else Vietnamese, else English, else any, else ``fallback``."""
    by_lang: dict[str, str] = {}
    for label in labels:
        by_lang.setdefault((label.language or "").lower(), str(label))
    for wanted in (lang, "vi", "en", ""):
        if wanted in by_lang:
            return by_lang[wanted]
    if by_lang:
        return next(iter(by_lang.values()))
    return fallback


def local_name(iri: str | URIRef) -> str:
    """The last segment of an IRI (after ``#`` or ``/``), used when a resource has no label."""
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1] or text
    return text


def curie(iri: str | URIRef) -> str:
    """``prefix:local`` for IRIs in a known namespace (``foaf:Agent``), else the local name.

    >>> curie("http://xmlns.com/foaf/0.1/Agent"), curie("http://example.org/x/y")
    ('foaf:Agent', 'y')
    """
    text = str(iri)
    best = max((ns for ns in PREFIXES.values() if text.startswith(ns)), key=len, default="")
    if best and len(text) > len(best):
        prefix = next(p for p, ns in PREFIXES.items() if ns == best)
        return f"{prefix}:{text[len(best) :]}"
    return local_name(text)
