"""`extensions.code` on every result of a stream (subscriptions, operations over WebSocket).

`Schema.execute` maps the errors of HTTP operations; WebSocket transports call
`Schema.stream` instead, so its results get the same mapping here. Two kinds of
error stay the objects Strawberry made, because graphql-transport-ws closes the
socket with 4400 on them and recognises them by type: syntax errors, and a
document whose operation cannot be chosen. They only gain a code.

The legacy graphql-ws protocol runs subscriptions only (Strawberry refuses a query or a
mutation there, as an unexpected error): that refusal gets `BAD_REQUEST` and a message
naming the protocols that do run them.

Strawberry's `ParserCache` raises a syntax error out of the stream instead of
yielding it (the parse runs in the extension, outside Strawberry's `try`); it is
turned back into the pre-execution error the transports expect.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.execution import PreExecutionError
from strawberry.utils.aio import aclosing

from api.errors import map_error
from api.metrics import count_errors

SUBSCRIPTIONS_ONLY = (
    "graphql-ws (the legacy protocol) runs subscriptions only: send queries and mutations "
    "over HTTP, or over a WebSocket speaking graphql-transport-ws."
)

OVERFLOW = "SUBSCRIPTION_OVERFLOW"
"""The code of a subscription whose subscriber fell behind its bounded queue."""


async def mapped_stream(
    source: AsyncGenerator[Any, None], *, suggestions: bool = True
) -> AsyncGenerator[Any, None]:
    async with aclosing(source):
        try:
            async for result in source:
                errors = getattr(result, "errors", None)
                if errors:
                    result.errors = [_mapped(error, suggestions) for error in errors]
                    count_errors(result.errors)
                yield result
        except GraphQLSyntaxError as error:
            mapped = [_mapped(error, suggestions)]
            count_errors(mapped)
            yield PreExecutionError(data=None, errors=mapped)


def _mapped(error: GraphQLError, suggestions: bool) -> GraphQLError:
    if isinstance(error, GraphQLSyntaxError):
        error.extensions = {**(error.extensions or {}), "code": "GRAPHQL_PARSE_FAILED"}
        return error
    if isinstance(error.original_error, CannotGetOperationTypeError):
        error.extensions = {**(error.extensions or {}), "code": "GRAPHQL_VALIDATION_FAILED"}
        return error
    if isinstance(error.original_error, InvalidOperationTypeError):
        return GraphQLError(SUBSCRIPTIONS_ONLY, extensions={"code": "BAD_REQUEST"})
    return map_error(error, suggestions=suggestions)
