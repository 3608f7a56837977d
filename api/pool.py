"""A pool of worker processes that evaluate requests, each behind one persistent pair of pipes.

Why processes: pyoxigraph cannot cancel a query, and some queries crash it. A worker past its
deadline is killed (which really frees the CPU) and replaced; a worker that dies is replaced too.
The event loop only moves frames over pipes, so it never blocks on evaluation.

Workers run at the niceness ``PACTGRAPH_WORKER_NICE`` (0 by default; above 0 the event loop, which
every request passes through, wins the CPU from them when the cores are saturated).

A request still running after ``SLOW_AFTER`` seconds has its worker lowered to the weakest CPU
priority (nice 19) until it ends: on a small machine a runaway query would otherwise take a whole
core from the short queries of everybody else until its time limit. The worker gets its normal
priority back when the request ends (or, where the system refuses that, it is retired and replaced).
For the same reason a replacement process starts at that priority (its imports and store opening take
a core for a good part of a second) and gets the normal one when it is ready, where the system lets
a process regain priority (root, or a high enough RLIMIT_NICE).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import logging
import os
import pickle
import resource
import subprocess
import sys
import time
from typing import Any

from pactgraph.api import wire
from pactgraph.api.errors import WorkerCrashed
from pactgraph.core.errors import QueryTimeout

log = logging.getLogger("pactgraph.api.pool")

SLOW_AFTER = 0.05  # seconds; above the ordinary queries of an interactive user, far below any time limit
_NICEST = 19


def _may_regain_priority(nice: int) -> bool:
    """Whether this process may set a child back to *nice* after lowering it (root or RLIMIT_NICE)."""
    if os.geteuid() == 0:
        return True
    soft, _ = resource.getrlimit(resource.RLIMIT_NICE)
    return soft == resource.RLIM_INFINITY or soft >= 20 - nice


def _kill_and_reap(popen: subprocess.Popen[bytes]) -> None:
    """Kill a worker nobody will use and collect its exit status (and close its pipes)."""
    with contextlib.suppress(ProcessLookupError):
        popen.kill()
    popen.wait()
    for pipe in (popen.stdin, popen.stdout):
        if pipe is not None:
            pipe.close()


def _set_priority(pid: int, niceness: int) -> bool:
    """Set the CPU priority of process *pid*; False where the system refuses (or it is gone)."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, niceness)
    except OSError:
        return False
    return True


