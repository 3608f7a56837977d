"""kill -9 of a build at any step leaves the published store intact, and the next build succeeds."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pactgraph.graph import BuildOptions, StoreLocation, build, open_read_only

SAMPLE = Path(__file__).parent / "data" / "sample.nq"
PHASES = ["loaded", "inferred", "validated", "closed", "renamed", "published"]


def _build_subprocess(nquads: Path, data_dir: Path, kill_at: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PACTGRAPH_TEST_KILL_AT": kill_at}
    code = "from pactgraph.cli.main import app; app()"
    return subprocess.run(
        [sys.executable, "-c", code, "build", "--from-nq", str(nquads), "--store", str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("phase", PHASES)
def test_build_killed_at_each_phase_leaves_a_served_store_and_the_next_build_succeeds(tmp_path, phase):
    only_a = tmp_path / "a.nq"
    only_a.write_text(
        "".join(line + "\n" for line in SAMPLE.read_text().splitlines() if "900_sample_a> ." in line)
    )
    location = StoreLocation(tmp_path / "store")
    before = build(only_a, location, BuildOptions(write_dumps=False)).published
    reader = open_read_only(before.path)  # a server holding the old store open

    killed = _build_subprocess(SAMPLE, location.data_dir, phase)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    current = location.current()
    if phase == "published":
        assert current.version != before.version  # the switch happened just before the kill
    else:
        assert current == before
    assert len(open_read_only(current.path)) > 0
    assert len(reader) == len(open_read_only(before.path))  # the old store still answers

    after = build(SAMPLE, location, BuildOptions(write_dumps=False))
    assert location.current() == after.published
    assert not list(location.stores_dir.glob("*.partial")), "leftovers of the killed build are collected"
    published = {p.name for p in location.published_dirs()}
    assert after.published.path.name in published and len(published) <= 2
