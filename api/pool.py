"""A pool of worker processes that evaluate requests, each behind one persistent pair of pipes.

Why processes: pyoxigraph cannot cancel a query, and some queries crash it. A worker past its
deadline is killed (which really frees the CPU) and replaced; a worker that dies is replaced too.
The event loop only moves frames over pipes, so it never blocks on evaluation.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pickle
import sys
import time
from typing import Any

from pactgraph.api import wire
from pactgraph.api.errors import WorkerCrashed
from pactgraph.core.errors import QueryTimeout

log = logging.getLogger("pactgraph.api.pool")


class Worker:
    """One worker process and its pipes."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        assert proc.stdin is not None and proc.stdout is not None
        self.stdin = proc.stdin
        self.stdout = proc.stdout

    async def call(self, header: Any, body: bytes = b"") -> tuple[Any, bytes]:
        self.stdin.write(wire.encode(header, body))
        await self.stdin.drain()
        return await self.receive()

    async def receive(self) -> tuple[Any, bytes]:
        prefix = await self.stdout.readexactly(wire.PREFIX.size)
        head_len, body_len = wire.PREFIX.unpack(prefix)
        rest = await self.stdout.readexactly(head_len + body_len)  # one await for header and body
        return pickle.loads(rest[:head_len]), rest[head_len:]

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()


class WorkerPool:
    """``size`` workers of one role; :meth:`call` runs one request on an idle worker within a deadline."""

    def __init__(self, data_dir: str, role: str, size: int, paging_link: str = "") -> None:
        self.data_dir = data_dir
        self.role = role
        self.size = size
        self.paging_link = paging_link
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._all: set[Worker] = set()
        self._respawns: set[asyncio.Task[None]] = set()
        # A started spare takes a killed worker's place at once: without it, the next slow query
        # could take the last idle worker while the replacement is still starting (a second or
        # more on a loaded machine), and every other client would wait for that start.
        self._spare: Worker | None = None
        self._closed = False
        self.timeouts = 0
        self.crashes = 0

    async def start(self) -> None:
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)))
        for worker in workers:
            self._idle.put_nowait(worker)
        self._background(self._respawn(spare=True))

    def _background(self, work: Any) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._respawns.add(task)
        task.add_done_callback(self._respawns.discard)

    async def _spawn(self) -> Worker:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "pactgraph.api.worker",
            self.data_dir,
            self.role,
            self.paging_link,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        worker = Worker(proc)
        self._all.add(worker)
        try:
            header, _ = await asyncio.wait_for(worker.receive(), timeout=60)
        except (asyncio.IncompleteReadError, TimeoutError) as exc:
            worker.kill()
            self._all.discard(worker)
            raise WorkerCrashed(
                f"A {self.role} worker process failed to start ({exc!r}); see the server log"
            ) from None
        assert header.get("ready") == self.role
        return worker

    def _replace(self, worker: Worker) -> None:
        """Kill *worker*; the spare takes its place and a fresh process is started in the background."""
        worker.kill()
        self._all.discard(worker)
        if self._closed:
            return
        spare, self._spare = self._spare, None
        if spare is not None and spare.proc.returncode is None:
            self._idle.put_nowait(spare)
            self._background(self._respawn(spare=True))
        else:
            self._background(self._respawn())
            if spare is not None:  # the spare itself had died: start another one
                self._all.discard(spare)
                self._background(self._respawn(spare=True))

    async def _respawn(self, spare: bool = False) -> None:
        delay = 0.1
        while not self._closed:
            try:
                worker = await self._spawn()
            except Exception as exc:  # keep trying: the pool must not shrink for good
                log.error("could not restart a %s worker: %s; retrying in %.1f s", self.role, exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            if spare and self._spare is None:
                self._spare = worker
            else:
                self._idle.put_nowait(worker)
            return

    async def call(self, header: Any, body: bytes, timeout: float, what: str = "query") -> tuple[Any, bytes]:
        """Run one request; :class:`QueryTimeout` after *timeout* seconds (the worker is killed)."""
        started = time.monotonic()
        while True:
            try:
                worker = await asyncio.wait_for(
                    self._idle.get(), max(0.001, timeout - (time.monotonic() - started))
                )
            except TimeoutError:
                self.timeouts += 1
                raise QueryTimeout(
                    f"The {what} waited {timeout:g} s (PACTGRAPH_QUERY_TIMEOUT) for one of the "
                    f"{self.size} busy workers and was not started; try again later"
                ) from None
            if worker.proc.returncode is None:
                break
            self.crashes += 1  # died while idle (killed from outside): replace it, take the next one
            self._replace(worker)
        remaining = max(0.001, timeout - (time.monotonic() - started))
        try:
            result = await asyncio.wait_for(worker.call(header, body), remaining)
        except TimeoutError:
            self.timeouts += 1
            self._replace(worker)
            raise QueryTimeout(
                f"The {what} was stopped after the time limit of {timeout:g} s (PACTGRAPH_QUERY_TIMEOUT). "
                "Narrow it (more specific patterns, a LIMIT) or ask the operator to raise the limit"
            ) from None
        except (asyncio.IncompleteReadError, BrokenPipeError, ConnectionResetError):
            self.crashes += 1
            code = worker.proc.returncode
            self._replace(worker)
            raise WorkerCrashed(
                f"The evaluation process died while running this {what} (exit status {code}); the engine "
                "cannot evaluate it. A fresh process was started; simplify the request (less nesting, "
                "fewer UNION branches)"
            ) from None
        except BaseException:  # cancelled (client went away) mid-call: the pipe state is unknown
            self._replace(worker)
            raise
        self._idle.put_nowait(worker)
        return result

    async def close(self) -> None:
        self._closed = True
        for task in list(self._respawns):
            task.cancel()
        for worker in list(self._all):
            with contextlib.suppress(Exception):
                worker.stdin.close()
            worker.kill()
        for worker in list(self._all):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(worker.proc.wait(), 5)
        self._all.clear()
