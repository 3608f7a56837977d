"""``pactgraph``: one command line over the packages' plain functions.

Each package contributes its commands in ``cli/commands_*.py``; this module only assembles them,
so that ``pactgraph --help`` stays fast (heavy imports happen inside the commands).
"""

import typer
from pactgraph.cli import commands_extract, commands_graph, commands_query, commands_serve

app = typer.Typer(
    name="pactgraph",
    help="A knowledge graph of Vietnam-Russia and ASEAN-Russia cooperation, served over SPARQL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """pactgraph: extract facts from news text, build the graph, serve it over SPARQL."""


for module in (commands_extract, commands_graph, commands_query, commands_serve):
    module.register(app)


if __name__ == "__main__":  # pragma: no cover
    app()
