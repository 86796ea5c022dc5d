"""Which browser pages on other origins may call the API over HTTP (CORS). The same list
decides WebSocket handshakes, which CORS does not cover: Strawberry checks their `Origin`
(`allowed_origins`; docs/security.md)."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response

from api.http_errors import error_response
from graph.settings import SettingsError

PREFLIGHT_MAX_AGE = 7200
"""Seconds a browser may cache a preflight's answer: Chromium's ceiling (Firefox allows
a day), so a page sends one preflight per operation shape every two hours at most."""


def check_origin(origin: str) -> None:
    """`origin` exactly as a browser sends it in `Origin`, which is compared as a string:
    `scheme://host[:port]`, lower case, no path, no default port."""
    if origin == "*":
        raise SettingsError(
            "MENTORGRAPH_CORS_ORIGINS may not be *: credentials are allowed, so each origin "
            "must be named"
        )
    parts = urlsplit(origin)
    try:
        port = parts.port
    except ValueError:  # not a number, or out of range
        port = 0
    default_port = {"http": 80, "https": 443}.get(parts.scheme)
    if (
        default_port is None
        or not parts.hostname
        or port in (0, default_port)
        or "@" in parts.netloc
        or origin != f"{parts.scheme}://{parts.netloc.lower()}"
    ):
        raise SettingsError(
            f"MENTORGRAPH_CORS_ORIGINS: {origin!r} is not an origin; write it as a browser "
            "sends it, scheme://host[:port] in lower case, without a path or a default port "
            "(http://localhost:3000, https://app.example.com)"
        )


class GraphQLShapedCORS(CORSMiddleware):
    """Starlette's CORS, with a refused preflight answered in the API's one error shape
    (`api.http_errors`) rather than `text/plain`: same status, same CORS headers."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        headers = {
            name: value
            for name, value in response.headers.items()
            if name not in ("content-type", "content-length")
        }
        reason = bytes(response.body).decode()
        return error_response(response.status_code, f"{reason}.", headers=headers)


def cors(origins: Sequence[str]) -> Middleware:
    """Lets pages on `origins` send tokens and JSON; outermost, so that every answer,
    a 413 from the size limit included, carries its headers."""
    return Middleware(
        GraphQLShapedCORS,
        allow_origins=list(origins),
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type"],
        allow_credentials=True,
        max_age=PREFLIGHT_MAX_AGE,
    )
