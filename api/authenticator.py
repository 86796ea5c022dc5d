"""Which verifier a bearer token goes to: ours (HS256, `api.auth`) or the identity
provider's (RS256 or ES256 from its JWKS, `api.oidc`), told apart by the header's `alg`.

Each verifier accepts its own algorithms only, so a public key can never serve as an
HMAC secret: an HS256 token is checked with our secret alone, and refused outright
when it names the identity provider as its issuer; any other token goes to the
identity provider's verifier (when there is one), which takes RS256 and ES256 only,
each with a key of its kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jwt

from api.auth import ALGORITHM, ANONYMOUS_SESSION, Session, live_session, session_from_token
from api.errors import Unauthenticated
from api.oidc.tokens import OidcTokens
from api.settings import ApiSettings


class Authenticator:
    def __init__(self, settings: ApiSettings) -> None:
        self._secret = settings.jwt_secret
        self._oidc = OidcTokens(settings.oidc) if settings.oidc else None

    async def session(self, token: str) -> Session:
        """The session of a token; `UNAUTHENTICATED` when it does not hold, `UNAVAILABLE`
        when the identity provider's keys cannot be had."""
        header = _unverified(jwt.get_unverified_header, token)
        if header.get("alg") == ALGORITHM:
            if self._oidc and self._issuer(token) == self._oidc.settings.issuer:
                raise Unauthenticated("the identity provider's tokens are never HS256")
            return session_from_token(self._secret, token)
        if self._oidc is None:
            raise Unauthenticated("the token is not valid")
        verified = await self._oidc.verify(token, header, self._issuer(token))
        return live_session(verified.viewer, verified.expires)

    async def session_from_header(self, authorization: str | None) -> Session:
        """The session of an `Authorization` header; anonymous without one."""
        if not authorization:
            return ANONYMOUS_SESSION
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthenticated("use 'Authorization: Bearer <token>'")
        return await self.session(token.strip())

    async def close(self) -> None:
        if self._oidc:
            await self._oidc.keys.close()

    @staticmethod
    def _issuer(token: str) -> object:
        claims = _unverified(lambda t: jwt.decode(t, options={"verify_signature": False}), token)
        return claims.get("iss")


def _unverified(read: Callable[[str], dict[str, Any]], token: str) -> dict[str, Any]:
    """A token's header or claims as it states them, for routing only."""
    try:
        found: dict[str, Any] = read(token)
    except jwt.PyJWTError as exc:
        raise Unauthenticated("the token is not valid") from exc
    return found
