"""WebSocket authentication: the token travels in `connection_init`'s payload, and the
connection lasts no longer than the token.

Browsers cannot set headers on a WebSocket, so the payload carries
`{"authorization": "Bearer <token>"}` or `{"token": "<token>"}`. A bad token
rejects the connection: graphql-transport-ws closes it with 4403, legacy
graphql-ws answers `connection_error`. Without a token the connection keeps the
viewer of the upgrade request's `Authorization` header, or stays anonymous (and
subscriptions then fail with UNAUTHENTICATED); subscribing before
`connection_init` closes with 4401.

When the token expires, a timer set for its `exp` stops every operation on the
socket and closes it with 4403 "token expired", on both protocols (4403, like a
refused token, so that a client may reconnect with a fresh one). Each operation
is checked as it starts as well (`api.session`).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable

from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions.protocols.graphql_transport_ws.types import ConnectionInitMessage
from strawberry.subscriptions.protocols.graphql_ws.types import (
    ConnectionInitMessage as LegacyConnectionInitMessage,
)

from api.authenticator import Authenticator
from api.context import Context
from api.errors import Unauthenticated, withheld
from api.ws_messages import CheckedLegacyWSHandler, CheckedTransportWSHandler
from graph.errors import Unavailable

MAX_SUBSCRIPTIONS_PER_CONNECTION = 20
EXPIRED_CLOSE_CODE = 4403
EXPIRED_CLOSE_REASON = "token expired"


async def authenticate_connection(context: Context, authenticator: Authenticator) -> None:
    """Set the connection's session from `connection_init`; raise to reject the connection."""
    params = context.connection_params or {}
    header = params.get("authorization", params.get("Authorization"))
    token = params.get("token")
    try:
        if header is None and token is None:
            if context.auth_error is not None:
                raise context.auth_error
            return
        if header is not None and not isinstance(header, str):
            raise Unauthenticated("`authorization` must be 'Bearer <token>'")
        if token is not None and not isinstance(token, str):
            raise Unauthenticated("`token` must be a string")
        if header is not None:
            session = await authenticator.session_from_header(header)
        else:
            session = await authenticator.session(token or "")
    except Unauthenticated as exc:
        raise ConnectionRejectionError({"message": str(exc), "code": "UNAUTHENTICATED"}) from exc
    except Unavailable as exc:
        message, request_id = withheld(exc)
        payload: dict[str, object] = {"message": message, "code": "UNAVAILABLE"}
        raise ConnectionRejectionError({**payload, "requestId": request_id}) from exc
    context.session = session
    context.auth_error = None


class _ExpiryTimer:
    """Runs `expire` once the connection's token expires, unless the socket closes first."""

    def __init__(self, expire: Callable[[], Awaitable[None]]) -> None:
        self._expire = expire
        self._task: asyncio.Task[None] | None = None

    def start(self, context: Context) -> None:
        expires = context.session.expires
        if expires is not None and self._task is None:
            self._task = asyncio.create_task(self._expire_at(expires))

    async def guard(self, connection: Awaitable[None]) -> None:
        """Await the connection's handler; the timer ends with it."""
        try:
            await connection
        finally:
            if self._task is not None:
                self._task.cancel()

    async def _expire_at(self, expires: float) -> None:
        # The loop's clock is not the wall clock `exp` is on (NTP slews one against the
        # other): sleep until the wall clock says so, never a moment before. What is
        # awaited is a time, not a signal, so there is no Event to wait on.
        while (remaining := expires - time.time()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(remaining)
        with contextlib.suppress(RuntimeError):  # the socket was closing already
            await self._expire()


class TransportWSHandler(CheckedTransportWSHandler):
    """graphql-transport-ws, closed when the token expires."""

    async def handle(self) -> None:
        self.expiry = _ExpiryTimer(self._expire)
        await self.expiry.guard(super().handle())

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        await super().handle_connection_init(message)
        if self.connection_acknowledged:
            self.expiry.start(self.context)

    async def _expire(self) -> None:
        for operation_id in list(self.operations):
            await self.cleanup_operation(operation_id)
        await self.websocket.close(EXPIRED_CLOSE_CODE, EXPIRED_CLOSE_REASON)


class LegacyWSHandler(CheckedLegacyWSHandler):
    """Legacy graphql-ws, closed when the token expires."""

    async def handle(self) -> None:
        self.expiry = _ExpiryTimer(self._expire)
        await self.expiry.guard(super().handle())

    async def handle_connection_init(self, message: LegacyConnectionInitMessage) -> None:
        await super().handle_connection_init(message)
        if self.connection_acknowledged:
            self.expiry.start(self.context)

    async def _expire(self) -> None:
        await self.cleanup()
        await self.websocket.close(EXPIRED_CLOSE_CODE, EXPIRED_CLOSE_REASON)
