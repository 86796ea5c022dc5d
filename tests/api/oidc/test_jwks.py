"""The identity provider's keys: fetched from a real endpoint on a loopback port, on a
clock the test moves, so that nothing here waits for time to pass."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator

import pytest

from api.oidc.jwks import DEFAULT_TTL, MAX_TTL, MIN_TTL, SigningKeys
from graph.errors import Unavailable
from tests.oidc import (
    MALFORMED_ENTRIES,
    UNREADABLE_DOCUMENTS,
    JwksEndpoint,
    SigningKey,
    jwks_endpoint,
)

RSA = SigningKey.rsa("rsa-1")
EC = SigningKey.ec("ec-1")
COOLDOWN = 10.0


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def idp() -> Iterator[JwksEndpoint]:
    with jwks_endpoint(RSA, EC) as endpoint:
        yield endpoint


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def keys(idp: JwksEndpoint, clock: Clock) -> AsyncIterator[SigningKeys]:
    signing_keys = SigningKeys(idp.url, cooldown=COOLDOWN, clock=clock)
    yield signing_keys
    await signing_keys.close()


async def test_keys_are_fetched_once_and_kept(keys: SigningKeys, idp: JwksEndpoint) -> None:
    found = await asyncio.gather(*(keys.current() for _ in range(20)))
    assert all(set(each) == {"rsa-1", "ec-1"} for each in found)
    assert {key.algorithm_name for key in found[0].values()} == {"RS256", "ES256"}
    assert idp.hits == 1, "concurrent callers share one fetch"


@pytest.mark.parametrize(
    ("cache_control", "ttl"),
    [
        (None, DEFAULT_TTL),
        ("public, max-age=3600", 3600.0),
        ("max-age=5", MIN_TTL),
        ("no-store", MIN_TTL),
        ("max-age=31536000", MAX_TTL),
    ],
)
async def test_keys_are_kept_as_long_as_cache_control_says_within_bounds(
    keys: SigningKeys, idp: JwksEndpoint, clock: Clock, cache_control: str | None, ttl: float
) -> None:
    idp.cache_control = cache_control
    await keys.current()
    clock.now += ttl - 1
    await keys.current()
    assert idp.hits == 1
    clock.now += 1
    await keys.current()
    assert idp.hits == 2


async def test_unknown_kids_fetch_again_at_most_once_per_cooldown(
    keys: SigningKeys, idp: JwksEndpoint, clock: Clock
) -> None:
    assert await keys.find("rsa-1") is not None
    clock.now += COOLDOWN
    flood = await asyncio.gather(*(keys.find(f"random-{i}") for i in range(50)))
    assert flood == [None] * 50
    for i in range(50):
        assert await keys.find(f"more-{i}") is None
    assert idp.hits == 2, "one fetch for the whole flood"
    rotated = SigningKey.rsa("rsa-2")
    idp.keys = [rotated]
    clock.now += COOLDOWN
    assert await keys.find("rsa-2") is not None, "a rotation is picked up after the cooldown"
    assert await keys.find("rsa-1") is None
    assert idp.hits == 3


async def test_a_failed_fetch_keeps_the_last_good_keys(
    keys: SigningKeys, idp: JwksEndpoint, clock: Clock
) -> None:
    await keys.current()
    idp.stop()
    clock.now += DEFAULT_TTL
    assert set(await keys.current()) == {"rsa-1", "ec-1"}
    assert await keys.find("rsa-1") is not None


async def test_without_any_key_the_keys_are_unavailable(idp: JwksEndpoint, clock: Clock) -> None:
    idp.stop()
    keys = SigningKeys(idp.url, cooldown=COOLDOWN, clock=clock)
    with pytest.raises(Unavailable):
        await keys.current()
    await keys.close()


async def test_keys_that_cannot_verify_a_token_are_left_out(
    keys: SigningKeys, idp: JwksEndpoint
) -> None:
    idp.document = {
        "keys": [
            {**RSA.jwk(), "kid": "encryption", "use": "enc"},
            {**RSA.jwk(), "kid": "ps256", "alg": "PS256"},
            {**RSA.jwk(), "kid": None},
            {"kty": "oct", "kid": "hmac", "k": "c2VjcmV0", "alg": "HS256"},
            {"kty": "RSA", "kid": "broken", "n": "AA"},
            "not a key",
            RSA.jwk(),
        ]
    }
    assert set(await keys.current()) == {"rsa-1"}


@pytest.mark.parametrize("entry", MALFORMED_ENTRIES.values(), ids=MALFORMED_ENTRIES.keys())
async def test_a_malformed_entry_is_left_out_and_logged_once(
    keys: SigningKeys,
    idp: JwksEndpoint,
    clock: Clock,
    caplog: pytest.LogCaptureFixture,
    entry: object,
) -> None:
    idp.document = {"keys": [entry, RSA.jwk()]}
    with caplog.at_level(logging.WARNING, logger="mentorgraph.api"):
        assert set(await keys.current()) == {"rsa-1"}
        clock.now += DEFAULT_TTL
        assert set(await keys.current()) == {"rsa-1"}
    assert idp.hits == 2
    logged = [record.getMessage() for record in caplog.records]
    assert len(logged) == 1, logged
    assert "left out a malformed entry, #0" in logged[0]


@pytest.mark.parametrize("document", UNREADABLE_DOCUMENTS.values(), ids=UNREADABLE_DOCUMENTS.keys())
async def test_an_answer_without_usable_keys_is_a_failed_fetch_tried_after_the_cooldown(
    keys: SigningKeys, idp: JwksEndpoint, clock: Clock, document: object
) -> None:
    await keys.current()
    idp.document = document
    clock.now += DEFAULT_TTL
    for step in (0.0, COOLDOWN - 1):
        clock.now += step
        for i in range(20):
            assert set(await keys.current()) == {"rsa-1", "ec-1"}, "the last good keys"
            assert await keys.find(f"random-{i}") is None
        assert idp.hits == 2, "one failed fetch, then none until the cooldown is over"
    clock.now += 1
    await keys.current()
    assert idp.hits == 3
