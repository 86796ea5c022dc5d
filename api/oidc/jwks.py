"""The identity provider's signing keys, its JWKS (RFC 7517), fetched over httpx.

PyJWT's own `PyJWKClient` fetches with urllib, which would stop the event loop for
as long as the issuer takes to answer. Here a fetch awaits, and concurrent callers
share one. The keys are kept as long as the answer's `Cache-Control: max-age` says,
within bounds, and fetched again earlier when a token names a `kid` they lack (a
rotation), at most once per cooldown, so that tokens with made-up kids cannot hammer
the issuer. A failed fetch keeps the keys of the last good one; only while no key was
ever fetched does a token meet `UNAVAILABLE`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import re
import time
from collections.abc import Callable, Mapping

import httpx
import jwt

from graph.errors import Unavailable

ALGORITHMS = frozenset({"RS256", "ES256"})
"""The only ones accepted: never `none`, never HMAC with a public key as its secret."""
MIN_TTL = 60.0
MAX_TTL = 86_400.0
DEFAULT_TTL = 300.0
"""Seconds the keys are kept when the answer says nothing (or less than MIN_TTL)."""
FETCH_TIMEOUT = 5.0
MAX_BYTES = 256 * 1024
"""A key set is a few kilobytes; an answer larger than this is refused, not read."""

_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)

logger = logging.getLogger("mentorgraph.api")


class _FetchFailed(Exception):
    pass


class SigningKeys:
    """The keys of one JWKS URL, by `kid`."""

    def __init__(
        self, url: str, *, cooldown: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._url = url
        self._cooldown = cooldown
        self._clock = clock
        self._client = httpx.AsyncClient(timeout=FETCH_TIMEOUT, follow_redirects=False)
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fresh_until = -math.inf
        self._last_attempt = -math.inf
        self._attempts = 0
        self._lock = asyncio.Lock()

    async def current(self) -> Mapping[str, jwt.PyJWK]:
        """The keys, fetched again once their time is up; `Unavailable` without any."""
        if self._clock() >= self._fresh_until:
            await self._refresh()
        if not self._keys:
            raise Unavailable(f"no signing key could be fetched from {self._url}")
        return self._keys

    async def find(self, kid: str) -> jwt.PyJWK | None:
        """The key named `kid`; an unknown one fetches the keys again, cooldown allowing."""
        keys = await self.current()
        if kid not in keys and self._clock() - self._last_attempt >= self._cooldown:
            await self._refresh()
        return self._keys.get(kid)

    async def close(self) -> None:
        await self._client.aclose()

    async def _refresh(self) -> None:
        seen = self._attempts
        async with self._lock:
            if self._attempts != seen:
                return  # fetched while this caller waited: that answer is the one
            self._last_attempt = self._clock()
            try:
                self._keys, ttl = await self._fetch()
            except _FetchFailed as exc:
                logger.warning("JWKS %s: %s; keeping %d keys", self._url, exc, len(self._keys))
                # Tried again after the cooldown, not by each request meanwhile.
                self._fresh_until = self._last_attempt + self._cooldown
            else:
                self._fresh_until = self._clock() + ttl
            finally:
                self._attempts += 1

    async def _fetch(self) -> tuple[dict[str, jwt.PyJWK], float]:
        try:
            async with self._client.stream("GET", self._url) as response:
                response.raise_for_status()
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > MAX_BYTES:
                        raise _FetchFailed(f"the answer is larger than {MAX_BYTES} bytes")
        except httpx.HTTPError as exc:
            raise _FetchFailed(repr(exc)) from exc
        try:
            document = json.loads(body)
        except ValueError as exc:
            raise _FetchFailed("the answer is not JSON") from exc
        keys = _signing_keys(document)
        if not keys:
            raise _FetchFailed("the answer holds no RS256 or ES256 signing key with a kid")
        return keys, _ttl(response.headers.get("cache-control", ""))


def _signing_keys(document: object) -> dict[str, jwt.PyJWK]:
    """The usable keys of a JWKS document; others (encryption keys, other algorithms,
    keys without a `kid`, keys that do not parse) are left out."""
    entries = document.get("keys") if isinstance(document, dict) else None
    keys: dict[str, jwt.PyJWK] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or entry.get("use", "sig") != "sig":
            continue
        kid = entry.get("kid")
        try:
            key = jwt.PyJWK(entry)
        except jwt.PyJWTError:
            continue
        if isinstance(kid, str) and kid and key.algorithm_name in ALGORITHMS:
            keys[kid] = key
    return keys


def _ttl(cache_control: str) -> float:
    if "no-store" in cache_control or "no-cache" in cache_control:
        return MIN_TTL
    found = _MAX_AGE.search(cache_control)
    if found is None:
        return DEFAULT_TTL
    return min(max(float(found.group(1)), MIN_TTL), MAX_TTL)
