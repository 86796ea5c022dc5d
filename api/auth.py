"""Bearer tokens: HS256 JWTs whose subject is a person's key and whose `role` claim
is `member`, `analyst` or `admin`. A token makes a `Session`, which lasts until the
token's `exp`, on every transport (`api.session`)."""

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
    viewer, expires = _verified(secret, token)
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
    except jwt.ExpiredSignatureError as exc:
        raise Unauthenticated("the token has expired") from exc
    except jwt.PyJWTError as exc:
        raise Unauthenticated("the token is not valid") from exc
    role = claims.get("role", "member")
    if role not in ROLES or not isinstance(claims["sub"], str) or not claims["sub"]:
        raise Unauthenticated("the token's subject or role is not valid")
    return Viewer(key=claims["sub"], role=role), float(claims["exp"])


def session_from_header(secret: str, authorization: str | None) -> Session:
    """The session of an `Authorization` header; anonymous without one."""
    if not authorization:
        return ANONYMOUS_SESSION
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("use 'Authorization: Bearer <token>'")
    return session_from_token(secret, token.strip())
