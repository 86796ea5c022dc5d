"""Runs `bench.write_mix` scenarios at a fixed rate and times what each write takes to show.

Every `1 / rate` seconds the next family in turn that has an idle scenario sends that
scenario's next step (so each scenario has one step in flight, and families share the
rate evenly). For each step it records:

- **write**: the mutation's HTTP round trip, sent to response;
- **page**: from the mutation's response to the response of the first read of the mentee's
  page (polled every `poll` seconds, on connections of their own) that reflects it: an upper
  bound, by up to one poll interval plus one read, of when the page changed;
- **event**: for steps that make a match, from the response to the `mentorMatchAdded` event's
  arrival on the mentee's graphql-transport-ws subscription (it may come first: negative).

A step not reflected (or whose event did not come) within `give_up` seconds is counted as
missed, with its kind; a mutation that fails is counted as an error and its scenario stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from api.auth import issue_token
from bench.write_mix import Api, Row, Scenario, Step
from tests.ws import Socket

MATCH_ADDED = "subscription { mentorMatchAdded { mentor { key } } }"


@dataclass
class Timings:
    """Milliseconds per step kind (the mutation's name)."""

    write: dict[str, list[float]] = field(default_factory=dict)
    page: dict[str, list[float]] = field(default_factory=dict)
    event: dict[str, list[float]] = field(default_factory=dict)
    missed: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    first_error: str | None = None
    idle_ticks: int = 0
    """Ticks at which no scenario was idle (the rate was not kept)."""
    reads: int = 0

    def add(self, table: dict[str, list[float]], kind: str, ms: float) -> None:
        table.setdefault(kind, []).append(ms)


class Subscribers:
    """One socket per mentee, subscribed to `mentorMatchAdded`; arrivals by (mentee, mentor)."""

    def __init__(self) -> None:
        self.arrived: dict[tuple[str, str], float] = {}
        self._waiters: dict[tuple[str, str], asyncio.Future[float]] = {}
        self._sockets: list[Socket] = []
        self._tasks: list[asyncio.Task[None]] = []

    async def open(self, base: str, secret: str, mentees: Sequence[str]) -> None:
        for start in range(0, len(mentees), 50):
            batch = mentees[start : start + 50]
            await asyncio.gather(*(self._open(base, secret, m) for m in batch))

    async def _open(self, base: str, secret: str, mentee: str) -> None:
        sock = await Socket.open(base)
        ack = await sock.init({"authorization": f"Bearer {issue_token(secret, mentee, hours=12)}"})
        if ack["type"] != "connection_ack":
            raise RuntimeError(f"subscription of {mentee} refused: {ack}")
        await sock.subscribe("m", MATCH_ADDED)
        self._sockets.append(sock)
        self._tasks.append(asyncio.create_task(self._listen(sock, mentee)))

    async def _listen(self, sock: Socket, mentee: str) -> None:
        while True:
            message = await sock.receive(timeout=24 * 3600)
            now = time.perf_counter()
            data = message.get("payload", {}).get("data")
            if not data:
                raise RuntimeError(f"{mentee}'s subscription said {message}")
            pair = (mentee, data["mentorMatchAdded"]["mentor"]["key"])
            self.arrived.setdefault(pair, now)
            waiter = self._waiters.pop(pair, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(now)

    async def arrival(self, mentee: str, mentor: str, timeout: float) -> float:
        """When the event for the pair arrived (waiting up to `timeout` seconds for it)."""
        pair = (mentee, mentor)
        if pair in self.arrived:
            return self.arrived[pair]
        waiter = self._waiters.setdefault(pair, asyncio.get_running_loop().create_future())
        return await asyncio.wait_for(asyncio.shield(waiter), timeout)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await asyncio.gather(*(s.close() for s in self._sockets), return_exceptions=True)


class WriteDriver:
    def __init__(
        self,
        writes: Api,
        reads: Api,
        subscribers: Subscribers | None,
        *,
        poll: float,
        give_up: float,
    ) -> None:
        self.writes = writes
        self.reads = reads
        self.subscribers = subscribers
        self.poll = poll
        self.give_up = give_up
        self.timings = Timings()
        self._tasks: set[asyncio.Task[None]] = set()

    async def run(self, scenarios: Sequence[Scenario], *, rate: float, seconds: float) -> Timings:
        """Send steps at `rate` per second for `seconds`, then wait for those in flight."""
        families: dict[str, list[Scenario]] = {}
        for scenario in scenarios:
            families.setdefault(scenario.family, []).append(scenario)
        order = sorted(families)
        turn = 0
        began = time.perf_counter()
        ticks = int(rate * seconds)
        for tick in range(ticks):
            await asyncio.sleep(max(0.0, began + tick / rate - time.perf_counter()))
            for offset in range(len(order)):
                family = families[order[(turn + offset) % len(order)]]
                idle = next((s for s in family if not s.busy and not s.done), None)
                if idle is not None:
                    turn = (turn + offset + 1) % len(order)
                    self._launch(idle)
                    break
            else:
                self.timings.idle_ticks += 1
        if self._tasks:
            await asyncio.gather(*tuple(self._tasks))
        return self.timings

    def _launch(self, scenario: Scenario) -> None:
        scenario.busy = True
        task = asyncio.create_task(self._advance(scenario))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _advance(self, scenario: Scenario) -> None:
        """Send the scenario's steps up to the next one a page shows, and time them."""
        try:
            while not scenario.done:
                step = scenario.next_step()
                data = await self._send(step)
                if data is None:
                    scenario.done = True
                    return
                scenario.answered(data)
                if step.reflects is not None:
                    return
        finally:
            scenario.busy = False

    async def _send(self, step: Step) -> Row | None:
        sent = time.perf_counter()
        try:
            data = await self.writes.ask(step.actor, step.document, step.variables)
        except Exception as exc:  # counted, and the first shown
            self.timings.errors[step.kind] += 1
            self.timings.first_error = self.timings.first_error or f"{step.kind}: {exc}"
            return None
        answered = time.perf_counter()
        self.timings.add(self.timings.write, step.kind, 1000 * (answered - sent))
        watches = [self._page(step, answered)]
        if step.event is not None and self.subscribers is not None:
            watches.append(self._event(step, answered))
        await asyncio.gather(*watches)
        return data

    async def _page(self, step: Step, answered: float) -> None:
        if step.reflects is None:
            return
        deadline = answered + self.give_up
        while time.perf_counter() < deadline:
            with contextlib.suppress(RuntimeError):
                page = await self.reads.page(step.mentee)
                self.timings.reads += 1
                if step.reflects(page):
                    ms = 1000 * (time.perf_counter() - answered)
                    self.timings.add(self.timings.page, step.kind, ms)
                    return
            await asyncio.sleep(self.poll)
        self.timings.missed[f"page {step.kind}"] += 1

    async def _event(self, step: Step, answered: float) -> None:
        assert self.subscribers is not None and step.event is not None
        try:
            arrived = await self.subscribers.arrival(step.mentee, step.event, self.give_up)
        except TimeoutError:
            self.timings.missed[f"event {step.kind}"] += 1
            return
        self.timings.add(self.timings.event, step.kind, 1000 * (arrived - answered))
