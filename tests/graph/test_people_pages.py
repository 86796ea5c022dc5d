"""A page of people walks the key index from its cursor and stops at the page: it does not
read, filter and sort everyone past the cursor. Held by the plan (PROFILE's rows), not by a
clock: a statement that lost the index order reads the whole range again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import neo4j
import pytest

from graph.database import Database
from graph.pages import encode_cursor, read_key, window
from graph.people import search_params
from graph.registry import paged_statement
from graph.settings import Settings
from graph.viewer import Viewer
from tests.builders import build, person

PEOPLE = 400
PAGE = 5


def _operators(plan: Any) -> Iterator[Any]:
    yield plan
    for child in plan.get("children", []):
        yield from _operators(child)


async def _rows_read_from_the_index(settings: Settings, backward: bool, cursor: str | None) -> int:
    bounds = {"last": PAGE, "before": cursor} if backward else {"first": PAGE, "after": cursor}
    page = window(read_key, **bounds)
    params = search_params(Viewer("p0000"), page)
    # The slotted runtime (Community's) counts the rows each operator really made.
    text = (
        "PROFILE CYPHER runtime=slotted "
        + paged_statement("people/search_people").reading(backward=backward).text
    )
    async with (
        neo4j.AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password),
            notifications_min_severity="OFF",
        ) as driver,
        driver.session(database=settings.neo4j_database) as session,
    ):
        result = await session.run(text, params)
        assert len([r async for r in result]) == page.limit
        summary = await result.consume()
    leaves = [
        op
        for op in _operators(summary.profile)
        if "Index" in op["operatorType"] and "p:Person" in op["args"].get("Details", "")
    ]
    assert leaves, "the page reads the key index"
    return max(int(op["rows"]) for op in leaves)


@pytest.mark.parametrize(
    ("backward", "cursor"),
    [(False, "p0020"), (True, "p0380"), (False, None), (True, None)],
    ids=["forwards", "backwards", "from the start", "from the end"],
)
async def test_a_page_of_people_reads_only_its_rows_from_the_key_index(
    empty_graph: Database, settings: Settings, backward: bool, cursor: str | None
) -> None:
    await build(empty_graph, people=[person(f"p{i:04}") for i in range(PEOPLE)])
    encoded = None if cursor is None else encode_cursor((cursor,))
    read = await _rows_read_from_the_index(settings, backward, encoded)
    assert read <= PAGE + 2, f"read {read} of the {PEOPLE} people for a page of {PAGE}"
