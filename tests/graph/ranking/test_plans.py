from __future__ import annotations

from dataclasses import replace

from graph.database import Database
from graph.ranking.plans import compile_ranking_plans
from graph.settings import Settings


async def test_every_ranking_statement_runs_cleanly_for_nobody(empty_graph: Database) -> None:
    """A check that refused the empty key, or a statement that failed, would raise here."""
    assert await compile_ranking_plans(empty_graph) > 0


async def test_an_unreachable_database_leaves_the_plans_to_the_first_requests(
    settings: Settings,
) -> None:
    database = Database.connect(replace(settings, neo4j_uri="bolt://127.0.0.1:9"))
    try:
        await compile_ranking_plans(database)
    finally:
        await database.close()
