"""StoreLocation: the pointer, the atomic switch, the build lock and garbage collection."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pactgraph.core.errors import StoreError, StoreLockedError
from pactgraph.graph import StoreLocation, open_read_only, open_writable


def _publish_store(location: StoreLocation, version: str, built_at: str, triples: int = 1):
    store_dir = location.new_store_dir()
    store = open_writable(store_dir)
    store.update("INSERT DATA { <urn:s> <urn:p> <urn:o> }")
    store.flush()
    del store
    return location.publish(store_dir, version, built_at, triples)


def test_empty_location_has_no_current_store(tmp_path):
    assert StoreLocation(tmp_path / "nothing").current() is None


def test_require_current_names_the_folder_and_the_fix(tmp_path):
    with pytest.raises(StoreError) as err:
        StoreLocation(tmp_path / "missing").require_current()
    assert str(tmp_path / "missing") in str(err.value)
    assert "pactgraph build" in str(err.value)


def test_publish_switches_current_and_records_the_pointer(tmp_path):
    location = StoreLocation(tmp_path)
    published = _publish_store(location, "0123456789abcdef", "2026-01-02T03:04:05Z", 7)
    current = location.current()
    assert current == published
    assert current.version == "0123456789abcdef" and current.triples == 7
    assert current.etag == '"0123456789abcdef"'
    pointer = json.loads((tmp_path / "CURRENT").read_text())
    assert set(pointer) == {"version", "path", "built_at", "triples"}
    assert not Path(pointer["path"]).is_absolute()  # the data folder can be moved
    assert not list((tmp_path / "stores").glob("*.partial"))
    store = open_read_only(current.path)
    assert len(store) == 1


def test_old_stores_are_removed_after_two_newer_ones(tmp_path):
    location = StoreLocation(tmp_path)
    first = _publish_store(location, "a" * 16, "2026-01-01T00:00:01Z")
    second = _publish_store(location, "b" * 16, "2026-01-01T00:00:02Z")
    assert first.path.exists(), "the previous store stays for servers that have not switched yet"
    third = _publish_store(location, "c" * 16, "2026-01-01T00:00:03Z")
    assert not first.path.exists()
    assert second.path.exists() and third.path.exists()
    assert location.current() == third


def test_partial_folders_of_dead_builds_are_collected(tmp_path):
    location = StoreLocation(tmp_path)
    dead = location.stores_dir / "20260101T000000000000Z-999999999.partial"
    dead.mkdir(parents=True)
    _publish_store(location, "d" * 16, "2026-01-01T00:00:04Z")
    assert not dead.exists()


def test_corrupt_pointer_is_reported_with_the_file(tmp_path):
    (tmp_path / "CURRENT").write_text("{not json")
    with pytest.raises(StoreError) as err:
        StoreLocation(tmp_path).current()
    assert "CURRENT" in str(err.value) and "pactgraph build" in str(err.value)


def test_pointer_to_a_vanished_store_is_reported(tmp_path):
    (tmp_path / "CURRENT").write_text(
        json.dumps({"version": "x", "path": "stores/gone", "built_at": "2026-01-01T00:00:00Z", "triples": 0})
    )
    with pytest.raises(StoreError, match="does not exist"):
        StoreLocation(tmp_path).current()


def test_location_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "afile"
    target.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        StoreLocation(target).current()


def test_second_writer_is_refused_with_the_holder_named(tmp_path):
    location = StoreLocation(tmp_path)
    with location.lock(), pytest.raises(StoreLockedError) as err, location.lock(wait=False):
        pass
    assert "locked" in str(err.value) and "pid" in str(err.value)


def test_lock_waits_up_to_its_timeout(tmp_path):
    location = StoreLocation(tmp_path)
    with location.lock():
        started = time.monotonic()
        with pytest.raises(StoreLockedError), location.lock(timeout=0.3):
            pass
        assert time.monotonic() - started >= 0.3


_HOLDER = """
import sys
from pactgraph.graph import StoreLocation
with StoreLocation(sys.argv[1]).lock():
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_lock_held_by_another_process_is_released_when_it_ends(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with (
            pytest.raises(StoreLockedError, match=f"pid {holder.pid}"),
            StoreLocation(tmp_path).lock(wait=False),
        ):
            pass
    finally:
        holder.communicate("\n", timeout=10)
    with StoreLocation(tmp_path).lock(wait=False):
        pass


def test_wait_for_change_sees_a_publish(tmp_path):
    location = StoreLocation(tmp_path)
    before = location.pointer_signature()
    assert location.wait_for_change(before, timeout=0.1) is None
    published = _publish_store(location, "e" * 16, "2026-01-01T00:00:05Z")
    assert location.wait_for_change(before, timeout=1) == published


def test_store_renamed_but_never_pointed_at_is_collected(tmp_path):
    location = StoreLocation(tmp_path)
    _publish_store(location, "a" * 16, "2026-01-01T00:00:01Z")
    orphan = location.stores_dir / ("f" * 16 + "-99991231T000000000000Z")  # newer than any publish
    orphan.mkdir()
    current = _publish_store(location, "b" * 16, "2026-01-01T00:00:02Z")
    assert not orphan.exists()
    assert location.current() == current


def test_two_publishes_in_the_same_second_keep_the_previous_store(tmp_path):
    location = StoreLocation(tmp_path)
    first = _publish_store(location, "a" * 16, "2026-01-01T00:00:00Z")
    second = _publish_store(location, "b" * 16, "2026-01-01T00:00:00Z")
    assert first.path.exists() and location.current() == second
    assert open_read_only(first.path) is not None
