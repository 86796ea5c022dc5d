"""The persisted query stores keep what they hold bounded: entries, and time unused.

`LocalStore` on a clock the test moves; `RedisStore` against a real redis-server,
two stores standing for two processes.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis.asyncio as redis

from api.persisted_store import LocalStore, RedisStore
from tests.servers import redis_server


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_the_local_store_drops_the_least_recently_used_over_its_bound() -> None:
    store = LocalStore(max_entries=2, ttl=60, clock=Clock())
    await store.put("a", "A")
    await store.put("b", "B")
    assert await store.get("a") == "A"  # now b is the least recently used
    await store.put("c", "C")
    assert [await store.get(key) for key in "abc"] == ["A", None, "C"]


async def test_the_local_store_drops_what_went_unused_for_its_ttl() -> None:
    clock = Clock()
    store = LocalStore(max_entries=10, ttl=60, clock=clock)
    await store.put("a", "A")
    await store.put("b", "B")
    clock.now += 59
    assert await store.get("a") == "A"  # a use: a's time starts again
    clock.now += 59
    assert (await store.get("a"), await store.get("b")) == ("A", None)


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


async def test_redis_stores_share_documents_and_one_bound(redis_url: str) -> None:
    one = RedisStore(redis_url, max_entries=2, ttl=60, prefix="test:shared")
    other = RedisStore(redis_url, max_entries=2, ttl=60, prefix="test:shared")
    try:
        await one.put("a", "A")
        await other.put("b", "B")
        assert await other.get("a") == "A"  # now b is the least recently used
        await one.put("c", "C")
        assert [await other.get(key) for key in "abc"] == ["A", None, "C"]
    finally:
        await one.close()
        await other.close()


async def test_redis_keys_expire_once_unused_for_the_ttl(redis_url: str) -> None:
    store = RedisStore(redis_url, max_entries=10, ttl=60, prefix="test:ttl")
    client = redis.Redis.from_url(redis_url)
    try:
        await store.put("a", "A")
        for key in store.keys:
            assert 0 < await client.pttl(key) <= 60_000
    finally:
        await store.close()
        await client.aclose()


async def test_with_redis_away_a_lookup_misses_and_a_registration_is_skipped() -> None:
    with redis_server() as url:
        store = RedisStore(url, max_entries=10, ttl=60)
    try:
        await store.put("a", "A")
        assert await store.get("a") is None
    finally:
        await store.close()
