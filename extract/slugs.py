"""Readable, stable IRI slugs and the text normalisation that name matching shares.

A slug is ASCII, lower case, words joined by ``-``; Vietnamese diacritics are removed and ``đ``
becomes ``d`` (docs/architecture.md). ``name_key`` is the looser key under which two spellings of one
name compare equal (case, spacing, dash variants, old/new Vietnamese tone placement).
"""

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
DASH_CLASS = "[" + re.escape(_DASHES) + "]"
_DASH_RUN = re.compile(r"\s*" + DASH_CLASS + r"\s*")
_SPACES = re.compile(r"\s+")

# Old-style tone placement ("hoà", "thuỷ") and new style ("hòa", "thủy") name the same word.
_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile("(" + "|".join(_OLD_TONES) + r")(?!\w)")


def normalise_tones(text: str) -> str:
    """Rewrite old-style Vietnamese tone placement at the end of a syllable to the new style."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], text)


def ascii_fold(text: str) -> str:
    """Remove diacritics (``đ`` -> ``d``), keeping case."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# slugify and name_key are pure and meet the same names again and again (a gazetteer name, a rule's
# candidate looked up twice): small LRU caches (the last few documents' names, ~0.3 MB) answer most
# calls; larger ones answered hardly more and grew with a corpus's new names up to their bound.
@lru_cache(maxsize=1 << 9)
def slugify(text: str, max_length: int = 80) -> str:
    """``"Liên minh Kinh tế Á - Âu"`` -> ``"lien-minh-kinh-te-a-au"``; cut at a word boundary."""
    slug = _NON_ALNUM.sub("-", ascii_fold(text).lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "unnamed"


@lru_cache(maxsize=1 << 10)
def name_key(text: str) -> str:
    """Case, spacing, dash and tone-placement insensitive key of a name."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = normalise_tones(text)
    text = _DASH_RUN.sub("-", text)
    return _SPACES.sub(" ", text).strip(" .,;:")


def is_dash(text: str) -> bool:
    return len(text) == 1 and text in _DASHES
