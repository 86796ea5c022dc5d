"""`mentorgraph neo4j start | stop | status`: the local Neo4j server."""

from __future__ import annotations

import time

import typer

from api.cli.output import console, reports_errors
from graph.errors import ServerError
from graph.server.local import LocalServer
from graph.settings import Settings

app = typer.Typer(help="Manage the local Neo4j server (not used when NEO4J_URI is set).")


def _local_server() -> LocalServer:
    settings = Settings.from_env()
    if not settings.managed:
        raise ServerError(
            f"NEO4J_URI is set ({settings.neo4j_uri}): that server is used and nothing is "
            "provisioned here"
        )
    return LocalServer(settings)


@app.command()
@reports_errors
def start() -> None:
    """Start Neo4j and return once it answers over Bolt (a no-op when it runs)."""
    server = _local_server()
    began = time.monotonic()
    if server.start():
        console.print(f"Neo4j started on {server.config.uri} in {time.monotonic() - began:.1f} s")
    else:
        console.print(f"Neo4j already running on {server.config.uri}")


@app.command()
@reports_errors
def stop() -> None:
    """Shut Neo4j down cleanly."""
    server = _local_server()
    console.print("Neo4j stopped" if server.stop() else "Neo4j was not running")


@app.command()
@reports_errors
def status() -> None:
    """Print whether Neo4j runs, its version, address and store."""
    info = _local_server().status()
    console.print(f"running: {'yes' if info.running else 'no'}")
    if info.pid is not None:
        console.print(f"pid:     {info.pid}")
    console.print(f"version: {info.version or 'unknown'}")
    console.print(f"address: {info.address}")
    console.print(f"store:   {info.store}")
    if not info.running:
        raise typer.Exit(3)
