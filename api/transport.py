"""How `/graphql` speaks HTTP: GraphQL over HTTP's media types, methods and status codes.

- **Media type** (`api.negotiation`): `application/graphql-response+json` for a
  client that accepts it, with the spec's status codes (`api.response_status`: 400
  and no `data` for a document that does not parse or validate, 200 once execution
  starts); `application/json`, always 200, for the others; 406 when `Accept` allows
  neither.
- **Methods**: GET runs queries, POST queries and mutations. A mutation over GET
  answers 405 with `Allow: POST`; any other method 405 with `Allow: GET, POST`. A
  subscription over plain HTTP answers 400: subscriptions run over the WebSocket.
- **Bodies**: a POST body is `application/json` (else 415), in UTF-8, and a JSON
  object, or an array for a batch (`api.batching`, off unless configured).

Strawberry answers a request it cannot read with a plain-text 4xx, and some with a
500: a body that is not UTF-8, or JSON that is not an object (`"x"`, `1`, `null`).
Here every such answer is a 4xx in the GraphQL shape (`api.http_errors`), on every
entry: a POST body, GET parameters, and the WebSocket's messages (`api.ws_messages`).
Anything unforeseen is logged with a request id and answered 500 in the same shape,
without details.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import re
import uuid
from collections.abc import Awaitable
from http import HTTPStatus
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, GraphQLRequestProtocol
from strawberry.http.base import BaseRequestProtocol
from strawberry.http.parse_content_type import parse_content_type
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from api.batching import check_batch
from api.context import Context
from api.http_errors import RefusedRequest, error_response, refused
from api.limits import CostBudget
from api.negotiation import GRAPHQL_RESPONSE_JSON, JSON, negotiate
from api.persisted import DOCUMENT_ID_KEYS, PersistedOperations, PersistedQueryError
from api.response_status import served
from api.ws_messages import CheckedLegacyWSHandler, CheckedTransportWSHandler
from graph.text import is_text

logger = logging.getLogger("mentorgraph.api")

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
"""An escape of a UTF-16 surrogate, paired or not: only JSON that has one is checked."""

_OPERATIONS_BY_METHOD = {
    "GET": frozenset({OperationType.QUERY}),
    "POST": frozenset({OperationType.QUERY, OperationType.MUTATION}),
}


class StrictGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view, speaking HTTP as above."""

    graphql_transport_ws_handler_class = CheckedTransportWSHandler
    graphql_ws_handler_class = CheckedLegacyWSHandler
    persisted = PersistedOperations()
    """Which text an operation runs when it names a persisted document; none here."""
    max_batch = 0
    """Operations one batch may hold (`api.batching`); 0: batching off."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(_media_type_in_lower_case(scope), receive))
        except HTTPException as exc:
            response = refused(exc)
        except PersistedQueryError as exc:
            response = exc.response()
        except Exception:
            request_id = uuid.uuid4().hex
            logger.exception("unexpected error reading a request (request %s)", request_id)
            response = error_response(500, "Unexpected error.", requestId=request_id)
        await response(scope, receive, send)

    def is_request_allowed(self, request: BaseRequestProtocol) -> bool:
        """GET and POST; every other method (the route takes all) answers 405 here."""
        if request.method not in _OPERATIONS_BY_METHOD:
            raise RefusedRequest(
                405, "/graphql takes GET and POST.", headers={"Allow": "GET, POST"}
            )
        return True

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        """Carries the media type the client accepts to `create_response`."""
        sub_response = await super().get_sub_response(request)
        if isinstance(request, Request):
            sub_response.media_type = self._media_type(request)
        return sub_response

    def _media_type(self, request: Request) -> str:
        media_type = negotiate(request.headers.get("accept"))
        if media_type is not None:
            return media_type
        if self.should_render_graphql_ide(self.request_adapter_class(request)):
            return JSON  # GraphiQL's page is HTML; the negotiation is about results
        raise HTTPException(
            406, f"/graphql answers {GRAPHQL_RESPONSE_JSON} or {JSON}; Accept allows neither."
        )

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        """The operation (or a batch's), each with the text of the persisted document it
        names (`api.persisted`): a batch is no way around trusted documents."""
        if request.method == "POST":
            _check_content_type(request.content_type)
        data = await super().parse_http_body(request)
        if not isinstance(data, list):
            return await self.persisted.http_operation(data, request, self.parse_json)
        return [await self._batch_entry(entry, request, index) for index, entry in enumerate(data)]

    async def _batch_entry(
        self, entry: GraphQLRequestData, request: AsyncHTTPRequestAdapter, index: int
    ) -> GraphQLRequestData:
        """An operation of a batch; a persisted-document refusal fails it alone, as its
        entry of the batch's answer (Apollo's BatchHttpLink wants one per operation)."""
        try:
            return await self.persisted.http_operation(entry, request, self.parse_json, index=index)
        except PersistedQueryError as exc:
            return RefusedOperation(None, None, None, None, refusal=exc)

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        """Strawberry's rule (a GET without `query` that accepts HTML or `*/*`), but not
        for a GET that names a persisted document instead: that one runs."""
        params = request.query_params
        return super().should_render_graphql_ide(request) and not any(
            params.get(name) for name in ("extensions", *DOCUMENT_ID_KEYS)
        )

    def decode_json(self, data: str | bytes) -> object:
        """JSON in UTF-8 only (RFC 8259), of Unicode text (`graph.text`): other bytes, or
        an escaped lone surrogate, fail as malformed JSON does (on HTTP and WebSocket)."""
        if isinstance(data, bytes):
            try:
                data = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise json.JSONDecodeError("the body is not UTF-8", "", exc.start) from exc
        value = json.loads(data)
        if _SURROGATE_ESCAPE.search(data) and not is_text(json.dumps(value, ensure_ascii=False)):
            raise json.JSONDecodeError("the JSON holds a lone surrogate, not text", data, 0)
        return value

    def parse_json(self, data: str | bytes) -> Any:
        """A request's JSON (a body, GET's `variables` or `extensions`): an object, or a
        list for a batch (`_validate_batch_request`)."""
        value = super().parse_json(data)
        if not isinstance(value, dict | list):
            raise HTTPException(400, "The request's JSON must be an object.")
        return value

    def _validate_batch_request(
        self, request_data: list[Any], protocol: GraphQLRequestProtocol
    ) -> None:
        """Strawberry's hook for a JSON array, before it reads the operations in it."""
        check_batch(request_data, max_operations=self.max_batch)

    async def execute_operation(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        request_data: GraphQLRequestData | list[GraphQLRequestData],
        context: Context,
        root_value: None,
        sub_response: Response,
    ) -> Any:
        """A batch runs its operations in order, on one cost budget (`api.batching`)."""
        if not isinstance(request_data, list):
            return await super().execute_operation(
                request, request_adapter, request_data, context, root_value, sub_response
            )
        context.batch_cost = CostBudget(context.api_settings.max_query_cost)
        run = functools.partial(
            self.execute_single, request, request_adapter, sub_response, context, root_value
        )
        return [
            data.result() if isinstance(data, RefusedOperation) else await _alone(run(data))
            for data in request_data
        ]

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Strawberry's, with the operations each method may run (`_OPERATIONS_BY_METHOD`:
        Strawberry lets GET and POST start subscriptions, for streaming transports
        this API does not serve) and with their refusals as the spec has them."""
        method = request_adapter.method
        try:
            return await self.schema.execute(
                request_data.query,
                root_value=root_value,
                variable_values=request_data.variables,
                context_value=context,
                operation_name=request_data.operation_name,
                allowed_operation_types=_OPERATIONS_BY_METHOD[method],
                operation_extensions=request_data.extensions,
            )
        except InvalidOperationTypeError as exc:
            raise _not_over(method, exc.operation_type) from exc
        except CannotGetOperationTypeError as exc:
            raise HTTPException(400, exc.as_http_error_reason()) from exc
        except MissingQueryError as exc:
            raise HTTPException(400, "No GraphQL query found in the request.") from exc

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        media_type = sub_response.media_type or JSON
        if media_type == GRAPHQL_RESPONSE_JSON:
            response_data, sub_response.status_code = served(response_data)
        response = super().create_response(response_data, sub_response)
        response.headers["content-type"] = media_type
        return response


@dataclasses.dataclass
class RefusedOperation(GraphQLRequestData):
    """An operation of a batch refused before it runs (`api.persisted`)."""

    refusal: PersistedQueryError | None = None

    def result(self) -> ExecutionResult:
        assert self.refusal is not None
        error = GraphQLError(str(self.refusal), extensions={"code": self.refusal.code})
        return ExecutionResult(data=None, errors=[error])


def _media_type_in_lower_case(scope: Scope) -> Scope:
    """Media types are case-insensitive (RFC 9110, 8.3.1); Strawberry's parser compares
    them as written, so `Content-Type: APPLICATION/JSON` is lowered here."""
    headers = [
        (name, _lower_media_type(value) if name == b"content-type" else value)
        for name, value in scope["headers"]
    ]
    return {**scope, "headers": headers}


def _lower_media_type(value: bytes) -> bytes:
    media_type, separator, parameters = value.partition(b";")
    return media_type.lower() + separator + parameters


async def _alone(operation: Awaitable[ExecutionResult]) -> ExecutionResult:
    """One operation of a batch. What would refuse a request of its own (no query, an
    unknown operation name, a subscription) fails this operation alone: those before
    it may have written already."""
    try:
        return await operation
    except HTTPException as exc:
        error = GraphQLError(exc.reason, extensions={"code": HTTPStatus(exc.status_code).name})
        return ExecutionResult(data=None, errors=[error])


def _check_content_type(content_type: str | None) -> None:
    media_type, _ = parse_content_type(content_type or "")
    if media_type.lower() != JSON:
        raise HTTPException(415, f"A POST body is JSON: send Content-Type: {JSON}.")


def _not_over(method: str, operation: OperationType) -> HTTPException:
    if operation is OperationType.SUBSCRIPTION:
        return HTTPException(
            400,
            "Subscriptions run over a WebSocket on /graphql "
            "(graphql-transport-ws or graphql-ws), not over plain HTTP.",
        )
    return RefusedRequest(
        405,
        f"A {operation.value} is sent with POST; {method} runs queries only.",
        headers={"Allow": "POST"},
    )
