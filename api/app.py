"""The ASGI application: `/graphql` (HTTP and WebSocket), `/healthz`, `/readyz`, `/metrics`,
and GraphiQL's files under `/graphiql/`."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.websockets import WebSocket

from api.auth import ANONYMOUS_SESSION
from api.authenticator import Authenticator
from api.context import Context
from api.cors import cors
from api.errors import Unauthenticated, withheld
from api.graphiql.assets import MOUNT, Assets
from api.graphiql.page import page_response
from api.hosts import AllowedHosts
from api.http_errors import routing_error
from api.limits import MutationRateLimiter
from api.metrics import ConsumerMetrics, MetricsMiddleware, forget_this_worker, metrics
from api.persisted import PersistedOperations
from api.schema import build_schema
from api.settings import ApiSettings
from api.size_limit import SizeLimit
from api.transport import StrictGraphQL
from api.ws_auth import (
    MAX_SUBSCRIPTIONS_PER_CONNECTION,
    LegacyWSHandler,
    TransportWSHandler,
    authenticate_connection,
)
from graph.database import Database
from graph.errors import Unavailable
from graph.events.hub import EventHub
from graph.programmes.due_steps import scan_due_steps
from graph.ranking.plans import compile_ranking_plans
from graph.settings import Settings, SettingsError


class GraphQLApp(StrictGraphQL):
    graphql_transport_ws_handler_class = TransportWSHandler
    graphql_ws_handler_class = LegacyWSHandler

    def __init__(self, settings: Settings, api_settings: ApiSettings) -> None:
        super().__init__(
            build_schema(
                introspection=api_settings.introspection, deadline=api_settings.request_timeout
            ),
            graphql_ide="graphiql" if api_settings.graphiql else None,
            max_subscriptions_per_connection=MAX_SUBSCRIPTIONS_PER_CONNECTION,
            allowed_origins=api_settings.cors_origins,
        )
        self.settings = settings
        self.api_settings = api_settings
        self.max_batch = api_settings.max_batch
        self.rate_limiter = MutationRateLimiter.create(
            api_settings.mutations_per_minute, settings.redis_url
        )
        self.persisted = PersistedOperations.create(api_settings, settings.redis_url)
        self.authenticator = Authenticator(api_settings)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        database: Database = request.app.state.database
        auth_error = None
        try:
            session = await self.authenticator.session_from_header(
                request.headers.get("authorization")
            )
        except (Unauthenticated, Unavailable) as exc:
            session, auth_error = ANONYMOUS_SESSION, exc
        return Context(
            request=request,
            database=database,
            settings=self.settings,
            api_settings=self.api_settings,
            session=session,
            rate_limiter=self.rate_limiter,
            events=request.app.state.events,
            auth_error=auth_error,
        )

    async def on_ws_connect(self, context: Context) -> None:
        await authenticate_connection(context, self.authenticator)

    async def render_graphql_ide(self, request: Request) -> Response:
        # Strawberry's own page loads its scripts from a public CDN.
        return page_response()


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    database: Database = request.app.state.database
    try:
        await database.ping()
    except Unavailable as exc:
        reason, request_id = withheld(exc)
        body = {"status": "unavailable", "reason": reason, "requestId": request_id}
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ready"})


def create_app(
    settings: Settings | None = None, api_settings: ApiSettings | None = None
) -> Starlette:
    try:
        settings = settings or Settings.from_env()
        api_settings = api_settings or ApiSettings.from_env()
    except SettingsError as exc:
        # The factory uvicorn calls: a process without a usable configuration ends with
        # the reason and exit status 1, not a traceback.
        raise SystemExit(f"mentorgraph: {exc}") from exc

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.database = Database.connect(settings)
        app.state.events = await EventHub.start(
            settings, app.state.database, stats=ConsumerMetrics()
        )
        due_steps = asyncio.create_task(
            scan_due_steps(app.state.database, app.state.events.bus, every=settings.step_scan_every)
        )
        # Beside the first requests, so that most of them find the plans cached.
        plans = (
            asyncio.create_task(compile_ranking_plans(app.state.database))
            if settings.prepare_plans
            else None
        )
        # What start-up made (schema, modules, driver) lives as long as the process.
        # Frozen, a full garbage collection skips it: about 25 ms that would otherwise
        # stall a request now and then, at p99 (BENCHMARKS.md, API).
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            due_steps.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await due_steps
            if plans:
                plans.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await plans
            await app.state.events.close()
            await graphql.rate_limiter.close()
            await graphql.persisted.close()
            await graphql.authenticator.close()
            await app.state.database.close()
            forget_this_worker()

    graphql = GraphQLApp(settings, api_settings)
    routes: list[Route | WebSocketRoute] = [
        Route("/graphql", graphql),  # every method: the view answers 405 with its Allow
        WebSocketRoute("/graphql", graphql),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics),
    ]
    paths = {route.path for route in routes}
    graphiql_files = [Mount(MOUNT, Assets())] if api_settings.graphiql else []
    return Starlette(
        routes=[*routes, *graphiql_files],
        middleware=[
            Middleware(AllowedHosts, hosts=api_settings.allowed_hosts),
            cors(api_settings.cors_origins),
            Middleware(MetricsMiddleware, routes=paths),
            Middleware(SizeLimit, max_bytes=api_settings.max_body_bytes),
        ],
        exception_handlers={HTTPException: routing_error},
        lifespan=lifespan,
    )
