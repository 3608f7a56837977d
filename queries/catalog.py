"""The example query library: every ``.rq`` file in this folder, with its documented header.

Each file opens with a comment block in this shape (the keys are fixed; a test checks every file)::

    # title: Agreements in time order
    # en: Which agreements were signed, when, and by whom, earliest first?
    # vi: Những văn kiện nào đã được ký, khi nào, giữa những bên nào, theo thứ tự thời gian?
    # columns:
    #   agreement  the agreement's IRI
    #   signed     the date of signature, as precise as the text gives it
    # terms: pg:Agreement pg:signedOn pg:party
    # notes: free text, may run over several lines
    #   that are indented under the key.

The header is data the CLI (``pactgraph query --list``), the tutorial and the web UI read; keeping it in
the file means the documentation cannot drift from the query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pactgraph.core.errors import InputError
from pactgraph.queries import directory

REQUIRED_KEYS = ("title", "en", "vi", "columns", "terms")
_KEY_LINE = re.compile(r"^#\s?([a-z]+):\s?(.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(\S.*)$")


@dataclass(frozen=True)
class ExampleQuery:
    """One documented query of the library."""

    name: str  # the file stem, e.g. ``agreements-in-time-order``
    path: Path
    title: str
    question_en: str
    question_vi: str
    columns: dict[str, str]  # result column (or, for CONSTRUCT, node role) -> meaning
    terms: list[str]  # ontology terms it shows, as prefixed names (``pg:party``)
    notes: str = ""
    text: str = field(repr=False, default="")

    @property
    def form(self) -> str:
        """The query form: ``SELECT``, ``CONSTRUCT``, ``ASK`` or ``DESCRIBE``."""
        return query_form(self.text)


def parse_header(text: str, source: str = "<query>") -> dict[str, str | dict[str, str]]:
    """The header fields of a query text (see the module docstring), without validation."""
    fields: dict[str, str | dict[str, str]] = {}
    current: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break  # the header ends at the first line that is not a comment
        key_match = _KEY_LINE.match(line)
        cont_match = _CONTINUATION.match(line)
        if key_match and not cont_match:
            current, value = key_match.group(1), key_match.group(2).strip()
            fields[current] = {} if current == "columns" else value
        elif cont_match and current is not None:
            value = cont_match.group(1).strip()
            target = fields[current]
            if isinstance(target, dict):
                column, _, meaning = value.partition(" ")
                target[column.lstrip("?")] = meaning.strip()
            else:
                fields[current] = f"{target} {value}".strip()
    return fields


def load(path: Path) -> ExampleQuery:
    """Read one ``.rq`` file; a missing header key raises :class:`InputError` naming the file and key."""
    text = path.read_text(encoding="utf-8")
    fields = parse_header(text, str(path))
    missing = [key for key in REQUIRED_KEYS if not fields.get(key)]
    if missing:
        raise InputError(
            f"{path.name}: the header lacks {', '.join(missing)}. Every query opens with '# title:', "
            "'# en:', '# vi:', '# columns:' (indented lines 'name  meaning') and '# terms:' "
            "(see pactgraph/queries/catalog.py)."
        )
    columns = fields["columns"]
    assert isinstance(columns, dict)
    return ExampleQuery(
        name=path.stem,
        path=path,
        title=str(fields["title"]),
        question_en=str(fields["en"]),
        question_vi=str(fields["vi"]),
        columns=columns,
        terms=str(fields["terms"]).split(),
        notes=str(fields.get("notes", "")),
        text=text,
    )


def all_queries(folder: Path | None = None) -> list[ExampleQuery]:
    """Every query of the library, sorted by name."""
    folder = folder or directory()
    return [load(path) for path in sorted(folder.glob("*.rq"))]


def find(name: str, folder: Path | None = None) -> ExampleQuery | None:
    """The library query called *name* (file stem, with or without ``.rq``), or ``None``."""
    folder = folder or directory()
    path = folder / (name if name.endswith(".rq") else f"{name}.rq")
    return load(path) if path.is_file() and path.parent == folder else None


_PROLOGUE = re.compile(
    r"""\s*(?:
        \#[^\n]*(?:\n|$)                          # a comment line
      | PREFIX\s+[^\s:]*:\s*<[^>]*>               # PREFIX pname: <iri>
      | BASE\s*<[^>]*>                            # BASE <iri>
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_FORM = re.compile(r"\s*(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE)


def query_form(text: str) -> str:
    """The form of a SPARQL query, read after its prologue (comments, PREFIX and BASE declarations).

    It decides, before sending a query to an endpoint, which result media type to ask for.

    >>> query_form("PREFIX pg: <https://w3id.org/pactgraph/ontology#>\\n# hi\\nconstruct WHERE {}")
    'CONSTRUCT'
    """
    position = 0
    while match := _PROLOGUE.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    form = _FORM.match(text, position)
    if not form:
        snippet = text[position : position + 40].strip() or "(nothing)"
        raise InputError(
            f"This does not look like a SPARQL query: after the prologue it starts with {snippet!r}; "
            "expected SELECT, CONSTRUCT, ASK or DESCRIBE (updates go to the endpoint's /update)."
        )
    return form.group(1).upper()


def render_readme(queries: list[ExampleQuery] | None = None) -> str:
    """``queries/README.md``: the header convention and one entry per query (``pactgraph docs`` writes it)."""
    queries = queries if queries is not None else all_queries()
    out = [
        "# Example queries",
        "",
        "<!-- Generated by `pactgraph docs` from the headers of the .rq files; do not edit by hand. -->",
        "",
        f"{len(queries)} SPARQL queries, one `.rq` file each, that answer the questions researchers ask of",
        "pactgraph. Each runs as it is (`pactgraph query <name>`, the web editor's menu, or any SPARQL 1.1",
        "client) and is tested on the graph built from `data/corpus` with its key rows asserted",
        "(tests/queries/). Queries that take a parameter put it in a `VALUES` line near the top.",
        "",
        "Each file opens with a header that tools read (`pactgraph query --list`, the web UI):",
        "",
        "```sparql",
        "# title: one line",
        "# en: the research question in English?",
        "# vi: the same question in Vietnamese?",
        "# columns:",
        "#   name  what the result column means",
        "# terms: the ontology terms the query shows (pg:party, skos:broader, ...)",
        "# notes: optional, indented continuation lines",
        "```",
        "",
        "| query | form | question |",
        "|---|---|---|",
    ]
    for query in queries:
        out.append(f"| [`{query.name}`](#{query.name}) | {query.form} | {_cell(query.question_en)} |")
    out.append("")
    for query in queries:
        link = f"[`{query.name}.rq`]({query.name}.rq)"
        out += [f"## {query.name}", "", f"**{query.title}** ({query.form}, {link})", ""]
        out += [f"- {query.question_en}", f"- {query.question_vi}", "", "| column | meaning |", "|---|---|"]
        out += [f"| `{name}` | {_cell(meaning)} |" for name, meaning in query.columns.items()]
        out += ["", "Terms: " + ", ".join(f"`{t}`" for t in query.terms)]
        if query.notes:
            out += ["", query.notes]
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a literal ``|`` would end the cell."""
    return text.replace("|", "\\|")
