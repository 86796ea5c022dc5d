"""The `mentorgraph` command."""

from __future__ import annotations

import typer
import uvicorn

from api.cli import neo4j
from api.cli.database import ensure_server, with_database
from api.cli.output import console, reports_errors
from graph.migrations import migrate as apply_migrations
from graph.settings import Settings

app = typer.Typer(no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
app.add_typer(neo4j.app, name="neo4j")


@app.command()
@reports_errors
def migrate() -> None:
    """Apply the schema (constraints and indexes); safe to run again."""
    applied = with_database(Settings.from_env(), apply_migrations)
    console.print(f"applied {len(applied)} schema statements")


@app.command()
@reports_errors
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, max=64, help="Worker processes."),
) -> None:
    """Serve GraphQL at http://HOST:PORT/graphql."""
    ensure_server(Settings.from_env())
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers)


@app.command()
@reports_errors
def up(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
) -> None:
    """Start Neo4j, migrate, load the demo graph into an empty database, serve GraphQL."""
    settings = Settings.from_env()
    applied = with_database(settings, apply_migrations)
    console.print(f"schema ready ({len(applied)} statements)")
    console.print(f"serving GraphQL at http://{host}:{port}/graphql")
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port)
