"""Streaming loads: blocks of people, two lanes, and the look-up that makes CREATE safe."""

from __future__ import annotations

from itertools import islice

from graph.database import Database
from graph.loading.streaming import Block, chunks, write_stream
from graph.loading.synthetic import load, rows
from graph.server.admin import wipe
from graph.server.stats import graph_stats


def test_chunks_put_catalogue_nodes_first_and_keep_each_person_in_one_block() -> None:
    items = list(chunks(rows(120, 3), people=50, size=100))
    blocks = [item for item in items if isinstance(item, Block)]
    assert [block.people for block in blocks] == [50, 50, 20]
    first_block = items.index(blocks[0])
    before = {item[0] for item in items[:first_block] if not isinstance(item, Block)}
    assert before >= {"skills", "employers", "schools"}
    for block in blocks:
        keys = {row["key"] for row in block.rows["people"]}
        assert {row["person"] for row in block.rows["has_skill"]} <= keys
        assert {row["a"] for row in block.knows} <= keys


async def test_a_load_cut_short_completes_to_the_graph_of_a_clean_load(
    empty_graph: Database,
) -> None:
    await load(empty_graph, 400, 3)
    clean = await graph_stats(empty_graph)
    await wipe(empty_graph)
    # As if the first load had stopped in the middle of someone's rows.
    await write_stream(empty_graph, chunks(islice(rows(400, 3), 2500), people=40, size=100))
    cut = await graph_stats(empty_graph)
    assert cut.labels["Person"] < 400
    await load(empty_graph, 400, 3, block_people=70, knows_rows=30)
    assert await graph_stats(empty_graph) == clean
