"""The per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from api.errors import Unauthenticated
from api.limits import MutationRateLimiter
from api.loaders import Loaders
from api.settings import ApiSettings
from graph.database import Database
from graph.events.hub import EventHub
from graph.settings import Settings
from graph.viewer import Viewer


@dataclass
class Context:
    request: Request | WebSocket
    database: Database
    settings: Settings
    api_settings: ApiSettings
    caller: Viewer
    loaders: Loaders
    rate_limiter: MutationRateLimiter
    events: EventHub
    auth_error: Unauthenticated | None = None
    """Set when the request carried a bad token: any use of the viewer fails with it."""
    connection_params: dict[str, object] | None = None
    """A WebSocket's `connection_init` payload (see `api.ws_auth`)."""

    @property
    def viewer(self) -> Viewer:
        if self.auth_error is not None:
            raise self.auth_error
        return self.caller

    def rate_key(self) -> str:
        """Whose mutations count together: the viewer, or the client address."""
        if self.caller.key is not None:
            return f"person:{self.caller.key}"
        client = self.request.client
        return f"address:{client.host if client else 'unknown'}"

    def viewer_key(self) -> str:
        """The caller's person key; `UNAUTHENTICATED` for an anonymous caller."""
        if self.viewer.key is None:
            raise Unauthenticated("sign in: this needs 'Authorization: Bearer <token>'")
        return self.viewer.key


Info: TypeAlias = StrawberryInfo[Context, None]
