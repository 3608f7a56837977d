"""CLI commands of the extract side (filled in by its issue)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to *app*."""
    from pactgraph.extract.evaluation import eval_command  # issue 3: quality evaluation

    app.command("eval")(eval_command)
