"""CLI commands of the extract side: ``pactgraph extract`` (and ``pactgraph eval``, issue 3)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer


def extract_command(
    corpus_dir: Path = typer.Argument(..., help="Folder of .txt articles (with an optional corpus.tsv)."),
    output: Path = typer.Option(
        ..., "-o", "--output", help="Output file: N-Quads (.nq), or TriG when it ends .trig."
    ),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64, help="Processes to extract with."),
    keep_going: bool = typer.Option(
        False, "--keep-going", help="Write the documents that worked even when some files fail (exit 0)."
    ),
) -> None:
    """Extract facts, with the sentence behind each, from CORPUS_DIR (one named graph per document)."""
    from pactgraph.core.errors import PactgraphError
    from pactgraph.extract.run import extract_corpus
    from rich.console import Console
    from rich.table import Table

    err = Console(stderr=True)
    try:
        summary = extract_corpus(
            corpus_dir, output, workers=workers, keep_going=keep_going, progress=sys.stderr.isatty()
        )
    except PactgraphError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False, markup=True, soft_wrap=True)
        raise typer.Exit(1) from exc
    for message in summary.errors.values():
        err.print(f"[yellow]skipped:[/yellow] {message}", highlight=False, soft_wrap=True)
    table = Table(title=f"extracted {summary.documents} documents into {summary.output}", header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    for cls, count in sorted(summary.entities.items()):
        table.add_row(f"entities: {cls}", str(count))
    for prop, count in sorted(summary.facts.items()):
        table.add_row(f"facts: pg:{prop}", str(count))
    table.add_row("evidence", str(summary.evidence))
    table.add_row("mentions", str(summary.mentions))
    if summary.errors:
        table.add_row("files skipped", str(len(summary.errors)))
    Console(stderr=True).print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to *app*."""
    from pactgraph.extract.evaluation import eval_command  # issue 3: quality evaluation

    app.command("extract")(extract_command)
    app.command("eval")(eval_command)
