"""What the pipeline's components write on a Doc: plain dataclasses under ``doc._.pg``.

Components only annotate; :mod:`pactgraph.extract.to_rdf` turns these annotations into quads.
Offsets are Python ``str`` indices into ``doc.text`` (the stored NFC text), end exclusive.
"""

from dataclasses import dataclass, field

from pactgraph.extract.cleaning import NoiseSpan
from pactgraph.ontology.namespace import KIND_SEGMENT
from spacy.tokens import Doc


@dataclass
class Entity:
    """A resource found in the document: from the gazetteer (reviewed slug) or a rule (slug of its name)."""

    cls: str
    slug: str
    labels: dict[str, str]
    aliases: dict[str, set[str]] = field(default_factory=dict)
    same_as: tuple[str, ...] = ()
    country: str | None = None  # slug of a State (gazetteer knowledge, not a fact by itself)
    source: str = "rule"

    @property
    def key(self) -> str:
        return f"{KIND_SEGMENT[self.cls]}/{self.slug}"

    def add_alias(self, lang: str, text: str) -> None:
        if text not in self.labels.values():
            self.aliases.setdefault(lang, set()).add(text)


@dataclass(frozen=True, order=True)
class Mention:
    start: int
    end: int
    key: str
    source: str = "rule"  # "gazetteer" | "rule"
    nested: bool = False  # inside a longer mention (kept for facts such as pg:country)


@dataclass(frozen=True, order=True)
class DateMention:
    """A date in the text, normalised; ``datatype`` is date, gYearMonth or gYear."""

    start: int
    end: int
    value: str
    datatype: str
    note: str | None = None  # how a missing year was completed
    range_end: str | None = None


@dataclass(frozen=True, order=True)
class Fact:
    """``subject predicate object`` with the sentence that states it.

    ``obj`` is an entity key, ``("area", slug)``, ``("date", value, datatype)`` or
    ``("text", value, lang)``.
    """

    subject: str
    predicate: str
    obj: str | tuple
    sentence: tuple[int, int]
    note: str | None = None  # how a partial date was completed (pg:dateNote)
    basis: str | None = None  # what the fact rests on when the sentence does not state it (pg:basis)


@dataclass
class DocumentInfo:
    """Metadata of one article (from corpus.tsv, or found in the text)."""

    stem: str
    lang: str
    title: str
    date: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass
class Annotations:
    info: DocumentInfo
    text: str = ""
    masked: str = ""
    noise: list[NoiseSpan] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    captions: set[tuple[int, int]] = field(default_factory=set)  # sentences that are photo captions
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    # working state shared by the entity and fact components (token view, candidate spans)
    work: dict = field(default_factory=dict)

    def add_entity(self, entity: Entity) -> Entity:
        """The document's entity under *entity*'s key (the first one registered wins)."""
        return self.entities.setdefault(entity.key, entity)

    def sentence_of(self, pos: int) -> tuple[int, int] | None:
        for start, end in self.sentences:
            if start <= pos < end:
                return (start, end)
        return None


def annotations(doc: Doc) -> Annotations:
    value = doc._.pg
    if value is None:
        raise ValueError("this Doc was not made by pactgraph.extract.pipeline.make_doc (no doc._.pg)")
    return value


if not Doc.has_extension("pg"):
    Doc.set_extension("pg", default=None)
