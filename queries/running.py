"""Run a query on an embedded Oxigraph store or a SPARQL 1.1 endpoint, and get its result in one format.

Both backends give the same :class:`QueryResult`: the body in the requested serialisation (bytes, as
the store or the endpoint wrote it) plus the query form. For the readable ``table`` format the result
is fetched as SPARQL JSON (SELECT, ASK) or N-Triples (CONSTRUCT, DESCRIBE) and parsed back by
:func:`rows`, which ``pactgraph query`` hands to rich.

The embedded store is queried as published: its default graph is already the deduplicated union of
the named graphs (docs/architecture.md), so ``use_default_graph_as_union`` is never passed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pactgraph.core.errors import BackendUnavailable, InputError, QueryError, QuerySyntaxError
from pactgraph.ontology.namespace import PREFIXES
from pactgraph.queries.catalog import query_form

if TYPE_CHECKING:
    import pyoxigraph

FORMATS = ("table", "csv", "json", "ttl")
GRAPH_FORMS = {"CONSTRUCT", "DESCRIBE"}

# (form kind, requested format) -> the media type asked of the backend.
_MEDIA = {
    ("solutions", "table"): "application/sparql-results+json",
    ("solutions", "json"): "application/sparql-results+json",
    ("solutions", "csv"): "text/csv",
    ("boolean", "table"): "application/sparql-results+json",
    ("boolean", "json"): "application/sparql-results+json",
    ("graph", "table"): "application/n-triples",
    ("graph", "ttl"): "text/turtle",
    ("graph", "json"): "application/ld+json",
}
_FIX = {
    ("solutions", "ttl"): "a SELECT gives a table, not triples: use --format table, csv or json",
    ("boolean", "ttl"): "an ASK gives true or false: use --format table or json",
    ("boolean", "csv"): "an ASK gives true or false: use --format table or json",
    ("graph", "csv"): "a CONSTRUCT or DESCRIBE gives triples: use --format ttl, json (JSON-LD) or table",
}


@dataclass(frozen=True)
class QueryResult:
    """A query's answer in one serialisation."""

    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    media_type: str
    body: bytes

    @property
    def kind(self) -> str:
        return _kind(self.form)


def _kind(form: str) -> str:
    return "graph" if form in GRAPH_FORMS else "boolean" if form == "ASK" else "solutions"


def media_type_for(form: str, fmt: str) -> str:
    """The media type that serves *fmt* for a query of *form*; a mismatch is an :class:`InputError`."""
    if fmt not in FORMATS:
        raise InputError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    key = (_kind(form), fmt)
    if key in _FIX:
        raise InputError(f"--format {fmt} does not fit a {form} query: {_FIX[key]}")
    return _MEDIA[key]


def run_embedded(store: pyoxigraph.Store, text: str, fmt: str) -> QueryResult:
    """Evaluate *text* on an open pyoxigraph store and serialise the answer as *fmt*."""
    import pyoxigraph

    form = query_form(text)
    media_type = media_type_for(form, fmt)
    try:
        answer = store.query(text)
    except SyntaxError as exc:
        raise QuerySyntaxError(f"The query is not valid SPARQL: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"The store could not evaluate the query: {exc}") from exc
    if isinstance(answer, pyoxigraph.QueryTriples):
        body = answer.serialize(format=pyoxigraph.RdfFormat.from_media_type(media_type))
    else:
        body = answer.serialize(format=pyoxigraph.QueryResultsFormat.from_media_type(media_type))
    return QueryResult(form=form, media_type=media_type, body=body or b"")


def run_remote(endpoint: str, text: str, fmt: str, timeout: float = 60.0) -> QueryResult:
    """POST *text* to a SPARQL 1.1 endpoint (the protocol's ``application/sparql-query`` body)."""
    import httpx

    form = query_form(text)
    media_type = media_type_for(form, fmt)
    try:
        response = httpx.post(
            endpoint,
            content=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": media_type},
            timeout=timeout,
        )
    except httpx.HTTPError as exc:
        raise BackendUnavailable(
            f"The SPARQL endpoint {endpoint} did not answer ({exc}); check the URL and that the server "
            "runs (`pactgraph serve`)"
        ) from exc
    if response.status_code == 400:
        raise QuerySyntaxError(f"The endpoint refused the query (400): {_error_text(response)}")
    if response.status_code >= 400:
        raise QueryError(f"The endpoint answered {response.status_code}: {_error_text(response)}")
    return QueryResult(
        form=form, media_type=response.headers.get("content-type", media_type), body=response.content
    )


def _error_text(response) -> str:  # httpx.Response
    text = response.text.strip()
    try:
        data = json.loads(text)
    except ValueError:
        return text[:2000] or response.reason_phrase
    if isinstance(data, dict):
        return str(data.get("detail") or data.get("message") or data)[:2000]
    return text[:2000]


@dataclass(frozen=True)
class Rows:
    """A result laid out as a table: column names and rows of display strings (``None`` = unbound)."""

    columns: list[str]
    rows: list[list[str | None]]


def rows(result: QueryResult) -> Rows:
    """Parse a ``table``-format result (SPARQL JSON or N-Triples) into display rows."""
    if result.kind == "graph":
        import pyoxigraph

        triples = pyoxigraph.parse(result.body, format=pyoxigraph.RdfFormat.N_TRIPLES)
        table = [[shorten(t.subject), shorten(t.predicate), shorten(t.object)] for t in triples]
        return Rows(["subject", "predicate", "object"], sorted(table))
    data = json.loads(result.body or b"{}")
    if "boolean" in data:
        return Rows(["answer"], [["true" if data["boolean"] else "false"]])
    columns = list(data.get("head", {}).get("vars", []))
    out = [[_binding(b.get(c)) for c in columns] for b in data.get("results", {}).get("bindings", [])]
    return Rows(columns, out)


def _prefixed(iri: str) -> str:
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else f"<{iri}>"


def _binding(term: dict | None) -> str | None:
    """A SPARQL JSON term as readable text: prefixed IRIs, literals with their language or datatype.

    >>> _binding({"type": "uri", "value": "https://w3id.org/pactgraph/id/state/russia"})
    'id:state/russia'
    >>> _binding({"type": "literal", "value": "Nga", "xml:lang": "vi"})
    'Nga @vi'
    >>> _binding({"type": "literal", "value": "2015-05-29", "datatype": "http://www.w3.org/2001/XMLSchema#date"})
    '2015-05-29 (xsd:date)'
    """
    if term is None:
        return None
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return _prefixed(value)
    if kind == "bnode":
        return f"_:{value}"
    if "xml:lang" in term:
        return f"{value} @{term['xml:lang']}"
    datatype = term.get("datatype")
    plain = (PREFIXES["xsd"] + "string", PREFIXES["xsd"] + "integer", PREFIXES["xsd"] + "decimal")
    if datatype and datatype not in plain:
        return f"{value} ({_prefixed(datatype)})"
    return value


def shorten(term: object) -> str:
    """A pyoxigraph term as readable text, the same way :func:`rows` writes JSON terms."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return _prefixed(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, pyoxigraph.Literal):
        entry: dict[str, str] = {"type": "literal", "value": term.value, "datatype": term.datatype.value}
        if term.language:
            entry["xml:lang"] = term.language
        return _binding(entry) or ""
    return str(term)
