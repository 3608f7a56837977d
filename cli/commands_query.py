"""CLI commands for querying the graph: ``pactgraph query`` and ``pactgraph docs``."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from pactgraph.core.errors import InputError, PactgraphError


def _query_text(query: str) -> tuple[str, str]:
    """(label, text) of QUERY: a ``.rq`` file, the name of a library query, or the SPARQL itself."""
    from pactgraph.queries import catalog

    single_token = len(query) < 256 and not any(ch.isspace() for ch in query.strip())
    if single_token and Path(query).is_file():
        return query, Path(query).read_text(encoding="utf-8")
    example = catalog.find(query) if single_token else None
    if example is not None:
        return example.name, example.text
    if single_token and query.endswith(".rq"):
        raise InputError(
            f"No file {query} and no library query of that name; give a path to a .rq file, a library "
            "query name (`pactgraph query --list`) or the query text itself"
        )
    return "the query text", query


def _print_table(result, console) -> None:
    from pactgraph.queries.running import rows
    from rich.table import Table

    laid_out = rows(result)
    table = Table(show_lines=False, header_style="bold")
    for column in laid_out.columns:
        table.add_column(column, overflow="fold")
    for row in laid_out.rows:
        table.add_row(*[("" if cell is None else cell) for cell in row])
    console.print(table)
    noun = "triple" if result.kind == "graph" else "row"
    count = len(laid_out.rows)
    console.print(f"{count} {noun}{'' if count == 1 else 's'}", style="dim")


def _default_format(form: str) -> str:
    """A table on a terminal; for pipes, CSV for SELECT, Turtle for graphs, JSON for ASK."""
    if sys.stdout.isatty():
        return "table"
    return {"SELECT": "csv", "ASK": "json"}.get(form, "ttl")


def register(app: typer.Typer) -> None:
    """Add this module's commands to *app*."""

    @app.command()
    def query(
        query: str = typer.Argument(
            None, help="A .rq file, a library query name (see --list), or SPARQL text.", show_default=False
        ),
        store: Path | None = typer.Option(
            None, "--store", help="Data directory of the published store (default: PACTGRAPH_DATA_DIR)."
        ),
        endpoint: str | None = typer.Option(
            None, "--endpoint", help="Query a SPARQL 1.1 endpoint URL instead of the embedded store."
        ),
        fmt: str | None = typer.Option(
            None,
            "--format",
            "-f",
            help="table, csv, json or ttl. Default: table on a terminal; csv (SELECT), ttl (CONSTRUCT, "
            "DESCRIBE) or json (ASK) when piped.",
            show_default=False,
        ),
        list_queries: bool = typer.Option(False, "--list", help="List the example query library and exit."),
    ) -> None:
        """Run a SPARQL query on the graph and print the result.

        Against the embedded store by default (opened read-only, so a running server is not
        disturbed), or against --endpoint. Examples:

            pactgraph query agreements-in-time-order

            pactgraph query queries/documents.rq --format csv > documents.csv

            pactgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
        """
        from pactgraph.queries import catalog
        from pactgraph.queries.running import run_embedded, run_remote
        from rich.console import Console

        console = Console()
        if list_queries:
            for example in catalog.all_queries():
                typer.echo(f"{example.name:45} {example.form:9} {example.title}")
            return
        try:
            if not query:
                raise InputError("Give a query: a .rq file, a library query name or SPARQL text")
            _label, text = _query_text(query)
            form = catalog.query_form(text)
            chosen = (fmt or _default_format(form)).lower()
            if endpoint:
                result = run_remote(endpoint, text, "table" if chosen == "table" else chosen)
            else:
                from pactgraph.core.settings import get_settings
                from pactgraph.graph import StoreLocation, open_read_only

                location = StoreLocation(store or get_settings().data_dir)
                result = run_embedded(open_read_only(location.require_current().path), text, chosen)
        except PactgraphError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from exc
        if chosen == "table":
            _print_table(result, console)
        else:
            out = sys.stdout.buffer
            out.write(result.body)
            if not result.body.endswith(b"\n"):
                out.write(b"\n")
            out.flush()

    @app.command()
    def docs(
        store: Path | None = typer.Option(
            None, "--store", help="Data directory of the built graph the examples come from."
        ),
        out: Path = typer.Option(Path("docs"), "--out", help="Folder for ontology.md and ontology.svg."),
        no_examples: bool = typer.Option(
            False, "--no-examples", help="Document the ontology alone, without examples from a graph."
        ),
        queries_readme: Path = typer.Option(
            Path("queries/README.md"), "--queries-readme", help="Where the query library's index goes."
        ),
    ) -> None:
        """Generate docs/ontology.md, the class diagram docs/ontology.svg and queries/README.md.

        The examples of use are taken from the published graph of --store (default:
        PACTGRAPH_DATA_DIR); build it first with `pactgraph build`.
        """
        from pactgraph.ontology.docs import write_docs

        try:
            graph = None
            if not no_examples:
                from pactgraph.core.settings import get_settings
                from pactgraph.graph import StoreLocation, open_read_only

                location = StoreLocation(store or get_settings().data_dir)
                graph = open_read_only(location.require_current().path)
            written = write_docs(out, graph)
            from pactgraph.queries.catalog import render_readme

            queries_readme.write_text(render_readme(), encoding="utf-8")
            written.append(queries_readme)
        except PactgraphError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from exc
        for path in written:
            typer.echo(f"wrote {path}")
