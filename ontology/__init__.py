"""The pactgraph ontology (OWL, Turtle), its SHACL shapes, the JSON-LD context and the closed namespace.

Data files are found with :func:`path`, which works from a checkout, an editable install and a wheel.
"""

from importlib import resources
from pathlib import Path


def path(name: str) -> Path:
    """Path of a data file shipped in this package, e.g. ``path("pactgraph.ttl")``."""
    return Path(str(resources.files(__name__).joinpath(name)))
