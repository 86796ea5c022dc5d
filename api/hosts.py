"""Which `Host` a request may name (`MENTORGRAPH_ALLOWED_HOSTS`; any, unless set).

The browser's same-origin rule, and the WebSocket `Origin` check that follows it
(`api.cors`), compare a page's origin with the `Host` it sent. A page on a domain the
attacker points at 127.0.0.1 after it loads (DNS rebinding) names its own domain in
both, so it counts as same-origin and may read what anonymous callers may from a
server only the developer's machine should reach. Naming the hosts the server answers
to closes that: any other `Host` answers 400 in the API's error shape (HTTP), or the
handshake is refused (WebSocket). `make run` allows `127.0.0.1` and `localhost`.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from api.http_errors import error_response


class AllowedHosts:
    def __init__(self, app: ASGIApp, *, hosts: Sequence[str]) -> None:
        self.app = app
        self.hosts = frozenset(host.lower() for host in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.hosts or scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        if host_name(Headers(scope=scope).get("host", "")) in self.hosts:
            await self.app(scope, receive, send)
        elif scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})  # before accept: a 403
        else:
            response = error_response(400, "This server does not answer to that Host.")
            await response(scope, receive, send)


def host_name(host: str) -> str:
    """The name in a `Host` header, without its port (`[::1]:8000` is `[::1]`)."""
    host = host.strip().lower()
    if host.startswith("["):  # an IPv6 literal, with or without a port
        end = host.find("]")
        return host[: end + 1] if end != -1 else host
    return host.partition(":")[0]
