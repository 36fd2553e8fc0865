"""The request schedule never sends more than its rate, on a virtual clock: counts, not speeds.

Every caller waits in `VirtualTime`, which wakes sleepers in order of their wake-up time and
moves its clock there (late by a seeded random amount where a test says so, like a busy event
loop), so which request went when is decided by the schedule alone and the same on every run.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import random

import pytest

from tests.llm_server import most_within
from words_tui.infrastructure.llm.pacing import HEADROOM, RequestSchedule


class VirtualTime:
    """A clock and a sleep for the schedule; `run` drives the sleepers in wake-up order."""

    def __init__(self, lateness_s: float = 0.0, seed: int = 1) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._lateness = lateness_s
        self._rng = random.Random(seed)

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        late = self._rng.uniform(0, self._lateness)
        wake = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds + late, next(self._order), wake))
        await wake

    async def settle(self) -> None:
        for _ in range(5):
            await asyncio.sleep(0)

    async def run(self, tasks: list[asyncio.Task[None]]) -> None:
        await self.settle()
        while not all(task.done() for task in tasks):
            at, _, wake = heapq.heappop(self._sleepers)
            self.now = max(self.now, at)
            wake.set_result(None)
            await self.settle()


async def sends(rpm: float, callers: int, lateness_s: float = 0.0) -> list[float]:
    """When each of `callers` requests, all waiting from the start, was let go."""
    time = VirtualTime(lateness_s)
    schedule = RequestSchedule(rpm, clock=time.clock, sleep=time.sleep)
    went: list[float] = []

    async def request() -> None:
        await schedule.acquire()
        went.append(time.now)

    await time.run([asyncio.create_task(request()) for _ in range(callers)])
    return sorted(went)


@pytest.mark.parametrize("rpm", [600, 1200, 2500])
async def test_waiting_callers_go_at_the_rate_and_never_above_it_in_any_window(rpm: int) -> None:
    went = await sends(rpm, callers=rpm * 2 + 100)

    assert most_within(went, 60.0) <= rpm
    assert most_within(went, 10.0) <= rpm / 6
    assert 0.95 * rpm <= (len(went) - 1) / (went[-1] - went[0]) * 60.0 <= rpm


@pytest.mark.parametrize("rpm", [600, 2500])
async def test_a_late_event_loop_neither_breaks_the_minute_nor_loses_the_rate(rpm: int) -> None:
    went = await sends(rpm, callers=rpm * 2 + 100, lateness_s=0.05)

    assert most_within(went, 60.0) <= rpm
    assert most_within(went, 10.0) <= rpm / 6
    assert (len(went) - 1) / (went[-1] - went[0]) * 60.0 >= rpm * 0.95


async def test_the_first_requests_and_those_after_a_pause_come_one_interval_apart() -> None:
    time = VirtualTime()
    schedule = RequestSchedule(120, clock=time.clock, sleep=time.sleep)
    went: list[float] = []

    async def request() -> None:
        await schedule.acquire()
        went.append(time.now)

    await time.run([asyncio.create_task(request()) for _ in range(5)])
    time.now += 300.0
    await time.run([asyncio.create_task(request()) for _ in range(5)])

    gaps = [later - earlier for earlier, later in itertools.pairwise(went)]
    step = schedule.interval
    assert step == pytest.approx(0.5 * (1 + HEADROOM))
    assert gaps == pytest.approx([step] * 4 + [300.0] + [step] * 4)


def test_a_rate_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        RequestSchedule(0)


async def test_turns_missed_in_stalls_are_made_up_within_every_window() -> None:
    went = await sends(1200, callers=2500, lateness_s=2.0)

    assert most_within(went, 10.0) <= 200
    assert most_within(went, 60.0) <= 1200
    assert (len(went) - 1) / (went[-1] - went[0]) * 60.0 >= 1200 * 0.95


def arrivals(sent: list[float], seed: int, longest_stall_s: float) -> list[float]:
    """When a server that stalls now and then (every 1–5 s, for up to `longest_stall_s`) notes
    the requests `sent`: one arriving during a stall is noted when the stall ends, with the
    others that queued up — the bunching a busy machine causes."""
    rng = random.Random(seed)
    stalls, at = [], 0.0
    while at < sent[-1]:
        at += rng.uniform(1.0, 5.0)
        stalls.append((at, at + rng.uniform(0.0, longest_stall_s)))
        at = stalls[-1][1]
    noted, stall = [], iter(stalls)
    start, end = next(stall)
    for moment in sent:
        while moment >= end:
            start, end = next(stall, (float("inf"), float("inf")))
        noted.append(end if moment >= start else moment)
    return noted


@pytest.mark.parametrize("rpm", [600, 1200, 2500])
async def test_arrivals_bunched_by_a_stalling_server_still_keep_within_the_rate(rpm: int) -> None:
    went = await sends(rpm, callers=rpm * 2 + 100, lateness_s=0.5)
    arrived = arrivals(went, seed=rpm, longest_stall_s=0.5)

    assert most_within(arrived, 60.0) <= rpm
    assert most_within(arrived, 10.0) <= 1.05 * rpm / 6
    assert (len(arrived) - 1) / (arrived[-1] - arrived[0]) * 60.0 >= rpm * 0.95
