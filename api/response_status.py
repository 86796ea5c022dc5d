"""The status and shape of a GraphQL result served as `application/graphql-response+json`.

There the status says how the request went (GraphQL over HTTP, "Status Codes"):
- a *request error*, where no field ran (the document does not parse or validate,
  a variable does not fit its type, or a check before execution refused it: cost,
  rate, string length, an expired token), has no `data` entry and a 4xx or 5xx:
  400, or the status its code calls for (`UNAUTHENTICATED` 401, `FORBIDDEN` 403,
  `RATE_LIMITED` 429, `UNAVAILABLE` 503, `INTERNAL_SERVER_ERROR` 500);
- a result where execution started is 200, with its `data`, even `null` when a
  field's error reached the root, and with its field errors.

A request error is told by its errors: none of them has a `path`, as every field
error does. Served as `application/json`, every result keeps its shape and 200,
as legacy clients expect.
"""

from __future__ import annotations

from strawberry.http import GraphQLHTTPResponse

_STATUS_BY_CODE = {
    "UNAUTHENTICATED": 401,
    "FORBIDDEN": 403,
    "RATE_LIMITED": 429,
    "INTERNAL_SERVER_ERROR": 500,
    "UNAVAILABLE": 503,
}
_REQUEST_ERROR = 400


def served(
    result: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
) -> tuple[GraphQLHTTPResponse | list[GraphQLHTTPResponse], int]:
    """A result (or a batch's) as `application/graphql-response+json` serves it, with
    its status. A batch is 200, whatever its operations' results: each says its own."""
    if isinstance(result, list):
        return [_without_data(r) if _is_request_error(r) else r for r in result], 200
    if _is_request_error(result):
        return _without_data(result), _request_error_status(result)
    return result, 200


def _is_request_error(response: GraphQLHTTPResponse) -> bool:
    errors = response.get("errors") or []
    return (
        response.get("data") is None
        and bool(errors)
        and not any(isinstance(e, dict) and e.get("path") for e in errors)
    )


def _without_data(response: GraphQLHTTPResponse) -> GraphQLHTTPResponse:
    """A request error as the spec spells it: no `data` entry, not even `null`."""
    served = response.copy()
    served.pop("data", None)
    return served


def _request_error_status(response: GraphQLHTTPResponse) -> int:
    """By the first error's code; 400 for the rest (parsing, validation, variables)."""
    first = (response.get("errors") or [{}])[0]
    code = first.get("extensions", {}).get("code") if isinstance(first, dict) else None
    return _STATUS_BY_CODE.get(str(code), _REQUEST_ERROR)
