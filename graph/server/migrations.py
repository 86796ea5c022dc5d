"""Migrations: the schema, and data migrations that run once.

Every `queries/schema/*.cypher` runs each time (constraints and indexes, `IF NOT
EXISTS`: cheap). A data migration (`queries/migrations/*.cypher`) may read the whole
graph, so it runs once: afterwards a `(:Migration {name})` node records it. It is
recorded after it commits, so one cut short runs again, and each is written to be
idempotent. Wiping the graph deletes the records with everything else, and the
migrations then run again over the empty graph, where they cost nothing.
"""

from __future__ import annotations

from graph.database import Database
from graph.registry import statement, statements_under

_AWAIT_INDEXES = statement("admin/await_indexes")
_APPLIED = statement("admin/applied_migrations")
_RECORD = statement("admin/record_migration")


async def migrate(database: Database) -> list[str]:
    """Apply the schema, then the data migrations not yet recorded; return the names of
    the statements run. Each runs in its own auto-commit transaction (a data migration
    batches itself with `CALL { } IN TRANSACTIONS`)."""
    ran = []
    for schema_statement in statements_under("schema"):
        await database.autocommit(schema_statement)
        ran.append(schema_statement.name)
    await database.read(_AWAIT_INDEXES, timeout=300.0)
    applied = {row["name"] for row in await database.read(_APPLIED)}
    for migration in statements_under("migrations"):
        if migration.name not in applied:
            await database.autocommit(migration)
            await database.write(_RECORD, {"name": migration.name})
            ran.append(migration.name)
    return ran
