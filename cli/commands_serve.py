"""CLI commands of the serving side: ``pactgraph serve`` and ``pactgraph version``."""

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to *app*."""

    @app.command()
    def version() -> None:
        """Print the installed pactgraph version."""
        from importlib.metadata import version as dist_version

        typer.echo(dist_version("pactgraph"))

    @app.command()
    def serve(
        store: Path = typer.Option(None, "--store", help="Data directory with CURRENT (PACTGRAPH_DATA_DIR)"),
        host: str = typer.Option(None, "--host", "--bind", help="Address to listen on (PACTGRAPH_HOST)"),
        port: int = typer.Option(None, "--port", help="TCP port (PACTGRAPH_PORT)"),
        workers: int = typer.Option(None, "--workers", help="Query worker processes (PACTGRAPH_WORKERS)"),
        log_level: str = typer.Option("info", "--log-level", help="debug, info, warning or error"),
    ) -> None:
        """Serve the published store over SPARQL 1.1 (queries, updates, Graph Store) and the web views.

        Options override the PACTGRAPH_* variables; a new `pactgraph build` is picked up without restart.
        """
        import logging

        import uvicorn
        from pactgraph.api.app import create_app
        from pactgraph.core.errors import ConfigError
        from pactgraph.core.settings import load_settings

        overrides = {
            k: v for k, v in {"data_dir": store, "host": host, "port": port, "workers": workers}.items() if v
        }
        try:
            settings = load_settings(**overrides)
        except ConfigError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        typer.echo(
            f"pactgraph: serving {settings.data_dir} on http://{settings.host}:{settings.port}/sparql",
            err=True,
        )
        uvicorn.run(
            create_app(settings),
            host=settings.host,
            port=settings.port,
            log_level=log_level,
            access_log=False,  # pactgraph.access logs one line per request, with the query hash
            server_header=False,
            limit_concurrency=1000,
            h11_max_incomplete_event_size=16 * 1024,
        )
