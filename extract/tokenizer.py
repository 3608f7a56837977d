"""A tokenizer that keeps the text byte-for-byte and separates punctuation, for Vietnamese and English.

``spacy.blank("vi")`` without pyvi splits on whitespace only and leaves full stops glued
("Nga.Chủ"); this tokenizer makes every run of word characters one token and every other
non-space character its own token, so sentence boundaries and dash variants ("Á-Âu", "Á - Âu",
"Á – Âu") all fall on token boundaries. ``doc.text`` is always the input text exactly.
Token norms fold case, dash variants and old/new Vietnamese tone placement, so that the gazetteer's
PhraseMatcher on NORM is tolerant of them.
"""

import re

from pactgraph.extract.slugs import is_dash, normalise_tones
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

_TOKEN = re.compile(r"\w+|[^\w\s]")


class OffsetTokenizer:
    """Callable ``text -> Doc`` with exact offsets (``doc.text == text``)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        cursor = 0
        for match in _TOKEN.finditer(text):
            gap = text[cursor : match.start()]
            if gap:
                if words and gap[0] == " ":
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
            words.append(match.group())
            spaces.append(False)
            cursor = match.end()
        tail = text[cursor:]
        if tail:
            if words and tail[0] == " ":
                spaces[-1] = True
                tail = tail[1:]
            if tail:
                words.append(tail)
                spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token in doc:
            if is_dash(token.text):
                token.norm_ = "-"
            elif token.is_alpha and not token.is_ascii:
                token.norm_ = normalise_tones(token.lower_)
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
