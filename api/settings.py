"""The API's own configuration: tokens, GraphiQL, introspection, operation limits."""

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
    """Per viewer and process; 0 turns the limit off."""

    @classmethod
    def from_env(cls) -> ApiSettings:
        return cls(
            jwt_secret=os.environ.get("MENTORGRAPH_JWT_SECRET", _DEV_SECRET),
            graphiql=env_flag("MENTORGRAPH_GRAPHIQL", True),
            introspection=env_flag("MENTORGRAPH_INTROSPECTION", True),
            max_query_cost=env_int("MENTORGRAPH_MAX_QUERY_COST", 20_000),
            mutations_per_minute=env_int("MENTORGRAPH_MUTATIONS_PER_MINUTE", 120),
        )
