"""A small SPARQL lexer: just enough structure to police and rewrite requests before evaluation.

It knows strings (short and long, with escapes), IRIs, comments, variables, prefixed names,
keywords and brackets, so that a keyword inside a literal or an IRI is never mistaken for syntax.
It is not a parser: pyoxigraph parses and reports syntax errors; this module only answers
questions the engine cannot (what form is this query, does it call SERVICE, how deep does it nest)
and rewrites text where pyoxigraph has no parameter (USING clauses, the result cap).

>>> [t.text for t in tokenize('SELECT ?s WHERE { ?s <urn:x> "WHERE" }') if t.kind == "word"]
['SELECT', 'WHERE']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Order matters: long strings before short ones, IRIs before the `<` operator.
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\U000EFFFF]+)
  | (?P<pname>(?:[A-Za-z\u00C0-\U000EFFFF][\w.\-\u00B7\u00C0-\U000EFFFF]*)?:
               (?:[\w\-\u00B7\u00C0-\U000EFFFF:%\\]|\.(?=[\w\-:%\\]))*)
  | (?P<number>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One lexical token: its kind, its text, where it starts and its bracket depth."""

    kind: str  # word, number, iri, pname, var, string, open, close, other
    text: str
    start: int
    depth: int  # brackets open before this token

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.text.upper() in words


def tokenize(text: str) -> Iterator[Token]:
    """The tokens of *text*, without whitespace and comments."""
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        if kind == "close":
            depth = max(0, depth - 1)
        yield Token(kind, match.group(), match.start(), depth)
        if kind == "open":
            depth += 1


QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


@dataclass(frozen=True)
class Analysis:
    """What the policy and rewrites need to know about one request text."""

    tokens: list[Token]
    form: str | None  # SELECT / ASK / CONSTRUCT / DESCRIBE, or None for an update or junk
    max_depth: int
    unions: int
    prefixes: dict[str, str]

    def words(self, *names: str) -> list[int]:
        """Indexes of the tokens that are one of the keywords *names*."""
        return [i for i, t in enumerate(self.tokens) if t.is_word(*names)]


def analyse(text: str) -> Analysis:
    """Tokenise *text* once and collect its form, nesting depth, UNION count and PREFIX map."""
    tokens = list(tokenize(text))
    form = next((t.text.upper() for t in tokens if t.is_word(*QUERY_FORMS)), None)
    max_depth = max((t.depth + (t.kind == "open") for t in tokens), default=0)
    unions = sum(1 for t in tokens if t.is_word("UNION"))
    prefixes: dict[str, str] = {}
    for i, token in enumerate(tokens[:-2]):
        if token.is_word("PREFIX") and tokens[i + 1].kind == "pname" and tokens[i + 2].kind == "iri":
            prefixes[tokens[i + 1].text.rstrip(":")] = tokens[i + 2].text[1:-1]
    return Analysis(tokens, form, max_depth, unions, prefixes)


def remote_targets(analysis: Analysis, keyword: str) -> list[str | None]:
    """IRIs after each *keyword* (``SERVICE`` or ``LOAD``), skipping ``SILENT``.

    ``None`` stands for a target that cannot be known before evaluation (a variable) or resolved
    (an undeclared prefix); callers refuse those.
    """
    targets: list[str | None] = []
    tokens = analysis.tokens
    for i in analysis.words(keyword):
        j = i + 1
        if j < len(tokens) and tokens[j].is_word("SILENT"):
            j += 1
        target = tokens[j] if j < len(tokens) else None
        if target is None:
            targets.append(None)  # truncated text: the parser will report it
        elif target.kind == "iri":
            targets.append(target.text[1:-1])
        elif target.kind == "pname":
            prefix, _, local = target.text.partition(":")
            base = analysis.prefixes.get(prefix)
            targets.append(None if base is None else base + local)
        else:
            targets.append(None)
    return targets


def _where_positions(analysis: Analysis) -> list[int]:
    """Character offsets of the top-level ``WHERE`` of every modify operation (not ``DELETE WHERE``)."""
    positions = []
    tokens = analysis.tokens
    for i in analysis.words("WHERE"):
        token = tokens[i]
        if token.depth != 0:
            continue
        previous = tokens[i - 1] if i > 0 else None
        if previous is not None and previous.is_word("DELETE"):
            continue  # DELETE WHERE {...} takes no USING clause
        positions.append(token.start)
    return positions


def has_dataset_clause(analysis: Analysis) -> bool:
    """True when the update names its own dataset (``USING`` or ``WITH`` at the top level)."""
    return any(analysis.tokens[i].depth == 0 for i in analysis.words("USING", "WITH"))


def inject_using(text: str, analysis: Analysis, using: list[str], using_named: list[str]) -> str:
    """Insert ``USING <g>`` / ``USING NAMED <g>`` before the ``WHERE`` of every modify operation.

    This is how the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` reach an engine whose
    update call takes no dataset; the caller refuses updates that already have USING or WITH.
    """
    clause = "".join(f"USING <{g}> " for g in using) + "".join(f"USING NAMED <{g}> " for g in using_named)
    if not clause:
        return text
    pieces = []
    last = 0
    for position in _where_positions(analysis):
        pieces.append(text[last:position])
        pieces.append(clause)
        last = position
    pieces.append(text[last:])
    return "".join(pieces)


def top_level_limit(analysis: Analysis) -> tuple[int | None, Token | None]:
    """The outer query's ``LIMIT`` value and its number token, or ``(None, None)`` without one."""
    tokens = analysis.tokens
    for i, token in enumerate(tokens[:-1]):
        number = tokens[i + 1]
        if token.is_word("LIMIT") and token.depth == 0 and number.kind == "number" and number.text.isdigit():
            return int(number.text), number
    return None, None


def cap_select(text: str, analysis: Analysis, rows: int) -> str | None:
    """A rewrite of a SELECT query that returns at most ``rows`` solutions, or ``None`` if none is needed.

    A top-level ``LIMIT`` at or under ``rows`` needs no cap; a larger one is lowered; without one,
    ``LIMIT rows`` is added after the solution modifiers (before a trailing ``VALUES`` block).
    """
    limit, token = top_level_limit(analysis)
    if limit is not None and token is not None:
        if limit <= rows:
            return None
        return f"{text[: token.start]}{rows}{text[token.end :]}"
    insert_at = len(text)
    seen_group = False
    for token in analysis.tokens:
        if token.depth == 0 and token.kind == "close" and token.text == "}":
            seen_group = True
        elif seen_group and token.depth == 0 and token.is_word("VALUES"):
            insert_at = token.start
            break
    return f"{text[:insert_at]}\nLIMIT {rows}\n{text[insert_at:]}"
