"""Prometheus metrics at `/metrics`: requests and their latency, GraphQL errors by code,
open WebSockets, and the change log (its size, and what consumers applied, retried, parked).

Labels never carry people's keys or query text: a route is one of the app's own paths
(anything else is `other`), a code one of `extensions.code`. With several uvicorn
workers, each counts what it serves; `PROMETHEUS_MULTIPROC_DIR` names a directory they
share (`mentorgraph serve --workers N` makes one; `serve` and `up` empty a named one of
earlier runs), and a scrape then adds up every worker's counts, whichever answers it.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from graphql import GraphQLError
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.database import Database
from graph.errors import MentorgraphError
from graph.events.change_log import log_size
from graph.events.consumer import ConsumerStats

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"

_METHODS = frozenset({"GET", "POST", "HEAD", "OPTIONS"})

REQUESTS = Counter(
    "mentorgraph_http_requests_total",
    "HTTP requests answered, by route, method and status.",
    ["route", "method", "status"],
)
LATENCY = Histogram(
    "mentorgraph_http_request_duration_seconds",
    "Time from a request's arrival to its last byte, by route.",
    ["route"],
    buckets=(0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0),
)
GRAPHQL_ERRORS = Counter(
    "mentorgraph_graphql_errors_total",
    "Errors in GraphQL answers (HTTP and subscriptions), by extensions.code.",
    ["code"],
)
OPEN_WEBSOCKETS = Gauge(
    "mentorgraph_websockets_open",
    "WebSocket connections open now.",
    multiprocess_mode="livesum",
)


CHANGE_LOG = Gauge(
    "mentorgraph_change_log_changes",
    "Changes in the change log at the last scrape: pending (to apply) or dead (parked).",
    ["state"],
    multiprocess_mode="mostrecent",
)
CHANGES_APPLIED = Counter(
    "mentorgraph_changes_applied_total", "Changes the change-log consumer applied and trimmed."
)
CHANGE_RETRIES = Counter(
    "mentorgraph_change_retries_total", "Failed attempts at a change that will be retried."
)
CHANGES_PARKED = Counter(
    "mentorgraph_changes_parked_total", "Changes parked as dead after their last attempt."
)


class ConsumerMetrics(ConsumerStats):
    """The consumer's counts, also as Prometheus counters."""

    def count_applied(self, changes: int) -> None:
        super().count_applied(changes)
        CHANGES_APPLIED.inc(changes)

    def count_retries(self, changes: int) -> None:
        super().count_retries(changes)
        CHANGE_RETRIES.inc(changes)

    def count_parked(self, changes: int) -> None:
        super().count_parked(changes)
        CHANGES_PARKED.inc(changes)


async def _measure_change_log(database: Database) -> None:
    """The log's size, read at the scrape (left as last read when Neo4j does not answer)."""
    try:
        size = await log_size(database)
    except MentorgraphError:
        return
    CHANGE_LOG.labels("pending").set(size.pending)
    CHANGE_LOG.labels("dead").set(size.dead)


def count_errors(errors: Iterable[GraphQLError]) -> None:
    for error in errors:
        GRAPHQL_ERRORS.labels((error.extensions or {}).get("code", "NONE")).inc()


class MetricsMiddleware:
    """Counts and times every HTTP request and tracks open WebSockets (pure ASGI)."""

    def __init__(self, app: ASGIApp, routes: Iterable[str]) -> None:
        self.app = app
        self.routes = frozenset(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            OPEN_WEBSOCKETS.inc()
            try:
                await self.app(scope, receive, send)
            finally:
                OPEN_WEBSOCKETS.dec()
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        began = time.perf_counter()
        try:
            await self.app(scope, receive, send_noting_status)
        finally:
            route = scope["path"] if scope["path"] in self.routes else "other"
            method = scope["method"] if scope["method"] in _METHODS else "other"
            REQUESTS.labels(route, method, str(status)).inc()
            LATENCY.labels(route).observe(time.perf_counter() - began)


async def metrics(request: Request) -> Response:
    """The Prometheus text exposition: every worker's counts when they share a directory."""
    await _measure_change_log(request.app.state.database)
    if os.environ.get(MULTIPROCESS_DIR):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)


def forget_this_worker() -> None:
    """On a worker's shutdown: its open-WebSocket count leaves the live sum."""
    if os.environ.get(MULTIPROCESS_DIR):
        mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]


@contextmanager
def metrics_directory(workers: int) -> Iterator[None]:
    """Where the serving processes keep their counts, for as long as they serve.

    A directory `PROMETHEUS_MULTIPROC_DIR` names is emptied of earlier processes' files,
    whatever the number of workers (this process keeps its own: its gauge was made when
    it imported this module, and with one worker it is the one that serves). With several
    workers and none named, a temporary one, set before they start so that each reads it
    when it imports this module.
    """
    named = os.environ.get(MULTIPROCESS_DIR)
    if named:
        mine = f"_{os.getpid()}.db"
        for stale in Path(named).glob("*.db"):
            if not stale.name.endswith(mine):
                stale.unlink()
        yield
        return
    if workers <= 1:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="mentorgraph-metrics-") as folder:
        os.environ[MULTIPROCESS_DIR] = folder
        try:
            yield
        finally:
            del os.environ[MULTIPROCESS_DIR]
