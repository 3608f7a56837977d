"""CLI commands for querying the graph (filled in by the queries issue)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to *app*."""
