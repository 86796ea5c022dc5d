"""The Redis bus: events cross API processes through Redis pub/sub.

Every process subscribes once to one channel and fans messages out to its own
subscribers (`graph.events.bus.Fanout`); a publisher's own process receives its
messages back through Redis like the others, so every process sees the same
order. Redis pub/sub keeps nothing: the graph is the record of match events, so
when the connection drops every local subscriber is failed (the client is told
and resumes from its cursor) and the bus reconnects.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging

import redis.asyncio as redis
from redis.exceptions import RedisError

from graph.errors import Unavailable
from graph.events.bus import DEFAULT_QUEUE_SIZE, Fanout, Message

logger = logging.getLogger("mentorgraph.events")

DEFAULT_CHANNEL = "mentorgraph:events"
_RECONNECT_DELAY = 0.5


class RedisBus(Fanout):
    def __init__(
        self, url: str, *, channel: str = DEFAULT_CHANNEL, queue_size: int = DEFAULT_QUEUE_SIZE
    ) -> None:
        super().__init__(queue_size=queue_size)
        self.url = url
        self.channel = channel
        self._client: redis.Redis = redis.Redis.from_url(url)
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Subscribe, and wait until Redis confirms it: from then on nothing published is missed."""
        pubsub = await self._subscribe()
        self._reader = asyncio.create_task(self._read(pubsub), name="redis-bus-reader")

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        self.fail_all("the server is shutting down")
        await self._client.aclose()

    async def publish(self, topic: str, message: Message) -> None:
        payload = json.dumps({"topic": topic, "message": message}, separators=(",", ":"))
        try:
            await self._client.publish(self.channel, payload)
        except (RedisError, OSError) as exc:
            raise Unavailable(f"Redis at {self.url} is unavailable: {exc}") from exc

    async def _subscribe(self) -> redis.client.PubSub:
        pubsub = self._client.pubsub()
        try:
            await pubsub.subscribe(self.channel)
            while True:
                confirmation = await pubsub.get_message(timeout=5.0)
                if confirmation is None:
                    raise Unavailable(f"Redis at {self.url} did not confirm the subscription")
                if confirmation["type"] == "subscribe":
                    return pubsub
        except (RedisError, OSError) as exc:
            await pubsub.aclose()  # type: ignore[no-untyped-call, unused-ignore]  # untyped in older redis
            raise Unavailable(f"Redis at {self.url} is unavailable: {exc}") from exc

    async def _read(self, pubsub: redis.client.PubSub) -> None:
        while True:
            try:
                async for raw in pubsub.listen():
                    if raw["type"] == "message":
                        self._dispatch(raw["data"])
            except (RedisError, OSError) as exc:
                logger.warning("lost Redis pub/sub (%s); reconnecting", exc)
            finally:
                await pubsub.aclose()  # type: ignore[no-untyped-call, unused-ignore]  # untyped in older redis
            # Whatever was published meanwhile is gone from pub/sub (not from the graph).
            self.fail_all("the event bus lost its connection: resume from your cursor")
            pubsub = await self._reconnect()

    async def _reconnect(self) -> redis.client.PubSub:
        while True:
            await asyncio.sleep(_RECONNECT_DELAY)
            try:
                return await self._subscribe()
            except Unavailable as exc:
                logger.warning("%s; retrying", exc)

    def _dispatch(self, data: bytes | str) -> None:
        try:
            envelope = json.loads(data)
            topic, message = envelope["topic"], envelope["message"]
        except (ValueError, KeyError, TypeError):
            logger.warning("ignored a malformed event on %s", self.channel)
            return
        self.deliver(topic, message)
