"""The distribution's shape: every package folder is listed, and imports run one way."""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PACKAGE_DIRS = PYPROJECT["tool"]["setuptools"]["package-dir"]

# Which pactgraph packages each package may import (docs/architecture.md).
ALLOWED = {
    "core": set(),
    "ontology": {"core"},
    "extract": {"core", "ontology"},
    "graph": {"core", "ontology"},
    "api": {"core", "ontology", "graph", "queries"},
    "queries": {"core", "ontology"},
    "cli": {"core", "ontology", "extract", "graph", "api", "queries"},
}


def test_every_package_folder_is_listed_for_the_wheel():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    for name, folder in PACKAGE_DIRS.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            if "node_modules" in init.parts or "static" in init.parts:
                continue
            rel = init.parent.relative_to(ROOT / folder)
            dotted = ".".join([name, *rel.parts]) if rel.parts else name
            assert dotted in listed, f"{dotted} ({init.parent}) is missing from [tool.setuptools] packages"


def _pactgraph_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "pactgraph" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_imports_run_one_way():
    wrong = []
    for package, allowed in ALLOWED.items():
        for source in (ROOT / PACKAGE_DIRS[f"pactgraph.{package}"]).rglob("*.py"):
            for target in _pactgraph_imports(source) - allowed - {package}:
                wrong.append(f"{source.relative_to(ROOT)} imports pactgraph.{target}")
    assert not wrong, "imports against the data flow:\n" + "\n".join(wrong)


def test_cli_answers_help():
    from pactgraph.cli.main import app
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "pactgraph" in result.output.lower()
