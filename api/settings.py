"""The API's own configuration: tokens, GraphiQL, CORS, introspection, operation and size
limits, persisted operations."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from api.cors import check_origin
from api.dev_secret import DEFAULT_PATH, dev_secret
from api.oidc.settings import OidcSettings
from api.trusted_documents import TrustedDocuments
from graph.settings import SettingsError, env_flag, env_float, env_int

REQUEST_TIMEOUT = 12.0
"""Seconds: the query timeout's 10, and room for a retry or a second statement."""

MIN_SECRET_BYTES = 32
"""HS256 wants a key at least as long as its hash, 256 bits (RFC 7518, section 3.2)."""


@dataclass(frozen=True)
class ApiSettings:
    jwt_secret: str = field(repr=False)
    graphiql: bool = True
    cors_origins: tuple[str, ...] = ()
    """Origins whose browser pages may call the API (HTTP and WebSocket); none by default."""
    allowed_hosts: tuple[str, ...] = ()
    """Names a request's `Host` may give (`api.hosts`); empty: any."""
    introspection: bool = True
    max_query_cost: int = 20_000
    mutations_per_minute: int = 120
    """Per viewer: across processes through Redis when `REDIS_URL` is set; 0: no limit."""
    max_string_length: int = 2000
    """Characters of any string argument, at any depth."""
    max_body_bytes: int = 1_048_576
    """Bytes of an HTTP request body or of one WebSocket message."""
    max_batch: int = 0
    """Operations one POST may send as a JSON array (`api.batching`); 0: batching off."""
    request_timeout: float = REQUEST_TIMEOUT
    """Seconds an operation may run before it fails with UNAVAILABLE (not subscriptions)."""
    persisted_queries: bool = True
    """Apollo's automatic persisted queries (`api.persisted`)."""
    persisted_query_entries: int = 2000
    """Documents the persisted query store keeps (per process, or in all through Redis)."""
    persisted_query_bytes: int = 32_768
    """Bytes of the largest document the store keeps (a larger one runs, unstored)."""
    persisted_query_ttl: float = 86_400.0
    """Seconds a stored document unused since is dropped after."""
    trusted_documents: TrustedDocuments | None = None
    """Set: only these documents run, and nothing registers (`api.trusted_documents`)."""
    oidc: OidcSettings | None = None
    """The identity provider whose tokens are accepted besides ours; `None`: ours only."""
    lookahead: bool = True
    """Screens read their nested parts with their people, and stored match pages are read
    without the evidence a selection does not show (`api.lookahead`); off: level by level,
    a round trip each, evidence always read (the reference the look-ahead is compared
    with)."""

    def __post_init__(self) -> None:
        if len(self.jwt_secret.encode()) < MIN_SECRET_BYTES:
            raise SettingsError(
                f"MENTORGRAPH_JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes long"
            )
        if self.request_timeout <= 0:
            raise SettingsError("MENTORGRAPH_REQUEST_TIMEOUT must be more than 0 seconds")
        if self.persisted_query_entries < 1 or self.persisted_query_ttl <= 0:
            raise SettingsError(
                "MENTORGRAPH_PERSISTED_QUERY_ENTRIES and MENTORGRAPH_PERSISTED_QUERY_TTL "
                "must be more than 0"
            )
        for origin in self.cors_origins:
            check_origin(origin)

    @classmethod
    def from_env(cls) -> ApiSettings:
        return cls(
            jwt_secret=_jwt_secret(),
            graphiql=env_flag("MENTORGRAPH_GRAPHIQL", True),
            cors_origins=_listed("MENTORGRAPH_CORS_ORIGINS"),
            allowed_hosts=_listed("MENTORGRAPH_ALLOWED_HOSTS"),
            introspection=env_flag("MENTORGRAPH_INTROSPECTION", True),
            max_query_cost=env_int("MENTORGRAPH_MAX_QUERY_COST", 20_000),
            mutations_per_minute=env_int("MENTORGRAPH_MUTATIONS_PER_MINUTE", 120),
            max_string_length=env_int("MENTORGRAPH_MAX_STRING_LENGTH", 2000),
            max_body_bytes=env_int("MENTORGRAPH_MAX_BODY_BYTES", 1_048_576),
            max_batch=env_int("MENTORGRAPH_MAX_BATCH", 0),
            request_timeout=env_float("MENTORGRAPH_REQUEST_TIMEOUT", REQUEST_TIMEOUT),
            persisted_queries=env_flag("MENTORGRAPH_PERSISTED_QUERIES", True),
            persisted_query_entries=env_int("MENTORGRAPH_PERSISTED_QUERY_ENTRIES", 2000),
            persisted_query_bytes=env_int("MENTORGRAPH_PERSISTED_QUERY_BYTES", 32_768),
            persisted_query_ttl=env_float("MENTORGRAPH_PERSISTED_QUERY_TTL", 86_400.0),
            trusted_documents=_trusted_documents(),
            oidc=OidcSettings.from_env(),
            lookahead=env_flag("MENTORGRAPH_LOOKAHEAD", True),
        )


def _trusted_documents() -> TrustedDocuments | None:
    """The manifest MENTORGRAPH_TRUSTED_DOCUMENTS names, read at start: a bad one stops it."""
    path = os.environ.get("MENTORGRAPH_TRUSTED_DOCUMENTS")
    return TrustedDocuments.load(Path(path)) if path else None


def _listed(name: str) -> tuple[str, ...]:
    """A comma-separated setting's entries (none when unset or empty)."""
    return tuple(entry.strip() for entry in os.environ.get(name, "").split(",") if entry.strip())


def _jwt_secret() -> str:
    """MENTORGRAPH_JWT_SECRET; without it only a local development install may start,
    with the random secret it keeps (`api.dev_secret`)."""
    secret = os.environ.get("MENTORGRAPH_JWT_SECRET")
    if secret:
        return secret
    if env_flag("MENTORGRAPH_DEV_MODE", False):
        return dev_secret(Path(os.environ.get("MENTORGRAPH_DEV_SECRET_FILE") or DEFAULT_PATH))
    raise SettingsError(
        "MENTORGRAPH_JWT_SECRET is not set: give the API a secret of at least "
        f"{MIN_SECRET_BYTES} bytes, or set MENTORGRAPH_DEV_MODE=true on a local "
        "development install (`make run` does)"
    )
