"""The worker pool hands idle workers out first come, first served: a request that arrives as a
worker comes back never overtakes one that was already waiting (under saturation, overtaking left a
few requests waiting many rounds: the p99 tail)."""

from __future__ import annotations

import asyncio

import pytest
from pactgraph.api.pool import _IdleWorkers


def test_a_returning_worker_goes_to_the_longest_waiting_request_not_to_a_newcomer():
    async def scenario() -> list[str]:
        idle = _IdleWorkers()
        served: list[str] = []

        async def request(name: str) -> None:
            worker = idle.take() or await idle.wait(5)
            served.append(name)
            await asyncio.sleep(0)  # holds the worker for one turn of the loop
            idle.put(worker)

        first = [asyncio.create_task(request(f"waiting-{i}")) for i in range(3)]
        await asyncio.sleep(0)  # all three now wait: no worker yet
        # A new request arrives (its task is already scheduled) just as a worker comes back.
        newcomer = asyncio.create_task(request("newcomer"))
        idle.put(object())
        await asyncio.gather(*first, newcomer)
        return served

    assert asyncio.run(scenario()) == ["waiting-0", "waiting-1", "waiting-2", "newcomer"]


def test_a_wait_that_times_out_gives_no_worker_and_loses_none():
    async def scenario() -> tuple[object, object]:
        idle = _IdleWorkers()
        with pytest.raises(TimeoutError):
            await idle.wait(0.01)
        worker = object()
        idle.put(worker)  # the timed-out waiter is not handed it
        return idle.take(), worker

    taken, worker = asyncio.run(scenario())
    assert taken is worker


def test_a_worker_handed_over_as_the_wait_is_cancelled_is_passed_on():
    async def scenario() -> bool:
        idle = _IdleWorkers()
        worker = object()
        waiting = asyncio.create_task(idle.wait(5))
        await asyncio.sleep(0)
        idle.put(worker)  # resolved, but the waiting task has not run yet...
        waiting.cancel()  # ...and is cancelled (its client went away)
        with pytest.raises(asyncio.CancelledError):
            await waiting
        return idle.take() is worker

    assert asyncio.run(scenario())


def test_the_worker_that_answered_last_is_the_next_one_taken():
    idle = _IdleWorkers()
    first, second = object(), object()
    idle.put(first)
    idle.put(second)  # came back last: still warm
    assert idle.take() is second
    assert idle.take() is first
    assert idle.take() is None
