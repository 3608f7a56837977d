"""`pactgraph extract CORPUS_DIR -o OUT.nq [--workers N] [--keep-going]`."""

from __future__ import annotations

import shutil
from pathlib import Path

from pactgraph.cli.main import app
from typer.testing import CliRunner

CORPUS = Path(__file__).parents[2] / "data" / "corpus"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(CORPUS / "003_92e30cbe0e9e22be.txt", folder)
    shutil.copy(CORPUS / "corpus.tsv", folder)
    return folder


def test_extract_writes_the_dataset_and_prints_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "out.nq"
    result = CliRunner().invoke(app, ["extract", str(_corpus(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000
    assert "extracted 1 documents" in result.output
    assert "entities: Person" in result.output and "facts: pg:represents" in result.output


def test_a_bad_file_fails_the_run_with_its_name_and_writes_nothing(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out.nq"
    result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "binary" in result.output
    assert not out.exists()


def test_keep_going_writes_the_rest_and_exits_zero(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    (folder / "broken.txt").write_bytes(b"")
    out = tmp_path / "out.nq"
    result = CliRunner().invoke(
        app, ["extract", str(folder), "-o", str(out), "--keep-going", "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output and "broken.txt" in result.output
    assert out.exists()


def test_workers_below_one_are_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["extract", str(_corpus(tmp_path)), "-o", str(tmp_path / "o.nq"), "--workers", "0"]
    )
    assert result.exit_code != 0
