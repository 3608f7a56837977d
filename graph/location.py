"""Where published stores live on disk, and the atomic switch between them.

Layout of a data directory (``PACTGRAPH_DATA_DIR``, default ``data/store``)::

    data/store/
        CURRENT                         JSON pointer: {"version", "path", "built_at", "triples"}
        .build.lock                     fcntl lock held by the one build/writer at a time
        stores/<version>-<stamp>/       published stores, stamped with their publish time (never modified)
        stores/<stamp>-<pid>.partial/   a store being built; left over only by a killed build

Readers only ever follow ``CURRENT``. A build writes a ``.partial`` folder, closes it, renames it
to its final name and then replaces ``CURRENT`` with :func:`os.replace`, so a reader sees either
the old store or the new one, never a half-built one, and a build killed at any point leaves the
previous store in place. Old stores are removed once two newer ones have been published (a
server that has not yet reopened the new store keeps its old one for at least one more build).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from pactgraph.core.errors import StoreError, StoreLockedError

POINTER_NAME = "CURRENT"
LOCK_NAME = ".build.lock"
STORES_NAME = "stores"
PARTIAL_SUFFIX = ".partial"
# A store is removed once this many newer stores have been published.
KEEP_PREVIOUS = 1


@dataclass(frozen=True)
class PublishedStore:
    """One published, immutable store: what ``CURRENT`` points at."""

    path: Path
    version: str
    built_at: str  # ISO 8601, UTC, seconds precision
    triples: int

    @property
    def etag(self) -> str:
        """The HTTP entity tag of everything served from this store."""
        return f'"{self.version}"'

    def to_json(self, relative_to: Path | None = None) -> dict[str, object]:
        data = asdict(self)
        path = self.path
        if relative_to is not None:
            with contextlib.suppress(ValueError):
                path = self.path.relative_to(relative_to)
        data["path"] = str(path)
        return data


def utc_now() -> str:
    """The build time as recorded in the metadata graph and in ``CURRENT``."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class StoreLocation:
    """A data directory holding published stores, their pointer and the build lock."""

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = Path(data_dir).absolute()
        self.stores_dir = self.data_dir / STORES_NAME
        self.pointer_path = self.data_dir / POINTER_NAME
        self.lock_path = self.data_dir / LOCK_NAME

    def __repr__(self) -> str:
        return f"StoreLocation({str(self.data_dir)!r})"

    # --- reading -------------------------------------------------------------------------------

    def current(self) -> PublishedStore | None:
        """The published store ``CURRENT`` points at, or ``None`` when nothing was published yet.

        Raises :class:`StoreError` naming the file when the pointer or its store is unreadable.
        """
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise StoreError(f"The store location {self.data_dir} is a file, not a folder; pass a folder")
        try:
            raw = self.pointer_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(
                f"Cannot read the store pointer {self.pointer_path}: {exc.strerror}; check its permissions"
            ) from exc
        try:
            data = json.loads(raw)
            path = Path(data["path"])
            store = PublishedStore(
                path=path if path.is_absolute() else self.data_dir / path,
                version=str(data["version"]),
                built_at=str(data["built_at"]),
                triples=int(data["triples"]),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(
                f"The store pointer {self.pointer_path} is not valid JSON with version, path, built_at "
                f"and triples ({exc}); rebuild with `pactgraph build --store {self.data_dir}`"
            ) from exc
        if not store.path.is_dir():
            raise StoreError(
                f"{self.pointer_path} points at {store.path}, which does not exist; "
                f"rebuild with `pactgraph build --store {self.data_dir}`"
            )
        return store

    def require_current(self) -> PublishedStore:
        """Like :meth:`current`, but a location with nothing published is an error that says what to do."""
        store = self.current()
        if store is None:
            where = "does not exist" if not self.data_dir.exists() else "holds no published store"
            raise StoreError(
                f"The store location {self.data_dir} {where}; "
                f"build one with `pactgraph build --store {self.data_dir}`"
            )
        return store

    def pointer_signature(self) -> tuple[int, int] | None:
        """A cheap token that changes whenever ``CURRENT`` is replaced (inode, mtime in ns)."""
        try:
            st = self.pointer_path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns)

    def wait_for_change(
        self, known: tuple[int, int] | None, timeout: float, interval: float = 0.05
    ) -> PublishedStore | None:
        """Block until ``CURRENT`` differs from the signature *known*: the new store, ``None`` on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.pointer_signature() != known:
                return self.current()
            time.sleep(interval)
        return None

    def published_dirs(self) -> list[Path]:
        """Published store folders, oldest first (their names start with the version, end with the stamp)."""
        if not self.stores_dir.is_dir():
            return []
        dirs = [p for p in self.stores_dir.iterdir() if p.is_dir() and not p.name.endswith(PARTIAL_SUFFIX)]
        return sorted(dirs, key=lambda p: (p.name.rsplit("-", 1)[-1], p.name))

    # --- writing -------------------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, wait: bool = True, timeout: float | None = None) -> Iterator[None]:
        """Hold the build lock. With ``wait=False`` (or after *timeout* seconds) a held lock raises
        :class:`StoreLockedError` naming the holder. The lock is released by the OS if the holder dies."""
        self._ensure_dirs()
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            self._acquire(fd, wait, timeout)
            os.ftruncate(fd, 0)
            os.write(fd, json.dumps({"pid": os.getpid(), "since": utc_now()}).encode())
            try:
                yield
            finally:
                os.ftruncate(fd, 0)
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _acquire(self, fd: int, wait: bool, timeout: float | None) -> None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (fcntl.LOCK_NB if not wait or deadline else 0))
                return
            except BlockingIOError:
                if wait and deadline is not None and time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                raise StoreLockedError(
                    f"The store {self.data_dir} is locked by another build or writer ({self._holder()}); "
                    "wait for it to finish and try again"
                ) from None

    def _holder(self) -> str:
        try:
            data = json.loads(self.lock_path.read_text(encoding="utf-8") or "{}")
            return f"pid {data['pid']}, since {data['since']}"
        except (OSError, ValueError, KeyError):
            return "holder unknown"

    def new_store_dir(self) -> Path:
        """A fresh, not yet existing folder for a store being built (call while holding the lock)."""
        self._ensure_dirs()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        return self.stores_dir / f"{stamp}-{os.getpid()}{PARTIAL_SUFFIX}"

    def publish(self, store_dir: Path, version: str, built_at: str, triples: int) -> PublishedStore:
        """Make the closed store in *store_dir* the current one, atomically; then collect old stores.

        Call while holding :meth:`lock`, after the store is complete, validated and closed.
        """
        # The publish time, to the microsecond, orders the folders (built_at has whole seconds only).
        final = self.stores_dir / f"{version}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}"
        os.rename(store_dir, final)
        checkpoint("renamed")
        published = PublishedStore(path=final, version=version, built_at=built_at, triples=triples)
        tmp = self.pointer_path.with_name(f"{POINTER_NAME}.{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(published.to_json(relative_to=self.data_dir), fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.pointer_path)
        _fsync_dir(self.data_dir)
        self.collect_garbage()
        return published

    def discard(self, store_dir: Path) -> None:
        """Remove a store that will not be published (a failed or no-op build)."""
        shutil.rmtree(store_dir, ignore_errors=True)

    def collect_garbage(self) -> list[Path]:
        """Remove stores with two newer published ones, and partial folders of dead builds.

        Call while holding the lock (so no partial folder belongs to a live build).
        """
        removed = []
        current = self.current()
        keep = set()
        if current is not None:
            # Keep the current store and the one before it; anything newer than the current one is
            # the leftover of a publish killed between its rename and the pointer switch.
            older = [p for p in self.published_dirs() if self._stamp(p) < self._stamp(current.path)]
            keep = {current.path, *older[len(older) - KEEP_PREVIOUS :]}
        for old in self.published_dirs():
            if current is not None and old not in keep:
                shutil.rmtree(old, ignore_errors=True)
                removed.append(old)
        for partial in self.stores_dir.glob(f"*{PARTIAL_SUFFIX}"):
            if not partial.name.endswith(f"-{os.getpid()}{PARTIAL_SUFFIX}"):
                shutil.rmtree(partial, ignore_errors=True)
                removed.append(partial)
        for tmp in self.data_dir.glob(f"{POINTER_NAME}.*.tmp"):
            tmp.unlink(missing_ok=True)
        return removed

    @staticmethod
    def _stamp(path: Path) -> str:
        return path.name.rsplit("-", 1)[-1]

    def _ensure_dirs(self) -> None:
        try:
            self.stores_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Cannot create the store location {self.stores_dir}: {exc.strerror}; "
                "choose a writable folder with --store or PACTGRAPH_DATA_DIR"
            ) from exc
        if not os.access(self.data_dir, os.W_OK):
            raise StoreError(
                f"The store location {self.data_dir} is not writable; fix its permissions "
                "or choose another folder with --store or PACTGRAPH_DATA_DIR"
            )


def checkpoint(phase: str) -> None:
    """Die here, as kill -9 would, when ``PACTGRAPH_TEST_KILL_AT`` names this phase.

    The one hook the crash tests use (tests/graph/test_crash.py) to stop a build subprocess at
    each step of building and publishing; unset, it costs one dictionary lookup.
    """
    if os.environ.get("PACTGRAPH_TEST_KILL_AT") == phase:
        os.kill(os.getpid(), signal.SIGKILL)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_read_only(path: Path | str):  # -> pyoxigraph.Store (imported lazily: keeps this module light)
    """Open a published store for reading; several processes may do so at once."""
    import pyoxigraph

    path = Path(path)
    if not path.is_dir():
        raise StoreError(f"No store at {path}; build one with `pactgraph build`")
    try:
        return pyoxigraph.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"Cannot open the store {path} for reading: {exc}") from exc


def open_writable(path: Path | str):  # -> pyoxigraph.Store
    """Open (or create) a store for writing; only the lock holder may do so."""
    import pyoxigraph

    try:
        return pyoxigraph.Store(str(path))
    except OSError as exc:
        raise StoreError(f"Cannot open the store {path} for writing: {exc}") from exc
