"""CLI commands of the serving side (filled in by the API issue)."""

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to *app*."""

    @app.command()
    def version() -> None:
        """Print the installed pactgraph version."""
        from importlib.metadata import version as dist_version

        typer.echo(dist_version("pactgraph"))
