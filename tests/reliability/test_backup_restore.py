"""The backup and restore procedures of docs/operations.md, run as written.

1. Folder copy: the folder ``CURRENT`` points at is never written once published (every change is
   copy-on-write into a new folder), so copying it and ``CURRENT`` while the server runs is a
   consistent backup; a data folder made of the two serves the same version.
2. Dump and rebuild: ``pactgraph dump`` (N-Quads), keep the document graphs, ``pactgraph build
   --from-nq``: the same version (the build recomputes the ontology, inferred and metadata graphs).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_NQ = ROOT / "tests" / "graph" / "data" / "sample.nq"
BUILD_GRAPHS = "<https://w3id.org/pactgraph/graph/"
TOKEN = "reliability-backup-token-0123456789"


def _pactgraph(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "pactgraph.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=os.environ,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _current(data_dir: Path) -> dict:
    return json.loads((data_dir / "CURRENT").read_text())


def test_a_folder_copy_taken_while_serving_restores_the_same_version(tmp_path, server_factory):
    live = tmp_path / "live"
    _pactgraph("build", "--from-nq", str(SAMPLE_NQ), "--store", str(live), "--no-dumps")
    server = server_factory(live, update_token=TOKEN)
    pointer = _current(live)

    backup = tmp_path / "backup"  # the documented procedure: the current folder, then CURRENT
    (backup / "stores").mkdir(parents=True)
    shutil.copytree(live / pointer["path"], backup / pointer["path"])
    shutil.copy2(live / "CURRENT", backup / "CURRENT")

    insert = (
        "INSERT DATA { GRAPH <http://example.org/later> { <http://example.org/s> <http://example.org/p> 1 } }"
    )
    written = httpx.post(server.sparql, data={"update": insert}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert written.status_code == 200, written.text
    assert _current(live)["version"] != pointer["version"]  # the live store moved on

    restored = server_factory(backup)
    health = httpx.get(f"{restored.url}/health", timeout=10).json()
    assert (health["version"], health["triples"]) == (pointer["version"], pointer["triples"])
    later = httpx.get(
        restored.sparql, params={"query": "ASK { GRAPH <http://example.org/later> { ?s ?p ?o } }"}
    )
    assert later.json()["boolean"] is False  # the backup is the store as it was when copied


def test_a_dump_rebuilt_from_its_document_graphs_has_the_same_version(tmp_path):
    original = tmp_path / "original"
    _pactgraph("build", "--from-nq", str(SAMPLE_NQ), "--store", str(original), "--no-dumps")
    dump = tmp_path / "backup.nq"
    _pactgraph("dump", "--store", str(original), "--format", "nq", "--output", str(dump))

    documents = tmp_path / "documents.nq"
    with open(dump, encoding="utf-8") as source, open(documents, "w", encoding="utf-8") as out:
        out.writelines(line for line in source if BUILD_GRAPHS not in line.rsplit(" ", 2)[-2])
    restored = tmp_path / "restored"
    _pactgraph("build", "--from-nq", str(documents), "--store", str(restored), "--no-dumps")
    assert _current(restored)["version"] == _current(original)["version"]
    assert _current(restored)["triples"] == _current(original)["triples"]
