"""A pool of worker processes that evaluate requests, each behind one persistent pair of pipes.

Why processes: pyoxigraph cannot cancel a query, and some queries crash it. A worker past its
deadline is killed (which really frees the CPU) and replaced; a worker that dies is replaced too.
The event loop only moves frames over pipes, so it never blocks on evaluation.
"""

from __future__ import annotations

import asyncio
import collections
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


class _FrameChannel(asyncio.SubprocessProtocol):
    """The worker's pipes as a protocol: frames are cut from its stdout as they arrive and handed to the
    waiting call through one future. Cheaper than a StreamReader (no readexactly round trips, no
    drain, no extra task): on a sub-millisecond query the pipe round trip is most of the cost."""

    def __init__(self) -> None:
        self.transport: asyncio.SubprocessTransport | None = None
        self._buffer = bytearray()
        self._frames: collections.deque[tuple[Any, bytes]] = collections.deque()
        self._waiter: asyncio.Future[tuple[Any, bytes]] | None = None
        self._lost = False
        self.exited: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def pipe_data_received(self, fd: int, data: bytes) -> None:
        if fd != 1:
            return
        buffer = self._buffer
        if not buffer and len(data) >= wire.PREFIX.size:  # the usual case: one whole frame, no copy
            head_len, body_len = wire.PREFIX.unpack_from(data)
            if len(data) == wire.PREFIX.size + head_len + body_len:
                head_end = wire.PREFIX.size + head_len
                self._deliver((pickle.loads(data[wire.PREFIX.size : head_end]), data[head_end:]))
                return
        buffer += data
        while len(buffer) >= wire.PREFIX.size:
            head_len, body_len = wire.PREFIX.unpack_from(buffer)
            head_end = wire.PREFIX.size + head_len
            total = head_end + body_len
            if len(buffer) < total:
                return
            frame = (pickle.loads(buffer[wire.PREFIX.size : head_end]), bytes(buffer[head_end:total]))
            del buffer[:total]
            self._deliver(frame)

    def _deliver(self, frame: tuple[Any, bytes]) -> None:
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(frame)
        else:
            self._frames.append(frame)

    def pipe_connection_lost(self, fd: int, exc: Exception | None) -> None:
        if fd == 1:
            self._lost = True
            waiter, self._waiter = self._waiter, None
            if waiter is not None and not waiter.done():
                waiter.set_exception(asyncio.IncompleteReadError(bytes(self._buffer), None))

    def process_exited(self) -> None:
        if not self.exited.done():
            self.exited.set_result(None)
        if self.transport is not None:
            self.transport.close()  # the pipes too (a call still waiting gets IncompleteReadError)

    def next_frame(self) -> asyncio.Future[tuple[Any, bytes]]:
        """A future for the next frame (already resolved if one is waiting)."""
        future: asyncio.Future[tuple[Any, bytes]] = asyncio.get_running_loop().create_future()
        if self._frames:
            future.set_result(self._frames.popleft())
        elif self._lost:
            future.set_exception(asyncio.IncompleteReadError(bytes(self._buffer), None))
        else:
            self._waiter = future
        return future


class _Process:
    """What the pool (and tests) need of the worker process: its exit status, kill and wait."""

    def __init__(self, transport: asyncio.SubprocessTransport, channel: _FrameChannel) -> None:
        self._transport = transport
        self._channel = channel
        self.pid = transport.get_pid()

    @property
    def returncode(self) -> int | None:
        return self._transport.get_returncode()

    def kill(self) -> None:
        self._transport.kill()

    async def wait(self) -> int | None:
        await asyncio.shield(self._channel.exited)
        return self.returncode


class Worker:
    """One worker process and its pipes."""

    def __init__(self, transport: asyncio.SubprocessTransport, channel: _FrameChannel) -> None:
        self.channel = channel
        self.proc = _Process(transport, channel)
        stdin = transport.get_pipe_transport(0)
        assert stdin is not None
        self.stdin: Any = stdin

    async def call(self, header: Any, body: bytes = b"") -> tuple[Any, bytes]:
        future = self.channel.next_frame()
        self.stdin.write(wire.encode(header, body))
        return await future

    async def receive(self) -> tuple[Any, bytes]:
        return await self.channel.next_frame()

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
        loop = asyncio.get_running_loop()
        transport, channel = await loop.subprocess_exec(
            _FrameChannel,
            sys.executable,
            "-m",
            "pactgraph.api.worker",
            self.data_dir,
            self.role,
            self.paging_link,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=None,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        worker = Worker(transport, channel)
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
                if self._idle.empty():
                    async with asyncio.timeout(max(0.001, timeout - (time.monotonic() - started))):
                        worker = await self._idle.get()
                else:  # the usual case under light load: no timer, no await
                    worker = self._idle.get_nowait()
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
            # asyncio.timeout, not wait_for: no task per call (Python 3.11's wait_for makes one).
            async with asyncio.timeout(remaining):
                result = await worker.call(header, body)
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
