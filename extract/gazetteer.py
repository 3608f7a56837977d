"""Match the actor gazetteer in a Doc: case, spacing and dash tolerant, never inside a longer word.

A spaCy ``PhraseMatcher`` on the token NORM (lower case, dashes and tone placement folded by the
tokenizer) finds every alias; tokens are whole runs of word characters, so "Nga" never matches
inside "Ngân". An acronym alias ("PVN", "SCO") matches its exact case only, and a name alias must
start with a capital in the text (or be written lower case in the gazetteer, like "nước Nga").
"""

from dataclasses import dataclass

from pactgraph.extract.lexicon import GazetteerEntry, gazetteer_entries, not_actor_names
from pactgraph.extract.model import Entity
from pactgraph.extract.slugs import name_key
from pactgraph.extract.tokenizer import OffsetTokenizer
from pactgraph.extract.tokens import TokenView
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab


def is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return " " not in name and 0 < len(letters) <= 6 and all(c.isupper() for c in letters)


def entity_of(entry: GazetteerEntry) -> Entity:
    """A fresh document-level :class:`Entity` for a gazetteer entry."""
    aliases: dict[str, set[str]] = {}
    for lang, names in entry.aliases.items():
        aliases[lang] = set(names) - set(entry.labels.values())
    return Entity(
        cls=entry.cls,
        slug=entry.slug,
        labels=dict(entry.labels),
        aliases=aliases,
        same_as=entry.same_as,
        country=entry.country,
        source="gazetteer",
    )


@dataclass(frozen=True)
class GazetteerHit:
    start: int  # token index in the TokenView
    end: int
    entry: GazetteerEntry


class Gazetteer:
    """The compiled gazetteer for one vocabulary."""

    def __init__(self, vocab: Vocab) -> None:
        tokenizer = OffsetTokenizer(vocab)
        self.vocab = vocab
        self.entries = gazetteer_entries()
        self.matcher = PhraseMatcher(vocab, attr="NORM")
        self.compound_matcher = PhraseMatcher(vocab, attr="NORM")
        self.places = PhraseMatcher(vocab, attr="NORM")
        self.places.add("place", [tokenizer(name) for name in not_actor_names()])
        self.by_key: dict[str, GazetteerEntry] = {}
        self._acronyms: dict[str, set[str]] = {}
        self._lowercase_ok: set[str] = set()
        for index, entry in enumerate(self.entries):
            names = [name for name, _ in entry.all_names()]
            self.matcher.add(str(index), [tokenizer(name) for name in names])
            if entry.compound:
                self.compound_matcher.add(str(index), [tokenizer(name) for name in entry.compound])
            for name in names:
                key = name_key(name)
                self.by_key.setdefault(key, entry)
                if is_acronym(name):
                    self._acronyms.setdefault(key, set()).add(name)
                elif name[0].islower() or len(name.split()) >= 4:
                    # a long name is specific enough to be recognised in lower case too
                    self._lowercase_ok.add(key)

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry one of whose names is *name* (case, spacing, dash insensitive)."""
        return self.by_key.get(name_key(name))

    def find(self, view: TokenView, masked: str, text: str) -> list[GazetteerHit]:
        """Every gazetteer name in the document, as spans of *view* tokens (overlaps included).

        Matching runs on a Doc of the view's tokens, so a double space or a line break inside a
        name does not hide it (but a name never runs across two sentences).
        """
        if not view.texts:
            return []  # only whitespace
        words = Doc(self.vocab, words=view.texts, spaces=[True] * len(view.texts))
        folded = view.folded
        if folded is None:
            folded = [
                i for i, (w, n) in enumerate(zip(view.texts, view.norms, strict=True)) if n != w.lower()
            ]
        for i in folded:  # the default norm is the lower case: set only the folded ones
            words[i].norm_ = view.norms[i]
        hits: list[GazetteerHit] = []
        places = [(s, e) for _, s, e in self.places(words)]
        for match_id, start, end in self.matcher(words):
            if not view.same_sentence(start, end - 1):
                continue
            if any(ps <= start and end <= pe and (ps, pe) != (start, end) for ps, pe in places):
                continue  # "Ấn Độ" inside "Ấn Độ Dương"
            if start > 0 and view.norms[start - 1] == "liên" and view.is_lower_word(start - 1):
                continue  # "liên Chính phủ" is "intergovernmental", not the Government
            surface = text[view.starts[start] : view.ends[end - 1]]
            if self._acceptable(surface, masked, view.starts[start], view.ends[end - 1]):
                hits.append(GazetteerHit(start, end, self.entries[int(self.vocab.strings[match_id])]))
        for match_id, start, end in self.compound_matcher(words):
            # "Việt" names Vietnam only in compounds like "Việt - Nga", "Việt-Lào".
            if view.norms[end : end + 1] == ["-"] and view.is_cap(start) and not view.noisy[start]:
                hits.append(GazetteerHit(start, end, self.entries[int(self.vocab.strings[match_id])]))
        return hits

    def _acceptable(self, text: str, masked: str, start: int, end: int) -> bool:
        if masked[start:end].strip() != text.strip() or masked[start] == " ":
            return False  # inside noise (a caption credit, a footer)
        key = name_key(text)
        exact = self._acronyms.get(key)
        if exact is not None:
            return text in exact
        return text[0].isupper() or text[0].isdigit() or key in self._lowercase_ok
