"""What `/graphql` answers when it cannot read a request, before any GraphQL runs.

Strawberry answers a request it cannot read with a plain-text 4xx, and some with a
500: a body that is not UTF-8, or JSON that is not an object (`"x"`, `1`, `null`).
Here every such answer is 4xx with a JSON body in the GraphQL shape,
`{"errors": [{"message", "extensions": {"code": "BAD_REQUEST"}}]}` (the code is the
status's name), on every entry: a POST body, GET parameters, multipart (off here),
and the WebSocket's messages (`api.ws_messages`). Anything unforeseen is logged
with a request id and answered 500 in the same shape, without details.
"""

from __future__ import annotations

import json
import logging
import uuid
from http import HTTPStatus
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData

from api.context import Context
from api.persisted import PersistedOperations, PersistedQueryError
from api.ws_messages import CheckedLegacyWSHandler, CheckedTransportWSHandler

logger = logging.getLogger("mentorgraph.api")


class StrictGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view, answering requests it cannot read as above."""

    graphql_transport_ws_handler_class = CheckedTransportWSHandler
    graphql_ws_handler_class = CheckedLegacyWSHandler
    persisted = PersistedOperations()
    """Which text an operation runs when it names a persisted document; none here."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope, receive))
        except HTTPException as exc:
            response = _error(exc.status_code, exc.reason)
        except PersistedQueryError as exc:
            response = exc.response()
        except Exception:
            request_id = uuid.uuid4().hex
            logger.exception("unexpected error reading a request (request %s)", request_id)
            response = _error(500, "Unexpected error.", requestId=request_id)
        await response(scope, receive, send)

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        """The operation, with the text of the persisted document it names (`api.persisted`)."""
        data = await super().parse_http_body(request)
        if isinstance(data, list):  # a batch: refused above while batching is off
            return data
        return await self.persisted.http_operation(data, request, self.parse_json)

    def decode_json(self, data: str | bytes) -> object:
        """JSON in UTF-8 only (RFC 8259): other bytes fail as malformed JSON does."""
        if isinstance(data, bytes):
            try:
                data = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise json.JSONDecodeError("the body is not UTF-8", "", exc.start) from exc
        return json.loads(data)

    def parse_json(self, data: str | bytes) -> Any:
        """A request's JSON (a body, GET's `variables` or `extensions`): an object, or a
        list for a batch (which Strawberry refuses here)."""
        value = super().parse_json(data)
        if not isinstance(value, dict | list):
            raise HTTPException(400, "The request's JSON must be an object.")
        return value


def _error(status: int, message: str, **extensions: str) -> Response:
    code = HTTPStatus(status).name
    error = {"message": message, "extensions": {"code": code, **extensions}}
    return JSONResponse({"errors": [error]}, status_code=status)
