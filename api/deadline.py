"""Every operation's execution ends within a deadline (`MENTORGRAPH_REQUEST_TIMEOUT`).

The driver's own bounds (connecting, acquiring a connection, each query's timeout,
retrying transient errors) each hold, but an operation may chain several calls and
each may retry: only a deadline around the whole execution bounds what a client
waits. Past it, the execution is cancelled and the operation answers UNAVAILABLE.
For a subscription it bounds the start (creating the event stream), not its life.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from strawberry.extensions import SchemaExtension

from graph.errors import TimedOut


@asynccontextmanager
async def bounded(seconds: float) -> AsyncIterator[None]:
    """What runs inside ends within `seconds`, or raises `TimedOut` (UNAVAILABLE)."""
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            yield
    except TimeoutError as exc:
        if not deadline.expired():
            raise
        raise TimedOut(f"the operation ran past its {seconds:g} s deadline") from exc


class Deadline(SchemaExtension):
    def __init__(self, *, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    async def on_execute(self) -> AsyncIterator[None]:
        async with bounded(self.seconds):
            yield
