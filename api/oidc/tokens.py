"""Verifying the identity provider's tokens: RS256 or ES256, signed by a key of its
JWKS named by the token's `kid`, from the configured issuer, for our audience.

A client sends the same token with every request: a verified one is remembered
until it expires (4096 at most, the least recently used go first), so its signature
is checked once. Its key is looked up again each time: a key the issuer has dropped
stops its tokens as soon as the keys are fetched again.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import jwt

from api.auth import refusal
from api.errors import Unauthenticated
from api.oidc import claims
from api.oidc.jwks import ALGORITHMS, SigningKeys
from api.oidc.settings import OidcSettings
from graph.viewer import Viewer

REMEMBERED = 4096


@dataclass(frozen=True)
class Verified:
    viewer: Viewer
    expires: float
    """The token's `exp` plus the leeway: until when it is accepted."""
    kid: str


class OidcTokens:
    def __init__(self, settings: OidcSettings, keys: SigningKeys | None = None) -> None:
        self.settings = settings
        self.keys = keys or SigningKeys(settings.jwks_url, cooldown=settings.jwks_cooldown)
        self._verified: OrderedDict[str, Verified] = OrderedDict()

    async def verify(self, token: str, header: dict[str, Any], issuer: object) -> Verified:
        """`header` and `issuer` as the token states them, before anything is verified:
        a token that is not the issuer's is refused without fetching any key."""
        if issuer != self.settings.issuer:
            raise Unauthenticated("the token's issuer is not accepted")
        alg, kid = header.get("alg"), header.get("kid")
        if alg not in ALGORITHMS:
            raise Unauthenticated(f"the token's algorithm must be one of {sorted(ALGORITHMS)}")
        if not isinstance(kid, str) or not kid:
            raise Unauthenticated("the token does not name its signing key (kid)")
        known = await self.keys.current()
        remembered = self._verified.pop(token, None)
        if remembered is not None and remembered.kid in known and time.time() < remembered.expires:
            self._verified[token] = remembered
            return remembered
        key = await self.keys.find(kid)
        if key is None:
            raise Unauthenticated("the token's signing key (kid) is not known")
        if key.algorithm_name != alg:
            raise Unauthenticated("the token's algorithm does not match its signing key")
        verified = self._verify(token, key, kid)
        self._remember(token, verified)
        return verified

    def _verify(self, token: str, key: jwt.PyJWK, kid: str) -> Verified:
        settings = self.settings
        try:
            payload: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[key.algorithm_name],
                audience=settings.audience,
                issuer=settings.issuer,
                leeway=settings.leeway,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as exc:
            raise refusal(exc) from exc
        viewer = claims.viewer(payload, settings)
        return Verified(viewer, float(payload["exp"]) + settings.leeway, kid)

    def _remember(self, token: str, verified: Verified) -> None:
        self._verified[token] = verified
        while len(self._verified) > REMEMBERED:
            self._verified.popitem(last=False)
