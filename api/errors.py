"""Maps every error a GraphQL operation produced to a stable `extensions.code`.

Expected failures (`graph.errors`) keep their message and get their code;
GraphQL syntax and validation errors reach the client as they are; anything
else is logged with a request id and masked, so no internal detail leaks.
"""

from __future__ import annotations

import logging
import uuid

from graphql import GraphQLError

from api.limits import RateLimited, TooCostly
from graph import errors as graph_errors

logger = logging.getLogger("mentorgraph.api")

CODES: dict[type[graph_errors.MentorgraphError], str] = {
    graph_errors.BadInput: "BAD_USER_INPUT",
    graph_errors.NotFound: "NOT_FOUND",
    graph_errors.Forbidden: "FORBIDDEN",
    graph_errors.Conflict: "CONFLICT",
    graph_errors.Unavailable: "UNAVAILABLE",
}


class Unauthenticated(graph_errors.MentorgraphError):
    """No valid token, where one is needed."""


CODES[Unauthenticated] = "UNAUTHENTICATED"
CODES[TooCostly] = "QUERY_TOO_COSTLY"
CODES[RateLimited] = "RATE_LIMITED"


def code_for(error: BaseException) -> str | None:
    for cls in type(error).__mro__:
        if cls in CODES:
            return CODES[cls]
    return None


def map_error(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if original is None:
        if error.extensions and "code" in error.extensions:
            return error
        code = (
            "GRAPHQL_PARSE_FAILED"
            if "Syntax Error" in error.message
            else "GRAPHQL_VALIDATION_FAILED"
        )
        return _with(error, error.message, {"code": code})
    if isinstance(original, GraphQLError) and (original.extensions or {}).get("code"):
        return _with(error, original.message, dict(original.extensions or {}))
    mapped = code_for(original)
    if mapped is not None:
        extensions: dict[str, object] = {"code": mapped}
        field = getattr(original, "field", None)
        if field:
            extensions["field"] = field
        return _with(error, str(original), extensions)
    request_id = uuid.uuid4().hex
    logger.error("unexpected error (request %s)", request_id, exc_info=original)
    return _with(
        error, "Unexpected error.", {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id}
    )


def _with(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions=extensions,
    )
