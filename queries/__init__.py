"""Documented example SPARQL queries (one ``.rq`` file each) that answer researchers' questions."""

from importlib import resources
from pathlib import Path


def directory() -> Path:
    """The folder that holds the ``.rq`` files."""
    return Path(str(resources.files(__name__)))
