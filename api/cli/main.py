"""The `mentorgraph` command."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from uvicorn.config import LOG_LEVELS

from api.auth import issue_token
from api.cli import cypher, load, neo4j
from api.cli.database import ensure_server, with_database
from api.cli.output import console, reports_errors
from api.cli.supervisor import APP, HANG_TIMEOUT, WorkerOptions, serve_workers
from api.cli.worker import run_worker
from api.metrics import metrics_directory
from api.schema import schema_sdl
from api.settings import ApiSettings
from graph.errors import BadInput
from graph.server.migrations import migrate as apply_migrations
from graph.settings import Settings
from graph.viewer import ROLES

app = typer.Typer(no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
app.add_typer(neo4j.app, name="neo4j")
app.add_typer(cypher.app, name="cypher")
app.add_typer(load.app, name="load")
app.command("stats")(load.stats)


@app.command()
@reports_errors
def migrate() -> None:
    """Apply the schema (constraints and indexes) and any data migration not yet run;
    safe to run again."""
    _report_migrations(with_database(Settings.from_env(), apply_migrations))


def _report_migrations(ran: list[str]) -> None:
    data = [name for name in ran if name.startswith("migrations/")]
    console.print(
        f"schema applied ({len(ran) - len(data)} statements); data migrations run: "
        f"{', '.join(data) or 'none, all recorded'}"
    )


@app.command()
@reports_errors
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, max=64, help="Worker processes."),
    log_level: str = typer.Option(
        "info", help="uvicorn's log level (info logs each request; warning does not)."
    ),
    hang_timeout: float = typer.Option(
        HANG_TIMEOUT,
        min=2.0,
        help="Seconds a worker's event loop may stay silent before "
        "it is killed and replaced (with more than one worker).",
    ),
) -> None:
    """Serve GraphQL at http://HOST:PORT/graphql (metrics at /metrics, every worker's).
    Several workers each listen on the port themselves, so they share the connections."""
    if log_level not in LOG_LEVELS:
        raise BadInput(f"log level must be one of {', '.join(LOG_LEVELS)}", field="log_level")
    ApiSettings.from_env()  # a missing or short secret stops here, before any worker starts
    ensure_server(Settings.from_env())
    with metrics_directory(workers):
        _run(host, port, workers, log_level=log_level, hang_timeout=hang_timeout)


@app.command()
@reports_errors
def worker() -> None:
    """Apply the change log (match events, request updates) without serving; for API
    processes run with MENTORGRAPH_CHANGE_CONSUMER=off. Stops on SIGINT or SIGTERM."""
    settings = Settings.from_env()
    ensure_server(settings)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    asyncio.run(run_worker(settings))


@app.command()
@reports_errors
def up(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
) -> None:
    """Start Neo4j, migrate, load the demo graph into an empty database, serve GraphQL
    (in development mode: tokens are signed with the install's own random secret)."""
    _development_mode()
    ApiSettings.from_env()  # makes the install's secret now, once, before any request
    settings = Settings.from_env()
    _report_migrations(with_database(settings, apply_migrations))
    load.ensure_demo(settings)
    console.print(f"serving GraphQL at http://{host}:{port}/graphql")
    with metrics_directory(1):
        _run(host, port, 1)


def _run(
    host: str,
    port: int,
    workers: int,
    *,
    log_level: str = "info",
    hang_timeout: float = HANG_TIMEOUT,
) -> None:
    # WebSocket frames over the body limit are refused by uvicorn before they are read.
    ws_max_size = ApiSettings.from_env().max_body_bytes
    if workers > 1:  # a socket per worker, so that they share the connections
        logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(message)s")
        options = WorkerOptions(host, port, ws_max_size, log_level)
        code = serve_workers(options, workers, hang_timeout=hang_timeout)
        if code:
            raise typer.Exit(code)
        return
    # workers=1 said: uvicorn would otherwise read WEB_CONCURRENCY and supervise workers itself.
    uvicorn.run(
        APP, factory=True, host=host, port=port, workers=1, ws_max_size=ws_max_size,
        log_level=log_level,
    )  # fmt: skip


@app.command()
@reports_errors
def token(
    key: str = typer.Argument(help="The person key the token speaks for."),
    role: str = typer.Option("member", help="member, analyst or admin."),
    hours: float = typer.Option(24.0, min=0.01, max=24 * 365, help="Validity."),
) -> None:
    """Print a bearer token for local use (signed with MENTORGRAPH_JWT_SECRET, else with
    the secret `mentorgraph up` uses)."""
    if role not in ROLES:
        raise BadInput(f"role must be one of {', '.join(ROLES)}", field="role")
    _development_mode()
    print(issue_token(ApiSettings.from_env().jwt_secret, key, role=role, hours=hours))


def _development_mode() -> None:
    """`up` and `token` are the local install's commands: without MENTORGRAPH_JWT_SECRET
    they share the random secret kept in `.mentorgraph/` (`api.dev_secret`)."""
    os.environ["MENTORGRAPH_DEV_MODE"] = "true"


@app.command("export-schema")
@reports_errors
def export_schema(
    path: Annotated[Path, typer.Argument(help="Where to write the SDL.")] = Path("schema.graphql"),
) -> None:
    """Write the GraphQL schema (SDL) that clients build on."""
    path.write_text(schema_sdl())
    console.print(f"wrote {path}")
