"""Opening the database from a CLI command, provisioning the local server if needed."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from api.cli.output import console
from graph.database import Database
from graph.server.local import LocalServer
from graph.settings import Settings

T = TypeVar("T")


def ensure_server(settings: Settings) -> None:
    """Start the project's Neo4j unless `NEO4J_URI` names another server."""
    if settings.managed and LocalServer(settings).start():
        console.print(f"Neo4j started on {settings.local.uri}")


def with_database(settings: Settings, work: Callable[[Database], Awaitable[T]]) -> T:
    """Run `work` with a connected database, checked to answer first."""
    ensure_server(settings)

    async def main() -> T:
        database = Database.connect(settings)
        try:
            await database.ping()
            return await work(database)
        finally:
            await database.close()

    return asyncio.run(main())
