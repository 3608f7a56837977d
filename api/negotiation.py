"""Content negotiation: which media type answers a request, from ``format=`` or ``Accept``.

Result kinds: ``"solutions"`` (SELECT and ASK) and ``"graph"`` (CONSTRUCT, DESCRIBE, Graph Store
GET, the service description). Each kind offers a fixed list; the first entry is the default for
a request without preference (``*/*`` or no ``Accept``).

>>> choose("graph", "application/rdf+xml;q=0.5, text/turtle")
'text/turtle'
>>> choose("solutions", "text/*")
'text/csv'
"""

from __future__ import annotations

from functools import lru_cache

from pactgraph.api.errors import NotAcceptable

SOLUTION_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
GRAPH_TYPES = (
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "application/n-quads",
    "application/trig",
)
OFFERED = {"solutions": SOLUTION_TYPES, "graph": GRAPH_TYPES}

# Names a browser user can type in ``format=``, and media types clients send that mean one we offer.
FORMAT_NAMES = {
    "json": "application/sparql-results+json",
    "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "srx": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "nq": "application/n-quads",
    "nquads": "application/n-quads",
    "trig": "application/trig",
}
ALIASES = {
    "solutions": {
        "application/json": "application/sparql-results+json",
        "application/xml": "application/sparql-results+xml",
        "text/xml": "application/sparql-results+xml",
    },
    "graph": {
        "text/plain": "application/n-triples",
        "application/x-turtle": "text/turtle",
        "application/json": "application/ld+json",
        "application/xml": "application/rdf+xml",
        "text/xml": "application/rdf+xml",
    },
}
# In a format= parameter, the JSON/XML names follow the kind of result.
_KIND_SWAP = {
    "graph": {
        "application/sparql-results+json": "application/ld+json",
        "application/sparql-results+xml": "application/rdf+xml",
    },
    "solutions": {},
}

TEXT_TYPES = frozenset(
    {
        "text/turtle",
        "text/csv",
        "text/tab-separated-values",
        "application/n-triples",
        "application/n-quads",
        "application/trig",
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "application/rdf+xml",
        "application/ld+json",
    }
)


def content_type(media_type: str) -> str:
    """The Content-Type header value: UTF-8 is stated on every text format we send."""
    return f"{media_type}; charset=utf-8" if media_type in TEXT_TYPES else media_type


def choose(kind: str, accept: str | None, format_param: str | None = None) -> str:
    """The media type to answer with, or :class:`NotAcceptable` listing what is offered."""
    if format_param:
        wanted = format_param.strip().lower()
        media = FORMAT_NAMES.get(wanted) or ALIASES[kind].get(wanted) or wanted
        media = _KIND_SWAP[kind].get(media, media)
        if media in OFFERED[kind]:
            return media
        raise NotAcceptable(
            f"format={format_param!r} is not offered for this result; use one of "
            + ", ".join(sorted({n for n, m in FORMAT_NAMES.items() if m in OFFERED[kind]}))
            + " or a media type: "
            + ", ".join(OFFERED[kind]),
            offered=OFFERED[kind],
        )
    return _choose_accept(kind, accept or "*/*")


@lru_cache(maxsize=1024)
def _choose_accept(kind: str, accept: str) -> str:
    offered = OFFERED[kind]
    aliases = ALIASES[kind]
    best: tuple[float, int, int, int, str] | None = None  # (q, specificity, -order, -position, media)
    for order, (pattern, q) in enumerate(parse_accept(accept)):
        if q <= 0:
            continue
        for position, media in enumerate(offered):
            specificity = _match(pattern, media, aliases)
            if specificity < 0:
                continue
            candidate = (q, specificity, -order, -position, media)
            if best is None or candidate[:4] > best[:4]:
                best = candidate
    if best is None:
        raise NotAcceptable(
            f"None of the media types in Accept: {accept[:200]} is offered for this result; "
            f"offered: {', '.join(offered)} (or add format=NAME to the URL)",
            offered=offered,
        )
    return best[-1]


def _match(pattern: str, media: str, aliases: dict[str, str]) -> int:
    """How specifically *pattern* matches *media*: 2 exact, 1 ``type/*``, 0 ``*/*``, -1 no match."""
    if pattern == media or aliases.get(pattern) == media:
        return 2
    if pattern == "*/*":
        return 0
    if pattern.endswith("/*") and media.startswith(pattern[:-1]):
        return 1
    return -1


def parse_accept(header: str) -> list[tuple[str, float]]:
    """``Accept`` entries as (lower-case media range without parameters, q), in header order."""
    entries = []
    for part in header.split(","):
        fields = part.strip().split(";")
        media = fields[0].strip().lower()
        if not media:
            continue
        if "/" not in media:
            media = "*/*" if media == "*" else media
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(1.0, max(0.0, float(value.strip())))
                except ValueError:
                    q = 0.0
        entries.append((media, q))
    return entries
