"""Maps every error a GraphQL operation produced to a stable `extensions.code`.

Expected failures (`graph.errors`) keep their message and get their code, except
`Unavailable` (and `TimedOut`): their text may name the database's or Redis's
address and the driver's words, so it is logged with a request id and the client
gets a fixed message. GraphQL syntax and validation errors reach the client as they
are, without "Did you mean …" hints when introspection is off; anything else is
logged with a request id and masked, so no internal detail leaks.
"""

from __future__ import annotations

import logging
import re
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


UNAVAILABLE_MESSAGE = "The service is unavailable; try again shortly."
TIMED_OUT_MESSAGE = "The operation ran out of time and was stopped."

_SUGGESTION = re.compile(r" Did you mean [^?]*\?")
"""graphql-core's hint (`pyutils.did_you_mean`): names it suggests are names in the schema."""


def withheld(error: graph_errors.Unavailable) -> tuple[str, str]:
    """The fixed message a client gets for `error`, and the request id under which the
    error's own text (and its cause's, the driver's) is logged instead."""
    request_id = uuid.uuid4().hex
    cause = f"; {error.__cause__!r}" if error.__cause__ else ""
    logger.warning("%s (request %s): %s%s", type(error).__name__, request_id, error, cause)
    timed_out = isinstance(error, graph_errors.TimedOut)
    return (TIMED_OUT_MESSAGE if timed_out else UNAVAILABLE_MESSAGE), request_id


def code_for(error: BaseException) -> str | None:
    for cls in type(error).__mro__:
        if cls in CODES:
            return CODES[cls]
    return None


def map_error(error: GraphQLError, *, suggestions: bool = True) -> GraphQLError:
    """`suggestions=False` (introspection off) drops "Did you mean …" from GraphQL's own
    messages: they would spell out the schema that introspection keeps closed."""
    original = error.original_error
    if original is None:
        if error.extensions and "code" in error.extensions:
            return error
        code = (
            "GRAPHQL_PARSE_FAILED"
            if "Syntax Error" in error.message
            else "GRAPHQL_VALIDATION_FAILED"
        )
        return _with(error, _hinted(error.message, suggestions), {"code": code})
    if isinstance(original, GraphQLError):
        if (original.extensions or {}).get("code"):
            return _with(error, original.message, dict(original.extensions or {}))
        if error.path is None:
            # Before execution, a variable's value that does not fit its type.
            return _with(error, _hinted(error.message, suggestions), {"code": "BAD_USER_INPUT"})
    if isinstance(original, graph_errors.Unavailable):
        message, request_id = withheld(original)
        return _with(error, message, {"code": "UNAVAILABLE", "requestId": request_id})
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


def _hinted(message: str, suggestions: bool) -> str:
    return message if suggestions else _SUGGESTION.sub("", message)


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
