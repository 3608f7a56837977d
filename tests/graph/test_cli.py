"""The graph commands: build, add, stats, dump, validate, as a user runs them."""

import gzip
from pathlib import Path

import pytest
from pactgraph.cli.main import app
from pactgraph.graph import StoreLocation
from typer.testing import CliRunner

SAMPLE = Path(__file__).parent / "data" / "sample.nq"


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    store = tmp_path_factory.mktemp("cli") / "store"
    result = _run("build", "--from-nq", str(SAMPLE), "--store", str(store))
    assert result.exit_code == 0, result.output
    assert "published version" in result.output
    return store


def test_build_twice_reports_the_unchanged_version(store_dir):
    result = _run("build", "--from-nq", str(SAMPLE), "--store", str(store_dir))
    assert result.exit_code == 0, result.output
    assert f"unchanged: version {StoreLocation(store_dir).current().version}" in result.output


def test_stats_prints_the_void_figures(store_dir):
    result = _run("stats", "--store", str(store_dir))
    assert result.exit_code == 0, result.output
    current = StoreLocation(store_dir).current()
    assert current.version in result.output
    assert (
        "void:triples" in result.output
        and "pg:State" in result.output
        and "pg:cooperatesWith" in result.output
    )


def test_dump_writes_a_gzipped_file(store_dir, tmp_path):
    out = tmp_path / "d.trig.gz"
    result = _run("dump", "--format", "trig", "-o", str(out), "--gzip", "--store", str(store_dir))
    assert result.exit_code == 0, result.output
    assert b"cooperatesWith" in gzip.decompress(out.read_bytes())


def test_dump_refuses_an_unknown_format(store_dir):
    result = _run("dump", "--format", "xml", "--store", str(store_dir))
    assert result.exit_code == 1 and "Unknown format 'xml'" in result.output


def test_validate_passes_the_published_store_and_fails_a_bad_file(store_dir, tmp_path):
    ok = _run("validate", "--store", str(store_dir))
    assert ok.exit_code == 0 and "0 violation(s)" in ok.output
    bad = tmp_path / "bad.nq"
    bad.write_text(
        "".join(line + "\n" for line in SAMPLE.read_text().splitlines() if "ontology#quote" not in line)
    )
    failed = _run("validate", str(bad))
    assert failed.exit_code == 1
    assert "Violation: id:evidence/" in failed.output and "pg:quote" in failed.output


def test_commands_on_a_missing_store_name_it_and_say_how_to_build(tmp_path):
    missing = tmp_path / "nowhere"
    for command in ("stats", "dump", "validate"):
        result = _run(command, "--store", str(missing))
        assert result.exit_code == 1, command
        assert str(missing) in result.output and "pactgraph build" in result.output, command


def test_corrupt_input_is_reported_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.nq"
    bad.write_text('<urn:a> <urn:b> "unterminated <urn:g> .\n')
    result = _run("build", "--from-nq", str(bad), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert f"{bad}:1" in result.output
    assert StoreLocation(tmp_path / "store").current() is None


def test_add_an_nquads_document(tmp_path):
    lines = [line for line in SAMPLE.read_text().splitlines() if line and not line.startswith("#")]
    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    a.write_text("".join(line + "\n" for line in lines if "900_sample_a> ." in line))
    b.write_text("".join(line + "\n" for line in lines if "901_sample_b> ." in line))
    store = tmp_path / "store"
    assert _run("build", "--from-nq", str(a), "--store", str(store), "--no-dumps").exit_code == 0
    first = _run("add", str(b), "--store", str(store), "--no-dumps")
    assert first.exit_code == 0 and "published version" in first.output, first.output
    second = _run("add", str(b), "--store", str(store), "--no-dumps")
    assert second.exit_code == 0 and "unchanged" in second.output, second.output


def test_build_while_another_holds_the_lock_is_refused_with_a_message(store_dir):
    location = StoreLocation(store_dir)
    before = location.current()
    with location.lock():
        result = _run("build", "--from-nq", str(SAMPLE), "--store", str(store_dir))
    assert result.exit_code == 1
    assert "is locked by another build or writer" in result.output and "pid" in result.output
    assert location.current() == before
