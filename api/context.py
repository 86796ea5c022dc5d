"""The per-operation context every resolver receives."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TypeAlias

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from api.auth import Session
from api.errors import Unauthenticated
from api.limits import CostBudget, MutationRateLimiter
from api.loaders import Loaders
from api.settings import ApiSettings
from graph.database import Database
from graph.errors import Unavailable
from graph.events.hub import EventHub
from graph.settings import Settings
from graph.viewer import Viewer


@dataclass
class Context:
    """An HTTP request's context, or a WebSocket connection's. Each operation runs on
    its own copy (`for_operation`, made by `api.session`), with loaders of its own."""

    request: Request | WebSocket
    database: Database
    settings: Settings
    api_settings: ApiSettings
    session: Session
    rate_limiter: MutationRateLimiter
    events: EventHub
    auth_error: Unauthenticated | Unavailable | None = None
    """Set when the request carried a bad token, or one whose issuer's keys could not be
    fetched: any use of the viewer fails with it."""
    connection_params: dict[str, object] | None = None
    """A WebSocket's `connection_init` payload (see `api.ws_auth`)."""
    batch_cost: CostBudget | None = None
    """A batch's shared cost budget (`api.batching`); None: each operation has its own."""
    loaders: Loaders = field(init=False)
    """Fresh for every operation: nothing read for one answer is served in another."""

    def __post_init__(self) -> None:
        self.renew_loaders()

    def for_operation(self) -> Context:
        """A copy for one operation, with empty loaders for the current viewer."""
        return dataclasses.replace(self)

    def renew_loaders(self) -> None:
        self.loaders = Loaders.create(self.database, self.caller)

    @property
    def caller(self) -> Viewer:
        """The token's viewer, whether or not the token was good (see `viewer`)."""
        return self.session.viewer

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
