"""A tokenizer that keeps the text byte-for-byte and separates punctuation, for Vietnamese and English.

``spacy.blank("vi")`` without pyvi splits on whitespace only and leaves full stops glued
("Nga.Chủ"); this tokenizer makes every run of word characters one token and every other
non-space character its own token, so sentence boundaries and dash variants ("Á-Âu", "Á - Âu",
"Á – Âu") all fall on token boundaries. ``doc.text`` is always the input text exactly.
Token norms fold case, dash variants and old/new Vietnamese tone placement, so that the gazetteer's
PhraseMatcher on NORM is tolerant of them.
"""

import re
from functools import lru_cache

from pactgraph.extract.slugs import is_dash, normalise_tones
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

_TOKEN = re.compile(r"\w+|[^\w\s]")
_SPLIT = re.compile("(" + _TOKEN.pattern + ")")
# doc.user_data key: (texts, norms, starts, folded) of the non-space tokens; folded lists the ones whose
# norm is not their lower case
SOLID_TOKENS = "pactgraph.solid_tokens"


def token_norm(word: str) -> str:
    """The NORM of one token: dashes folded to "-", lower case, old/new tone placement folded."""
    if is_dash(word):
        return "-"
    lower = word.lower()
    if word.isalpha() and not word.isascii():
        return normalise_tones(lower)
    return lower


@lru_cache(maxsize=1 << 13)
def _norm_and_fold(word: str) -> tuple[str, bool]:
    """``token_norm(word)`` and whether it differs from the lower case; the words of a language repeat, so
    a bounded LRU cache answers nearly every token (~2 MB when full; rare names fall out of it)."""
    norm = token_norm(word)
    return norm, norm != word.lower()


class OffsetTokenizer:
    """Callable ``text -> Doc`` with exact offsets (``doc.text == text``)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        # the non-space tokens (index in the Doc, start offset): TokenView reads them from here instead
        # of walking the Doc's Token objects again
        solid: list[int] = []
        starts: list[int] = []
        texts: list[str] = []
        # [gap, token, gap, token, ..., gap]: the split costs less than a match object per token
        parts = _SPLIT.split(text)
        pos = 0
        for i in range(0, len(parts), 2):
            gap = parts[i]
            if gap:
                pos += len(gap)
                if words and gap[0] == " ":  # one space after a token is its trailing whitespace
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
            if i + 1 < len(parts):
                token = parts[i + 1]
                solid.append(len(words))
                starts.append(pos)
                texts.append(token)
                words.append(token)
                spaces.append(False)
                pos += len(token)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        norms: list[str] = []
        folded: list[int] = []
        for j, word in enumerate(texts):
            norm, fold = _norm_and_fold(word)
            norms.append(norm)
            if fold:
                folded.append(j)
        # a token's default norm is its lower case: only the folded ones need setting (one Token each)
        for j in folded:
            doc[solid[j]].norm_ = norms[j]
        doc.user_data[SOLID_TOKENS] = (texts, norms, starts, folded)
        return doc

    # spaCy calls these when a pipeline is saved or copied; the tokenizer has no state to keep.
    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **__: object) -> "OffsetTokenizer":
        return self

    def to_disk(self, _path: object, **__: object) -> None:
        return None

    def from_disk(self, _path: object, **__: object) -> "OffsetTokenizer":
        return self


@registry.tokenizers("pactgraph.offset_tokenizer.v1")
def create_offset_tokenizer():  # noqa: ANN201 - spaCy's registry signature
    """Registered in config.cfg as ``@tokenizers = "pactgraph.offset_tokenizer.v1"``."""

    def make(nlp):  # noqa: ANN001, ANN202
        return OffsetTokenizer(nlp.vocab)

    return make
