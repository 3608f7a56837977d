"""A light view of a Doc's non-space tokens, with the helpers the rule finders share."""

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from pactgraph.extract.slugs import is_dash, normalise_tones
from pactgraph.extract.tokenizer import SOLID_TOKENS
from spacy.tokens import Doc

_PHRASE_TOKEN = re.compile(r"\w+|[^\w\s]")


@lru_cache(maxsize=1 << 9)  # pure; a document's names repeat (small: see slugs.name_key)
def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The norms of a lexicon phrase, tokenised like the Doc (lower case, tones and dashes folded)."""
    out = []
    for piece in _PHRASE_TOKEN.findall(phrase):
        out.append("-" if is_dash(piece) else normalise_tones(piece.lower()))
    return tuple(out)


class PhraseSet:
    """Longest-match lookup of lexicon phrases at a token position."""

    def __init__(self, phrases: tuple[str, ...] | list[str]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in phrases:
            toks = phrase_tokens(phrase)
            if toks:
                self.by_first.setdefault(toks[0], []).append((toks, phrase))
        for options in self.by_first.values():
            options.sort(key=lambda item: -len(item[0]))

    def starts(self, view: "TokenView", lo: int = 0, hi: int | None = None) -> list[int]:
        """The tokens in [lo, hi) where a phrase may start (first token matches), in order: a finder scans
        these instead of calling :meth:`match` at every token (most tokens start no phrase)."""
        return view.first_tokens(self, self.by_first, lo, hi)

    def match(self, view: "TokenView", k: int) -> int:
        """Number of tokens of the longest phrase starting at token *k* (0 if none)."""
        norms = view.norms
        # the hot path (called for most tokens by every finder): one dict probe, most tokens start no phrase
        if k < 0 or k >= len(norms):
            return 0
        options = self.by_first.get(norms[k])
        if not options:
            return 0
        sids = view.sentence_ids
        sid = sids[k]
        for toks, _ in options:
            n = len(toks)
            last = k + n - 1
            if last < len(norms) and sid != -1 and sids[last] == sid and tuple(norms[k : k + n]) == toks:
                return n
        return 0


@dataclass
class TokenView:
    """The non-space tokens of a Doc: text, norms, offsets and sentence numbers."""

    texts: list[str]
    norms: list[str]
    starts: list[int]
    ends: list[int]
    sentence_ids: list[int]
    noisy: list[bool]
    folded: list[int] | None = None  # the tokens whose norm is not their lower case (None: not known)
    # per-view memo of first_tokens (phrase set -> every start in the document; None -> the index of the
    # norms, norm -> its tokens)
    phrase_starts: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, doc: Doc, masked: str, sentences: list[tuple[int, int]]) -> "TokenView":
        sent_starts = [s for s, _ in sentences]
        solid = doc.user_data.get(SOLID_TOKENS)
        if solid is not None:  # from OffsetTokenizer: no walk over the Doc's Token objects
            texts, norms, starts, folded = solid
            texts, norms, starts = list(texts), list(norms), list(starts)
            ends = [start + len(t) for start, t in zip(starts, texts, strict=True)]
            sids, noisy = [], []
            for start in starts:
                pos = bisect.bisect_right(sent_starts, start) - 1
                sids.append(pos if pos >= 0 and start < sentences[pos][1] else -1)
                noisy.append(masked[start] == " ")
            return cls(texts, norms, starts, ends, sids, noisy, list(folded))
        texts, norms, starts, ends, sids, noisy = [], [], [], [], [], []
        for token in doc:
            if token.is_space:
                continue
            start = token.idx
            texts.append(token.text)
            norms.append(token.norm_)
            starts.append(start)
            ends.append(start + len(token.text))
            pos = bisect.bisect_right(sent_starts, start) - 1
            inside = pos >= 0 and start < sentences[pos][1]
            sids.append(pos if inside else -1)
            noisy.append(masked[start] == " ")
        return cls(texts, norms, starts, ends, sids, noisy)

    def __len__(self) -> int:
        return len(self.texts)

    def first_tokens(self, owner: object, firsts: dict, lo: int = 0, hi: int | None = None) -> list[int]:
        """The tokens in [lo, hi) whose norm is a key of *firsts* (the first words of *owner*'s phrases),
        in order; computed once per document and owner (finders ask sentence by sentence)."""
        every = self.phrase_starts.get(owner)
        if every is None:
            every = self.positions_of(firsts)
            self.phrase_starts[owner] = every
        hi = len(self.norms) if hi is None else min(hi, len(self.norms))
        lo = max(lo, 0)
        if lo == 0 and hi == len(self.norms):
            return list(every)
        return every[bisect.bisect_left(every, lo) : bisect.bisect_left(every, hi)]

    def positions_of(self, norms: dict | set | frozenset) -> list[int]:
        """The tokens whose norm is one of *norms*, in order: from an index of the document's norms built
        once, so that each of the ~20 phrase sets of the finders does not scan every token again."""
        index = self.phrase_starts.get(None)
        if index is None:
            index = {}
            for k, norm in enumerate(self.norms):
                index.setdefault(norm, []).append(k)
            self.phrase_starts[None] = index
        if len(norms) < len(index):
            found = [index[norm] for norm in norms if norm in index]
        else:
            found = [at for norm, at in index.items() if norm in norms]
        if len(found) == 1:
            return list(found[0])
        return sorted(k for at in found for k in at)

    def same_sentence(self, a: int, b: int) -> bool:
        return (
            0 <= a < len(self.texts)
            and 0 <= b < len(self.texts)
            and self.sentence_ids[a] == self.sentence_ids[b] != -1
        )

    def is_word(self, k: int) -> bool:
        return 0 <= k < len(self.texts) and self.texts[k][0].isalnum()

    def is_cap(self, k: int) -> bool:
        """Starts with an upper-case letter or a digit ("Hội", "ASEAN", "4th")."""
        return 0 <= k < len(self.texts) and (self.texts[k][0].isupper() or self.texts[k][0].isdigit())

    def is_lower_word(self, k: int) -> bool:
        return 0 <= k < len(self.texts) and self.texts[k][0].islower()

    def sentence_start(self, k: int) -> bool:
        """Token *k* opens its sentence (capitalisation says nothing there)."""
        return (
            k == 0
            or self.sentence_ids[k - 1] != self.sentence_ids[k]
            or self.texts[k - 1] in (":", "-", "“", '"')
        )

    def index_at(self, char: int) -> int:
        """Index of the first token starting at or after *char*."""
        return bisect.bisect_left(self.starts, char)

    def index_ending_at(self, char: int) -> int:
        """Exclusive token index of the span that ends at *char*."""
        return bisect.bisect_right(self.ends, char)

    def gap(self, a: int, b: int, text: str) -> str:
        """The text between the end of token *a* and the start of token *b*."""
        return text[self.ends[a] : self.starts[b]]
