"""Sliding windows of events per key: how many in the last period, and room for more.

`LocalWindow` counts in this process only. `RedisWindow` counts in Redis, so every
API process (and every worker of `serve --workers N`) draws on one window per key:
one Lua script drops what fell out of the window, checks the room and records the
new events atomically, on Redis' own clock. `rate_window(redis_url)` picks one.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict, deque
from typing import Protocol

import redis.asyncio as redis
from redis.exceptions import RedisError

from graph.errors import Unavailable

logger = logging.getLogger("mentorgraph.limits")

# KEYS[1] the window (a sorted set of events scored by milliseconds), KEYS[2] its
# event counter; ARGV count, limit, period in ms. Returns 1 when admitted, else 0.
_ADMIT = """
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local period = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms - period)
local count = tonumber(ARGV[1])
if redis.call('ZCARD', KEYS[1]) + count > tonumber(ARGV[2]) then
  return 0
end
local last = redis.call('INCRBY', KEYS[2], count)
for i = last - count + 1, last do
  redis.call('ZADD', KEYS[1], ms, i)
end
redis.call('PEXPIRE', KEYS[1], period)
redis.call('PEXPIRE', KEYS[2], period)
return 1
"""


class RateWindow(Protocol):
    async def admit(self, key: str, count: int, limit: int) -> bool:
        """Record `count` events for `key` if the window then holds at most `limit`."""

    async def close(self) -> None: ...


class LocalWindow:
    def __init__(self, period: float) -> None:
        self.period = period
        self._recent: defaultdict[str, deque[float]] = defaultdict(deque)

    async def admit(self, key: str, count: int, limit: int) -> bool:
        now = time.monotonic()
        recent = self._recent[key]
        while recent and recent[0] <= now - self.period:
            recent.popleft()
        if len(recent) + count > limit:
            return False
        recent.extend([now] * count)
        return True

    async def close(self) -> None:
        self._recent.clear()


class RedisWindow:
    def __init__(self, url: str, period: float, *, prefix: str = "mentorgraph:rate") -> None:
        self.period_ms = int(period * 1000)
        self.prefix = prefix
        self._client: redis.Redis = redis.Redis.from_url(url)
        self._admit = self._client.register_script(_ADMIT)

    async def admit(self, key: str, count: int, limit: int) -> bool:
        # One hash slot for both keys, should the Redis be a cluster.
        window = f"{self.prefix}:{{{key}}}"
        try:
            admitted = await self._admit(
                keys=[window, f"{window}:seq"], args=[count, limit, self.period_ms]
            )
        except (RedisError, OSError) as exc:
            logger.warning("the rate limit store is unavailable: %s", exc)
            raise Unavailable("the rate limit store is unavailable; try again shortly") from exc
        return bool(admitted)

    async def close(self) -> None:
        await self._client.aclose()


def rate_window(redis_url: str | None, *, period: float) -> RateWindow:
    """Shared through Redis when a URL is given, else this process's own."""
    return RedisWindow(redis_url, period) if redis_url else LocalWindow(period)
