"""Where automatic persisted queries keep their documents: text by its SHA-256.

Both stores are bounded: at most `max_entries` documents, each dropped once it has
gone unused for `ttl` seconds, the least recently used first when full. `LocalStore`
lives in this process; `RedisStore` is shared by every API process and worker
(`REDIS_URL`), so a document registered through one is found through another. The
key is the SHA-256 of the text, checked before anything is stored
(`api.persisted`), so a store can hand back only the text that was hashed.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

import redis.asyncio as redis
from redis.exceptions import RedisError

logger = logging.getLogger("mentorgraph.api")

# KEYS[1] a hash of documents by SHA-256, KEYS[2] a sorted set of their last use, in
# microseconds of Redis' clock (fine enough that two uses never tie; a double holds it
# exactly). ARGV[1] the SHA-256, ARGV[2] the ttl in microseconds. Returns the text, or
# nil when absent or unused for longer than the ttl.
_GET = """
local now = redis.call('TIME')
local us = tonumber(now[1]) * 1000000 + tonumber(now[2])
local used = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not used or tonumber(used) <= us - tonumber(ARGV[2]) then
  return false
end
redis.call('ZADD', KEYS[2], us, ARGV[1])
return redis.call('HGET', KEYS[1], ARGV[1])
"""

# Same keys; ARGV[1] the SHA-256, ARGV[2] the text, ARGV[3] the ttl in microseconds,
# ARGV[4] the most documents kept. Drops what went unused for the ttl, then the least recently
# used over the bound.
_PUT = """
local now = redis.call('TIME')
local us = tonumber(now[1]) * 1000000 + tonumber(now[2])
local ttl = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], us, ARGV[1])
for _, hash in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', us - ttl)) do
  redis.call('HDEL', KEYS[1], hash)
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', us - ttl)
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if over > 0 then
  local oldest = redis.call('ZPOPMIN', KEYS[2], over)
  for i = 1, #oldest, 2 do
    redis.call('HDEL', KEYS[1], oldest[i])
  end
end
redis.call('PEXPIRE', KEYS[1], math.ceil(ttl / 1000))
redis.call('PEXPIRE', KEYS[2], math.ceil(ttl / 1000))
return 1
"""


class DocumentStore(Protocol):
    async def get(self, sha256: str) -> str | None:
        """The text stored under `sha256`, which counts as a use."""

    async def put(self, sha256: str, text: str) -> None: ...

    async def close(self) -> None: ...


class LocalStore:
    def __init__(
        self, *, max_entries: int, ttl: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_entries = max_entries
        self.ttl = ttl
        self._clock = clock
        self._documents: OrderedDict[str, tuple[str, float]] = OrderedDict()

    async def get(self, sha256: str) -> str | None:
        found = self._documents.get(sha256)
        now = self._clock()
        if found is None or found[1] <= now - self.ttl:
            self._documents.pop(sha256, None)
            return None
        self._documents[sha256] = (found[0], now)
        self._documents.move_to_end(sha256)
        return found[0]

    async def put(self, sha256: str, text: str) -> None:
        self._documents[sha256] = (text, self._clock())
        self._documents.move_to_end(sha256)
        while len(self._documents) > self.max_entries:
            self._documents.popitem(last=False)

    async def close(self) -> None:
        self._documents.clear()


class RedisStore:
    """A store the API processes share. Redis away, a lookup misses and a registration
    is skipped, with a warning: the client then sends the full text, which runs."""

    def __init__(
        self, url: str, *, max_entries: int, ttl: float, prefix: str = "mentorgraph:apq"
    ) -> None:
        self.max_entries = max_entries
        self.ttl_us = max(1000, int(ttl * 1_000_000))
        # One hash slot for both keys, should the Redis be a cluster.
        self.keys = [f"{prefix}:{{documents}}", f"{prefix}:{{documents}}:used"]
        self._client: redis.Redis = redis.Redis.from_url(url)
        self._get = self._client.register_script(_GET)
        self._put = self._client.register_script(_PUT)

    async def get(self, sha256: str) -> str | None:
        try:
            text = await self._get(keys=self.keys, args=[sha256, self.ttl_us])
        except (RedisError, OSError) as exc:
            logger.warning("the persisted query store is unavailable: %s", exc)
            return None
        return text.decode() if isinstance(text, bytes) else None

    async def put(self, sha256: str, text: str) -> None:
        try:
            await self._put(keys=self.keys, args=[sha256, text, self.ttl_us, self.max_entries])
        except (RedisError, OSError) as exc:
            logger.warning("the persisted query store is unavailable: %s", exc)

    async def close(self) -> None:
        await self._client.aclose()


def document_store(redis_url: str | None, *, max_entries: int, ttl: float) -> DocumentStore:
    """Shared through Redis when a URL is given, else this process's own."""
    if redis_url:
        return RedisStore(redis_url, max_entries=max_entries, ttl=ttl)
    return LocalStore(max_entries=max_entries, ttl=ttl)
