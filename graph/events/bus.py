"""The event bus: topics, bounded per-subscriber queues, and the in-process bus.

A message is a JSON-able dict published on a topic (`match:<mentee>`,
`request:<person>`). Each subscriber has its own bounded queue, so a slow
subscriber cannot stall the publisher or other subscribers: when its queue is
full, the subscriber is marked overflowed, further messages are dropped for it,
and its next `get()` raises `SubscriberOverflow`. The subscription layer then
tells the client, which resumes from its cursor: match events are in the graph,
so nothing is lost, only delivered later.

`InProcessBus` delivers within one process; `graph.events.redis_bus.RedisBus` across
processes. Both share the fan-out below.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Protocol

from graph.errors import MentorgraphError

Message = dict[str, Any]
DEFAULT_QUEUE_SIZE = 256


class SubscriberOverflow(MentorgraphError):
    """The subscriber fell behind (its queue filled) or the bus lost its connection."""


class Subscriber:
    """One subscriber's bounded queue on one topic."""

    __slots__ = ("_queue", "failure", "topic")

    def __init__(self, topic: str, maxsize: int) -> None:
        self.topic = topic
        self._queue: asyncio.Queue[Message] = asyncio.Queue(maxsize=maxsize)
        self.failure: str | None = None

    def offer(self, message: Message) -> None:
        """Queue a message without waiting; on a full queue, mark the subscriber overflowed."""
        if self.failure is not None:
            return
        try:
            self._queue.put_nowait(message)
        except asyncio.QueueFull:
            self.fail("the subscriber fell behind: its queue is full")

    def fail(self, reason: str) -> None:
        if self.failure is None:
            self.failure = reason
            # Wake a consumer blocked on an empty queue (a lost bus connection).
            if self._queue.empty():
                self._queue.put_nowait({})

    async def get(self) -> Message:
        if self.failure is None:
            message = await self._queue.get()
            if self.failure is None:
                return message
        raise SubscriberOverflow(self.failure)

    def pending(self) -> int:
        return self._queue.qsize()


class EventBus(Protocol):
    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def publish(self, topic: str, message: Message) -> None: ...

    def subscribe(self, topic: str) -> AbstractAsyncContextManager[Subscriber]: ...


class Fanout:
    """Local subscribers by topic, and delivery of a message to them."""

    def __init__(self, *, queue_size: int = DEFAULT_QUEUE_SIZE) -> None:
        self.queue_size = queue_size
        self._topics: dict[str, set[Subscriber]] = {}

    @asynccontextmanager
    async def _subscription(self, topic: str) -> AsyncIterator[Subscriber]:
        subscriber = Subscriber(topic, self.queue_size)
        self._topics.setdefault(topic, set()).add(subscriber)
        try:
            yield subscriber
        finally:
            subscribers = self._topics.get(topic)
            if subscribers is not None:
                subscribers.discard(subscriber)
                if not subscribers:
                    del self._topics[topic]

    def subscribe(self, topic: str) -> AbstractAsyncContextManager[Subscriber]:
        """Registered on entry, before any await: a message published after entry arrives."""
        return self._subscription(topic)

    def deliver(self, topic: str, message: Message) -> None:
        for subscriber in tuple(self._topics.get(topic, ())):
            subscriber.offer(message)

    def fail_all(self, reason: str) -> None:
        for subscribers in self._topics.values():
            for subscriber in subscribers:
                subscriber.fail(reason)

    def subscriber_count(self) -> int:
        return sum(len(s) for s in self._topics.values())


class InProcessBus(Fanout):
    """The default bus: delivery within this process only."""

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        self.fail_all("the server is shutting down")

    async def publish(self, topic: str, message: Message) -> None:
        self.deliver(topic, message)