class _FrameChannel(asyncio.Protocol):
    """The worker's protocol pipe (its stdout) as a protocol: frames are cut as they arrive and handed
    to the waiting call through one future. Cheaper than a StreamReader (no readexactly round trips,
    no drain, no extra task): on a sub-millisecond query the pipe round trip is most of the cost."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._frames: collections.deque[tuple[Any, bytes]] = collections.deque()
        self._waiter: asyncio.Future[tuple[Any, bytes]] | None = None
        self._lost = False
        self.closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.transport: asyncio.BaseTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def close(self) -> None:
        """Close the pipe's transport now (idempotent): one left for the garbage collector after its
        event loop has gone warns as an unclosed transport."""
        if self.transport is not None and not self.transport.is_closing():
            self.transport.close()

    def data_received(self, data: bytes) -> None:
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

    def connection_lost(self, exc: Exception | None) -> None:
        """The pipe closed: the worker exited or was killed (a call still waiting gets
        IncompleteReadError)."""
        self._lost = True
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(asyncio.IncompleteReadError(bytes(self._buffer), None))
        if not self.closed.done():
            self.closed.set_result(None)

    @property
    def lost(self) -> bool:
        """Whether the pipe has closed (the worker is gone)."""
        return self._lost

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

    def __init__(self, popen: subprocess.Popen[bytes], channel: _FrameChannel) -> None:
        self._popen = popen
        self._channel = channel
        self.pid = popen.pid

    @property
    def returncode(self) -> int | None:
        return self._popen.poll()

    def kill(self) -> None:
        self._popen.kill()

    async def wait(self) -> int | None:
        """Wait for the exit: the pipe closes first, then the process is reaped off the event loop."""
        await asyncio.shield(self._channel.closed)
        return await asyncio.get_running_loop().run_in_executor(None, self._popen.wait)


class Worker:
    """One worker process and its pipes."""

    def __init__(self, popen: subprocess.Popen[bytes], channel: _FrameChannel, stdin: Any) -> None:
        self.channel = channel
        self.proc = _Process(popen, channel)
        self.stdin: Any = stdin

    async def receive(self) -> tuple[Any, bytes]:
        return await self.channel.next_frame()

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.stdin.close()


class _IdleWorkers:
    """The idle workers, handed out first come, first served.

    A worker coming back goes straight to the longest-waiting request. ``asyncio.Queue`` lets a
    request that arrives just then take it first (a waiter woken by ``put`` finds the queue empty
    again and queues up at the back), so under saturation a few requests waited many rounds:
    measured p99 of a sub-ms DESCRIBE at 16 clients 46-56 ms with the queue, 4-7 ms with this.

    Requests are served in order; workers are taken last in, first out: the worker that has just
    answered is still running on a warm CPU and cache, and a lone client keeps using the same one
    (measured at 1 client on a sub-ms query: 2.4k requests/s instead of 1.75k, median 0.39 ms
    instead of 0.53)."""

    def __init__(self) -> None:
        self._idle: collections.deque[Worker] = collections.deque()
        self._waiters: collections.deque[asyncio.Future[Worker]] = collections.deque()

    def put(self, worker: Worker) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(worker)
                return
        self._idle.append(worker)

    def take(self) -> Worker | None:
        """An idle worker at once, or ``None`` (nobody waiting can be overtaken: a returning worker
        goes to a waiter before it ever becomes idle)."""
        return self._idle.pop() if self._idle else None

    async def wait(self, timeout: float) -> Worker:
        """The next worker to come back; TimeoutError after *timeout* seconds."""
        waiter: asyncio.Future[Worker] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(timeout):
                return await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self.put(waiter.result())  # handed over just as the wait ended: pass it on
            else:
                waiter.cancel()
            raise


class _Watch:
    """The one timer of a request: at ``SLOW_AFTER`` it lowers the worker's priority, at the deadline
    it fails the awaited answer with TimeoutError. (One timer handle and no task cancellation: cheaper
    than asyncio.timeout plus a second timer, and this runs on every request.)"""

    __slots__ = ("_loop", "_answer", "_pid", "_deadline", "_handle", "demoted")

    def __init__(
        self, loop: asyncio.AbstractEventLoop, answer: asyncio.Future[Any], pid: int, remaining: float
    ):
        self._loop, self._answer, self._pid = loop, answer, pid
        self._deadline = loop.time() + remaining
        self.demoted = False
        if remaining > SLOW_AFTER:
            self._handle = loop.call_later(SLOW_AFTER, self._demote)
        else:
            self._handle = loop.call_at(self._deadline, self._expire)

    def _demote(self) -> None:
        self.demoted = _set_priority(self._pid, _NICEST)
        self._handle = self._loop.call_at(self._deadline, self._expire)

    def _expire(self) -> None:
        if not self._answer.done():
            self._answer.set_exception(TimeoutError())

    def cancel(self) -> None:
        self._handle.cancel()


class WorkerPool:
    """``size`` workers of one role; :meth:`call` runs one request on an idle worker within a deadline."""

    def __init__(self, data_dir: str, role: str, size: int, paging_link: str = "", nice: int = 0) -> None:
        self.data_dir = data_dir
        self.role = role
        self.size = size
        self.nice = nice
        self.paging_link = paging_link
        self._idle = _IdleWorkers()
        self._all: set[Worker] = set()
        self._respawns: set[asyncio.Task[None]] = set()
        self._reaps: set[asyncio.Task[int | None]] = set()
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
            self._idle.put(worker)
        self._background(self._respawn(spare=True))

    def _background(self, work: Any) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._respawns.add(task)
        task.add_done_callback(self._respawns.discard)

    async def _spawn(self, quietly: bool = False) -> Worker:
        """Start one worker; *quietly* starts it at the lowest priority (a replacement, while others
        serve), raised to normal once it is ready."""
        loop = asyncio.get_running_loop()
        # Popen in a thread, not loop.subprocess_exec: uvloop forks the whole server process and
        # waits for the exec in the event loop (8-16 ms here), which stalled every client each time a
        # worker past its time limit was replaced.
        starting = loop.run_in_executor(
            None,
            functools.partial(
                subprocess.Popen,
                [sys.executable, "-m", "pactgraph.api.worker", self.data_dir, self.role, self.paging_link],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            ),
        )
        try:
            popen = await asyncio.shield(starting)
        except asyncio.CancelledError:  # the pool is closing: do not leave the new process behind
            starting.add_done_callback(lambda done: done.exception() or _kill_and_reap(done.result()))
            raise
        channel = None
        try:
            _, channel = await loop.connect_read_pipe(_FrameChannel, popen.stdout)
            stdin, _ = await loop.connect_write_pipe(asyncio.Protocol, popen.stdin)
        except BaseException:  # cancelled (the pool is closing) or the pipes failed: no orphan
            if channel is not None:
                channel.close()  # the read pipe was connected: close it before the loop goes
            loop.run_in_executor(None, _kill_and_reap, popen)
            raise
        worker = Worker(popen, channel, stdin)
        self._all.add(worker)
        quietly = quietly and _may_regain_priority(self.nice) and _set_priority(worker.proc.pid, _NICEST)
        if not quietly and self.nice:
            _set_priority(worker.proc.pid, self.nice)  # raising niceness is always allowed
        try:
            header, _ = await asyncio.wait_for(worker.receive(), timeout=60)
        except (asyncio.IncompleteReadError, TimeoutError) as exc:
            worker.kill()
            worker.channel.close()
            self._all.discard(worker)
            raise WorkerCrashed(
                f"A {self.role} worker process failed to start ({exc!r}); see the server log"
            ) from None
        assert header.get("ready") == self.role
        if quietly:
            _set_priority(worker.proc.pid, self.nice)
        return worker

    def _replace(self, worker: Worker) -> None:
        """Kill *worker*; the spare takes its place and a fresh process is started in the background."""
        worker.kill()
        self._all.discard(worker)
        reaping = asyncio.get_running_loop().create_task(worker.proc.wait())  # no zombie left behind
        self._reaps.add(reaping)
        reaping.add_done_callback(self._reaps.discard)
        if self._closed:
            return
        spare, self._spare = self._spare, None
        if spare is not None and spare.proc.returncode is None:
            self._idle.put(spare)
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
                worker = await self._spawn(quietly=True)
            except Exception as exc:  # keep trying: the pool must not shrink for good
                log.error("could not restart a %s worker: %s; retrying in %.1f s", self.role, exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            if spare and self._spare is None:
                self._spare = worker
            else:
                self._idle.put(worker)
            return

    async def call(self, header: Any, body: bytes, timeout: float, what: str = "query") -> tuple[Any, bytes]:
        """Run one request; :class:`QueryTimeout` after *timeout* seconds (the worker is killed)."""
        started = time.monotonic()
        while True:
            try:
                worker = self._idle.take()  # the usual case under light load: no timer, no await
                if worker is None:
                    worker = await self._idle.wait(max(0.001, timeout - (time.monotonic() - started)))
            except TimeoutError:
                self.timeouts += 1
                raise QueryTimeout(
                    f"The {what} waited {timeout:g} s (PACTGRAPH_QUERY_TIMEOUT) for one of the "
                    f"{self.size} busy workers and was not started; try again later"
                ) from None
            if not worker.channel.lost:
                break
            self.crashes += 1  # died while idle (killed from outside): replace it, take the next one
            self._replace(worker)
        loop = asyncio.get_running_loop()
        answer = worker.channel.next_frame()
        watch = _Watch(loop, answer, worker.proc.pid, max(0.001, timeout - (time.monotonic() - started)))
        try:
            worker.stdin.write(wire.encode(header, body))
            result = await answer
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
        finally:
            watch.cancel()
        if watch.demoted and not _set_priority(worker.proc.pid, self.nice):
            self._replace(worker)  # it stays at nice 19 otherwise: give its place to a fresh process
        else:
            self._idle.put(worker)
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
            worker.channel.close()  # normally closed by the worker's EOF already; never left behind
        if self._reaps:
            await asyncio.wait(list(self._reaps), timeout=5)
        self._all.clear()
