"""Errors answered before any GraphQL runs, all in one shape: GraphQL's, as JSON.

`{"errors": [{"message", "extensions": {"code"}}]}` with a 4xx or 5xx status, the
code being the status's name (`BAD_REQUEST`, `NOT_FOUND`, `METHOD_NOT_ALLOWED`,
`NOT_ACCEPTABLE`, `UNSUPPORTED_MEDIA_TYPE`, ...) unless a caller names a stable one
of its own (`PAYLOAD_TOO_LARGE`). Never `text/plain`: a client reads every answer of
the API as JSON, whichever layer gave it (the router, the size limit, the view).
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus

from cross_web import HTTPException
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response


class RefusedRequest(HTTPException):
    """An HTTP error whose answer needs headers of its own (`Allow` on a 405)."""

    def __init__(self, status_code: int, reason: str, *, headers: Mapping[str, str]) -> None:
        super().__init__(status_code, reason)
        self.headers = dict(headers)


def error_response(
    status: int,
    message: str,
    *,
    code: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extensions: str,
) -> Response:
    error = {
        "message": message,
        "extensions": {"code": code or HTTPStatus(status).name, **extensions},
    }
    return JSONResponse({"errors": [error]}, status_code=status, headers=headers)


def refused(exc: HTTPException) -> Response:
    """The answer to an `HTTPException` raised while `/graphql` read a request."""
    headers = exc.headers if isinstance(exc, RefusedRequest) else None
    return error_response(exc.status_code, exc.reason, headers=headers)


async def routing_error(request: Request, exc: Exception) -> Response:
    """Starlette's own refusals (an unknown path, a method a route does not take)."""
    if not isinstance(exc, StarletteHTTPException):  # registered for that class alone
        raise exc
    return error_response(exc.status_code, exc.detail, headers=exc.headers)
