"""The identity provider's signing keys, its JWKS (RFC 7517), fetched over httpx.

PyJWT's own `PyJWKClient` fetches with urllib, which would stop the event loop for
as long as the issuer takes to answer. Here a fetch awaits, and concurrent callers
share one. The keys are kept as long as the answer's `Cache-Control: max-age` says,
within bounds, and fetched again earlier when a token names a `kid` they lack (a
rotation), at most once per cooldown, so that tokens with made-up kids cannot hammer
the issuer. A failed fetch keeps the keys of the last good one and is tried again after
the cooldown; only while no key was ever fetched does a token meet `UNAVAILABLE`.

The document is the issuer's to write, so nothing in it may fail a request: an entry
that does not parse, whichever way it fails, is left out (and logged once, not with
every fetch that still serves it); an answer that cannot be read at all is a failed
fetch.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import re
import reprlib
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

_SHORT = reprlib.Repr()
_SHORT.maxstring = 100
"""The issuer's text in a log line: quoted, and cut short."""


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
        self._malformed: frozenset[str] = frozenset()
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
            # A failure, foreseen or not, is tried again after the cooldown, not by each
            # request meanwhile.
            retry_at = self._last_attempt + self._cooldown
            try:
                self._keys, ttl = await self._fetch()
                retry_at = self._clock() + ttl
            except _FetchFailed as exc:
                logger.warning("JWKS %s: %s; keeping %d keys", self._url, exc, len(self._keys))
            finally:
                self._fresh_until = retry_at
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
        except (ValueError, RecursionError) as exc:  # nested too deep: RecursionError
            raise _FetchFailed("the answer is not JSON") from exc
        keys, malformed = _signing_keys(document)
        self._report(malformed)
        if not keys:
            raise _FetchFailed("the answer holds no RS256 or ES256 signing key with a kid")
        return keys, _ttl(response.headers.get("cache-control", ""))

    def _report(self, malformed: frozenset[str]) -> None:
        for entry in sorted(malformed - self._malformed):
            logger.warning("JWKS %s: left out a malformed entry, %s", self._url, entry)
        self._malformed = malformed


def _signing_keys(document: object) -> tuple[dict[str, jwt.PyJWK], frozenset[str]]:
    """The usable keys of a JWKS document, and what was wrong with each malformed entry.

    Entries that are well formed but of no use here (encryption keys, other algorithms,
    keys without a `kid`) are left out silently; malformed ones (not an object, or not
    a key PyJWT can build) are left out and described."""
    entries = document.get("keys") if isinstance(document, dict) else None
    keys: dict[str, jwt.PyJWK] = {}
    malformed: set[str] = set()
    for position, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict):
            malformed.add(f"#{position}: a {type(entry).__name__}, not an object")
            continue
        if entry.get("use", "sig") != "sig":
            continue
        kid = entry.get("kid")
        try:
            key = jwt.PyJWK(entry)
        except Exception as exc:  # PyJWT lets TypeError, ValueError and others through
            reason = f"{type(exc).__name__} {_SHORT.repr(str(exc))}"
            malformed.add(f"#{position} (kid {_SHORT.repr(kid)}): {reason}")
            continue
        if isinstance(kid, str) and kid and key.algorithm_name in ALGORITHMS:
            keys[kid] = key
    return keys, frozenset(malformed)


def _ttl(cache_control: str) -> float:
    if "no-store" in cache_control or "no-cache" in cache_control:
        return MIN_TTL
    found = _MAX_AGE.search(cache_control)
    if found is None:
        return DEFAULT_TTL
    return min(max(float(found.group(1)), MIN_TTL), MAX_TTL)
