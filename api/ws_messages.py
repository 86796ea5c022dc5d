"""WebSocket messages are checked for shape before Strawberry's handlers read them.

Strawberry's handlers index into each message as the protocol says it looks: a
message that is JSON but not that shape (`1`, `[]`, a `payload` that is a number, a
`query` that is not a string) raised inside the handler, dropped the socket without
a close code and logged a traceback. Here such a message closes the socket the way
the protocol closes on any message it cannot read: 4400 on graphql-transport-ws,
1002 (protocol error) on the legacy graphql-ws.

An operation that names a persisted document may come without a `query`: once the
connection is acknowledged, its text is the one `api.persisted` finds, by the rule
HTTP follows; a refusal fails that operation alone, with the error's code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler

from api.context import Context
from api.persisted import PersistedOperations, PersistedQueryError, names_document

if TYPE_CHECKING:
    from api.transport import StrictGraphQL

_OPERATIONS = {"subscribe", "start"}
"""The types that carry an operation, in graphql-transport-ws and graphql-ws."""
_BY_ID = {"complete", "stop"}


def malformed(message: object) -> str | None:
    """What is wrong with the shape of a message, or None when it can be handled."""
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        return "a message is a JSON object with a string `type`"
    kind = message["type"]
    if kind in _OPERATIONS | _BY_ID and not isinstance(message.get("id"), str):
        return f"a `{kind}` message needs a string `id`"
    if kind in _OPERATIONS:
        return _malformed_payload(message.get("payload"))
    return None


def _malformed_payload(payload: object) -> str | None:
    if not isinstance(payload, dict):
        return "an operation's `payload` is a JSON object"
    if not isinstance(payload.get("query"), str) and not (
        payload.get("query") is None and names_document(payload)
    ):
        return "an operation's `query` is a string"
    for name, kind in (("variables", dict), ("extensions", dict), ("operationName", str)):
        if payload.get(name) is not None and not isinstance(payload[name], kind):
            return f"an operation's `{name}` is a {'string' if kind is str else 'JSON object'}"
    return None


def _persisted(view: object) -> PersistedOperations:
    return cast("StrictGraphQL", view).persisted


class CheckedTransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    async def handle_message(self, message: Any) -> None:
        problem = malformed(message)
        if problem is not None:
            await self.handle_invalid_message(problem)
            return
        if message["type"] == "subscribe" and self.connection_acknowledged:
            try:
                payload = await _persisted(self.view).ws_payload(message["payload"])
            except PersistedQueryError as exc:
                error = {"id": message["id"], "type": "error", "payload": [exc.formatted]}
                await self.send_message(error)  # type: ignore[arg-type]
                return
            message = {**message, "payload": payload}
        await super().handle_message(message)


class CheckedLegacyWSHandler(BaseGraphQLWSHandler[Context, None]):
    async def handle_message(self, message: Any) -> None:
        problem = malformed(message)
        if problem is not None:
            await self.websocket.close(code=1002, reason=problem)
            return
        if message["type"] == "start" and self.connection_acknowledged:
            try:
                payload = await _persisted(self.view).ws_payload(message["payload"])
            except PersistedQueryError as exc:
                error = {"id": message["id"], "type": "error", "payload": exc.formatted}
                await self.send_message(error)  # type: ignore[arg-type]
                return
            message = {**message, "payload": payload}
        await super().handle_message(message)
