"""The example queries of ``queries/*.rq`` (the queries package), for the home page and the editor."""

from __future__ import annotations

from importlib import resources
from typing import Any


def example_queries() -> list[dict[str, Any]]:
    """Each ``.rq`` file as {name, title, query}; the title is its first comment line, if any."""
    try:
        files = sorted(
            (f for f in resources.files("pactgraph.queries").iterdir() if f.name.endswith(".rq")),
            key=lambda f: f.name,
        )
    except (ModuleNotFoundError, FileNotFoundError):
        return []
    examples = []
    for file in files:
        text = file.read_text("utf-8")
        title = file.name.removesuffix(".rq").replace("_", " ").replace("-", " ")
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith("#"):
                comment = stripped.lstrip("#").strip()
                if comment:
                    title = (
                        comment.split(":", 1)[1].strip() if comment.lower().startswith("title:") else comment
                    )
                    break
            elif stripped:
                break
        examples.append({"name": file.name.removesuffix(".rq"), "title": title, "query": text})
    return examples
