"""What a request may ask of the engine, checked before evaluation (the engine has no switches).

- length: ``PACTGRAPH_MAX_QUERY_CHARS``;
- nesting and UNION branches: pyoxigraph crashes its process on very deep queries;
- ``SERVICE`` and ``LOAD``: pyoxigraph fetches any URL it is given, so only endpoints on
  ``PACTGRAPH_SERVICE_ALLOWLIST`` are allowed, and a variable target never is;
- the result cap: a SELECT without a ``LIMIT`` at or under ``PACTGRAPH_MAX_RESULT_ROWS`` is run with
  one row more than the cap, so the worker can tell that rows were cut and say so.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from pactgraph.api import sparql_lexer as lex
from pactgraph.api.errors import BadRequest, PayloadTooLarge
from pactgraph.core.errors import QueryRefused
from pactgraph.core.settings import Settings


@dataclass(frozen=True)
class PreparedQuery:
    """A query that passed the policy, with the text to evaluate and the cap to apply."""

    text: str  # as the client sent it
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    run_text: str  # the text the worker evaluates (capped to cap + 1 rows when needed)
    exact_text: str | None  # capped to exactly cap rows (used only when rows were cut)
    cap: int | None

    @property
    def kind(self) -> str:
        """``solutions`` (SELECT, ASK) or ``graph`` (CONSTRUCT, DESCRIBE): what negotiation offers."""
        return "solutions" if self.form in ("SELECT", "ASK") else "graph"


def _check_shape(text: str, settings: Settings, what: str) -> lex.Analysis:
    if len(text) > settings.max_query_chars:
        raise PayloadTooLarge(
            f"The {what} has {len(text)} characters, more than the limit of {settings.max_query_chars} "
            "(PACTGRAPH_MAX_QUERY_CHARS); shorten it or split it"
        )
    if not text.strip():
        raise BadRequest(f"The {what} is empty; send SPARQL text")
    analysis = lex.analyse(text)
    if analysis.max_depth > settings.max_nesting:
        raise QueryRefused(
            f"The {what} nests brackets {analysis.max_depth} deep, more than the limit of "
            f"{settings.max_nesting} (PACTGRAPH_MAX_NESTING); flatten the groups"
        )
    if analysis.unions > settings.max_union_branches:
        raise QueryRefused(
            f"The {what} has {analysis.unions} UNION branches, more than the limit of "
            f"{settings.max_union_branches} (PACTGRAPH_MAX_UNION_BRANCHES); use VALUES instead"
        )
    allowed = set(settings.service_allowlist)
    for keyword in ("SERVICE", "LOAD"):
        for target in lex.remote_targets(analysis, keyword):
            if target is None:
                raise QueryRefused(
                    f"{keyword} with a variable or unresolvable target is refused: this endpoint calls "
                    "only endpoints on PACTGRAPH_SERVICE_ALLOWLIST, and it must be written as an IRI"
                )
            if target not in allowed:
                what_for = "Federated SERVICE calls are" if keyword == "SERVICE" else "LOAD from URLs is"
                raise QueryRefused(
                    f"{what_for} off on this endpoint: <{target}> is not on PACTGRAPH_SERVICE_ALLOWLIST. "
                    "Ask the operator to add it, or run the query on your own endpoint"
                )
    return analysis


def prepare_query(text: str, settings: Settings) -> PreparedQuery:
    """Check a query against the policy and work out its form and cap."""
    analysis = _check_shape(text, settings, "query")
    form = analysis.form
    if form is None:
        if analysis.words(*lex.UPDATE_WORDS):
            raise BadRequest(
                "This is an update, not a query: send it as update= (form POST) or with "
                "Content-Type: application/sparql-update"
            )
        form = "SELECT"  # let the parser report what is wrong with it
    cap = settings.max_result_rows
    run_text, exact = text, None
    if form == "SELECT":
        capped = lex.cap_select(text, analysis, cap + 1)
        if capped is None:
            cap_used: int | None = None
        else:
            run_text, exact, cap_used = capped, lex.cap_select(text, analysis, cap), cap
    else:
        cap_used = None
    return PreparedQuery(text=text, form=form, run_text=run_text, exact_text=exact, cap=cap_used)


class QueryPreparer:
    """:func:`prepare_query` with a small LRU of recent texts: the lexer runs once per distinct query."""

    def __init__(self, settings: Settings, size: int = 2048) -> None:
        self.settings = settings
        self.size = size
        self._recent: OrderedDict[str, PreparedQuery] = OrderedDict()

    def __call__(self, text: str) -> PreparedQuery:
        prepared = self._recent.get(text)
        if prepared is not None:
            self._recent.move_to_end(text)
            return prepared
        prepared = prepare_query(text, self.settings)  # raises for refused queries: those are not kept
        self._recent[text] = prepared
        if len(self._recent) > self.size:
            self._recent.popitem(last=False)
        return prepared


def prepare_update(text: str, settings: Settings, using: list[str], using_named: list[str]) -> str:
    """Check an update against the policy and apply the protocol's USING parameters to its text."""
    analysis = _check_shape(text, settings, "update")
    if using or using_named:
        if lex.has_dataset_clause(analysis):
            raise BadRequest(
                "The update has its own USING or WITH clause and the request also gives "
                "using-graph-uri/using-named-graph-uri; the protocol forbids both: keep one"
            )
        text = lex.inject_using(text, analysis, using, using_named)
    return text
