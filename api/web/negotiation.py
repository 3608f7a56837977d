"""Content negotiation for linked-data routes: by file extension first, then by ``Accept``.

Explicitly named types beat wildcards, so a browser (which names ``text/html``) gets HTML and a
bare ``curl`` (``*/*``) gets Turtle, the usual choice for linked-data servers.
"""

from __future__ import annotations

from dataclasses import dataclass

from pactgraph.core.errors import PactgraphError


@dataclass(frozen=True)
class Format:
    """One representation a linked-data route offers."""

    key: str  # short name used in code and for rdflib
    media_type: str
    extension: str
    label: str


HTML = Format("html", "text/html", "html", "HTML")
TURTLE = Format("turtle", "text/turtle", "ttl", "Turtle")
JSON_LD = Format("json-ld", "application/ld+json", "jsonld", "JSON-LD")
N_TRIPLES = Format("nt", "application/n-triples", "nt", "N-Triples")
RDF_XML = Format("xml", "application/rdf+xml", "rdf", "RDF/XML")

RDF_FORMATS = (TURTLE, JSON_LD, N_TRIPLES, RDF_XML)
ALL_FORMATS = (HTML, *RDF_FORMATS)
BY_EXTENSION = {f.extension: f for f in ALL_FORMATS}
# Media types clients send for the same formats.
ALIASES = {
    "application/xhtml+xml": HTML,
    "application/x-turtle": TURTLE,
    "application/json": JSON_LD,
    "text/plain": N_TRIPLES,
    "application/xml": RDF_XML,
    "text/xml": RDF_XML,
}
WILDCARD_DEFAULT = TURTLE


class NotAcceptable(PactgraphError):
    """No offered representation matches the client's ``Accept`` header."""

    def __init__(self, accept: str, offered: tuple[Format, ...]) -> None:
        names = ", ".join(f.media_type for f in offered)
        super().__init__(
            f"None of the types in 'Accept: {accept}' is offered here. Ask for one of: {names}, "
            f"or add a file extension ({', '.join('.' + f.extension for f in offered)})."
        )
        self.offered = offered


def _parse_accept(accept: str) -> list[tuple[str, float, int]]:
    """(media range, q, position) for each entry of an Accept header."""
    entries = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        entries.append((media, q, position))
    return entries


def _format_for(media: str, offered: tuple[Format, ...]) -> Format | None:
    for fmt in offered:
        if fmt.media_type == media:
            return fmt
    alias = ALIASES.get(media)
    return alias if alias in offered else None


def choose(accept: str | None, offered: tuple[Format, ...] = ALL_FORMATS) -> Format:
    """The best offered format for ``accept`` (raises :class:`NotAcceptable`)."""
    if not accept or not accept.strip():
        return WILDCARD_DEFAULT if WILDCARD_DEFAULT in offered else offered[0]
    best: tuple[float, int, int] | None = None
    chosen: Format | None = None
    for media, q, position in _parse_accept(accept):
        if q <= 0:
            continue
        if media == "*/*":
            fmt, specificity = (WILDCARD_DEFAULT if WILDCARD_DEFAULT in offered else offered[0]), 0
        elif media.endswith("/*"):
            major = media[:-1]
            fmt = next((f for f in offered if f.media_type.startswith(major)), None)
            specificity = 1
        else:
            fmt, specificity = _format_for(media, offered), 2
        if fmt is None:
            continue
        rank = (q, specificity, -position)
        if best is None or rank > best:
            best, chosen = rank, fmt
    if chosen is None:
        raise NotAcceptable(accept, offered)
    return chosen


def split_extension(path: str) -> tuple[str, Format | None]:
    """``org/rosatom.ttl`` -> (``org/rosatom``, TURTLE); paths without a known extension unchanged."""
    stem, dot, ext = path.rpartition(".")
    if dot and "/" not in ext and ext.lower() in BY_EXTENSION:
        return stem, BY_EXTENSION[ext.lower()]
    return path, None
