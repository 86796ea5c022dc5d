"""The API's own configuration: tokens, GraphiQL, introspection, operation and size limits."""

from __future__ import annotations

import os
from dataclasses import dataclass

from graph.settings import env_flag, env_int

# Only for a local `make run`; production sets MENTORGRAPH_JWT_SECRET.
_DEV_SECRET = "dev-only-secret-change-me-not-for-production"


@dataclass(frozen=True)
class ApiSettings:
    jwt_secret: str
    graphiql: bool = True
    introspection: bool = True
    max_query_cost: int = 20_000
    mutations_per_minute: int = 120
    """Per viewer: across processes through Redis when `REDIS_URL` is set; 0: no limit."""
    max_string_length: int = 2000
    """Characters of any string argument, at any depth."""
    max_body_bytes: int = 1_048_576
    """Bytes of an HTTP request body or of one WebSocket message."""

    @classmethod
    def from_env(cls) -> ApiSettings:
        return cls(
            jwt_secret=os.environ.get("MENTORGRAPH_JWT_SECRET", _DEV_SECRET),
            graphiql=env_flag("MENTORGRAPH_GRAPHIQL", True),
            introspection=env_flag("MENTORGRAPH_INTROSPECTION", True),
            max_query_cost=env_int("MENTORGRAPH_MAX_QUERY_COST", 20_000),
            mutations_per_minute=env_int("MENTORGRAPH_MUTATIONS_PER_MINUTE", 120),
            max_string_length=env_int("MENTORGRAPH_MAX_STRING_LENGTH", 2000),
            max_body_bytes=env_int("MENTORGRAPH_MAX_BODY_BYTES", 1_048_576),
        )
