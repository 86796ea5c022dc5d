"""Bearer tokens: HS256 JWTs whose subject is a person's key and whose `role` claim
is `member`, `analyst` or `admin`."""

from __future__ import annotations

import datetime as dt
import functools
import time
from typing import Any

import jwt

from api.errors import Unauthenticated
from graph.viewer import ANONYMOUS, ROLES, Viewer

ALGORITHM = "HS256"


def issue_token(secret: str, key: str, *, role: str = "member", hours: float = 24.0) -> str:
    now = dt.datetime.now(dt.UTC)
    claims = {"sub": key, "role": role, "iat": now, "exp": now + dt.timedelta(hours=hours)}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def viewer_from_token(secret: str, token: str) -> Viewer:
    viewer, expires = _verified(secret, token)
    if time.time() >= expires:
        raise Unauthenticated("the token has expired")
    return viewer


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


def viewer_from_header(secret: str, authorization: str | None) -> Viewer:
    """The viewer of an `Authorization` header; anonymous without one."""
    if not authorization:
        return ANONYMOUS
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("use 'Authorization: Bearer <token>'")
    return viewer_from_token(secret, token.strip())
