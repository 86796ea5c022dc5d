"""Our own bearer tokens: HS256 JWTs whose subject is a person's key and whose `role`
claim is `member`, `analyst` or `admin`. A token (ours, or the identity provider's:
`api.authenticator`) makes a `Session`, which lasts until the token's `exp`, on every
transport (`api.session`)."""

from __future__ import annotations

import datetime as dt
import functools
import time
from dataclasses import dataclass
from typing import Any

import jwt

from api.errors import Unauthenticated
from graph.viewer import ANONYMOUS, ROLES, Viewer

ALGORITHM = "HS256"


def issue_token(secret: str, key: str, *, role: str = "member", hours: float = 24.0) -> str:
    now = dt.datetime.now(dt.UTC)
    claims = {"sub": key, "role": role, "iat": now, "exp": now + dt.timedelta(hours=hours)}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


@dataclass(frozen=True)
class Session:
    """Who is asking, and until when their token holds."""

    viewer: Viewer
    expires: float | None = None
    """The token's `exp` (seconds since the epoch); `None` for an anonymous caller."""

    def expired(self) -> bool:
        return self.expires is not None and time.time() >= self.expires


ANONYMOUS_SESSION = Session(ANONYMOUS)


def session_from_token(secret: str, token: str) -> Session:
    """The session of one of our own (HS256) tokens."""
    return live_session(*_verified(secret, token))


def live_session(viewer: Viewer, expires: float) -> Session:
    """A verified token's session, unless it has expired since it was verified."""
    session = Session(viewer, expires)
    if session.expired():
        raise Unauthenticated("the token has expired")
    return session


@functools.lru_cache(maxsize=4096)
def _verified(secret: str, token: str) -> tuple[Viewer, float]:
    """The viewer a token names and when it expires. A client sends the same token with
    every request: its signature is checked once (about 0.4 ms a request, BENCHMARKS.md),
    its expiry every time. Only valid tokens are cached (exceptions are not)."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "exp"]}
        )
    except jwt.PyJWTError as exc:
        raise refusal(exc) from exc
    role = claims.get("role", "member")
    if role not in ROLES or not isinstance(claims["sub"], str) or not claims["sub"]:
        raise Unauthenticated("the token's subject or role is not valid")
    return Viewer(key=claims["sub"], role=role), float(claims["exp"])


def refusal(exc: jwt.PyJWTError) -> Unauthenticated:
    """What a client is told of a token PyJWT refused, whoever issued it."""
    match exc:
        case jwt.ExpiredSignatureError():
            return Unauthenticated("the token has expired")
        case jwt.ImmatureSignatureError():
            return Unauthenticated("the token is not valid yet")
        case jwt.InvalidAudienceError():
            return Unauthenticated("the token is meant for another audience")
        case jwt.InvalidIssuerError():
            return Unauthenticated("the token's issuer is not accepted")
        case jwt.MissingRequiredClaimError(claim=claim):
            return Unauthenticated(f"the token has no {claim!r} claim")
        case jwt.InvalidSignatureError():
            return Unauthenticated("the token's signature is not valid")
    return Unauthenticated("the token is not valid")
