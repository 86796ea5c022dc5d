"""Stored match pages: served pages equal live ones, invalidation keeps them so, and a
refresh raced by an invalidation stores nothing fresh."""

from __future__ import annotations

import dataclasses
import random

import pytest

from graph.database import Database
from graph.events.domain import (
    BlockChanged,
    Connected,
    DomainEvent,
    HoldChanged,
    MentorChanged,
    ProfileChanged,
    SkillAdded,
)
from graph.loading.rows import write_graph
from graph.pages import ScoreKey, Window
from graph.people import ProfileFields, set_mentor_preferences, update_profile
from graph.ranking.matches import mentor_matches
from graph.ranking.page_invalidation import invalidate_pages
from graph.ranking.stored_pages import (
    claim_page,
    compute_candidates,
    read_stored,
    refresh_page,
    store_page,
)
from graph.ranking.types import MentorMatch
from graph.safety import block_person, unblock_person
from graph.skills import add_skill
from tests.builders import build, fixture_statement, knows, mentor, person, skill

MENTEES = ("ann", "ben", "cal")
MENTORS = tuple(f"m{i}" for i in range(8))
KEEP = 4
"""Fewer than the candidates, so that truncated lists and their fallbacks are exercised."""


async def _graph(database: Database) -> None:
    await build(
        database,
        people=[
            *(person(key, seekingMentor=True) for key in MENTEES),
            person("zed"),
            person("yan", visibility="CONNECTIONS"),
            *(mentor(key, capacity=1 + i % 3) for i, key in enumerate(MENTORS)),
        ],
        skills=[skill("python"), skill("sql"), skill("ml")],
        knows=knows(
            ("ann", "zed"),
            ("ann", "yan"),
            ("ben", "zed"),
            ("cal", "yan"),
            ("ben", "cal"),
            *(("zed", m) for m in MENTORS[:5]),
            *(("yan", m) for m in MENTORS[3:]),
            ("cal", "m7"),
        ),
        has_skill=[
            {"person": m, "skill": ("python", "sql", "ml")[i % 3], "level": 1 + i % 5, "years": 2}
            for i, m in enumerate(MENTORS)
        ],
        wants_to_learn=[
            {"person": "ann", "skill": "python", "priority": 1},
            {"person": "ben", "skill": "sql", "priority": 2},
            {"person": "cal", "skill": "ml", "priority": 1},
            {"person": "cal", "skill": "python", "priority": 3},
        ],
        related_to=[{"a": "python", "b": "ml", "weight": 0.8}],
    )


def _same(found: tuple[MentorMatch, ...]) -> list[object]:
    return [(m.key, m.score, m.signals, m.free_capacity, m.evidence, m.mentor) for m in found]


def _without_evidence(found: tuple[MentorMatch, ...]) -> list[object]:
    return _same(tuple(dataclasses.replace(m, evidence=None) for m in found))


async def _check_served_equals_live(database: Database) -> int:
    """Walk every mentee's list both ways, two at a time; wherever the stored page answers,
    it answers as the live statement does, and read without evidence, the same but for
    the evidence. Returns how many windows it answered."""
    served = 0
    for mentee in MENTEES:
        for backward in (False, True):
            cursor: ScoreKey | None = None
            for _ in range(10):
                window = Window(2, cursor, backward)
                live = await mentor_matches(database, mentee, window=window)
                read = await read_stored(database, mentee, window=window)
                lean = await read_stored(database, mentee, window=window, evidence=False)
                assert (lean.fresh, lean.served) == (read.fresh, read.served)
                if read.served:
                    served += 1
                    assert _same(read.matches) == _same(live), (mentee, window)
                    assert _same(lean.matches) == _without_evidence(live), (mentee, window)
                if len(live) <= 2:
                    break
                cursor = (live[1].score, live[1].key)
    return served


async def _refresh_all(database: Database) -> None:
    for mentee in MENTEES:
        assert await refresh_page(database, mentee, None, keep=KEEP)


async def test_a_served_page_is_the_live_page_forwards_and_backwards(empty_graph: Database) -> None:
    await _graph(empty_graph)
    await _refresh_all(empty_graph)
    assert await _check_served_equals_live(empty_graph) > 3
    first = await read_stored(empty_graph, "ann", window=Window(2))
    assert first.served and first.fresh


async def test_after_random_mutations_and_their_invalidations_pages_equal_live(
    empty_graph: Database,
) -> None:
    await _graph(empty_graph)
    await _refresh_all(empty_graph)
    rng = random.Random(17)
    people = (*MENTEES, "zed", "yan", *MENTORS)
    for step in range(12):
        change: DomainEvent
        kind = rng.randrange(6)
        who, other = rng.sample(people, 2)
        mentor_key = rng.choice(MENTORS)
        if kind == 0:
            await block_person(empty_graph, who, other, reason=None)
            change = BlockChanged(by=who, person=other, blocked=True)
        elif kind == 1:
            await unblock_person(empty_graph, who, other)
            change = BlockChanged(by=who, person=other, blocked=False)
        elif kind == 2:
            visibility = rng.choice(("PUBLIC", "CONNECTIONS", "PRIVATE"))
            await update_profile(empty_graph, who, ProfileFields(visibility=visibility))
            change = ProfileChanged(person=who)
        elif kind == 3:
            await set_mentor_preferences(
                empty_graph, mentor_key, open_to_mentor=rng.random() < 0.7, capacity=2
            )
            change = MentorChanged(mentor=mentor_key)
        elif kind == 4:
            await add_skill(empty_graph, mentor_key, "python", level=5, years=3)
            change = SkillAdded(person=mentor_key, skill="python")
        else:
            await write_graph(empty_graph, {"knows": knows((who, other))})
            change = Connected(a=who, b=other)
        await invalidate_pages(empty_graph, change)
        await _check_served_equals_live(empty_graph)
        if step % 4 == 3:
            await _refresh_all(empty_graph)
    await write_graph(empty_graph, {"holds": [{"person": "m3", "held": True}]})
    await invalidate_pages(empty_graph, HoldChanged(person="m3"))
    await _check_served_equals_live(empty_graph)
    await _refresh_all(empty_graph)
    assert await _check_served_equals_live(empty_graph) > 0


async def test_an_invalidation_while_candidates_are_computed_leaves_the_page_stale(
    empty_graph: Database,
) -> None:
    await _graph(empty_graph)
    token = await claim_page(empty_graph, "ann")
    assert token is not None
    candidates = await compute_candidates(empty_graph, "ann")
    await block_person(empty_graph, "ann", "zed", reason=None)
    await invalidate_pages(empty_graph, BlockChanged(by="ann", person="zed", blocked=True))
    assert await store_page(empty_graph, "ann", token, candidates)
    assert not (await read_stored(empty_graph, "ann")).fresh, "computed before the block"
    assert await refresh_page(empty_graph, "ann", None)
    assert (await read_stored(empty_graph, "ann")).fresh


@pytest.mark.parametrize("tearing", ["strip_a_candidate", "drop_a_candidate", "stamp_a_candidate"])
async def test_a_read_torn_by_a_refresh_is_never_served(
    empty_graph: Database, tearing: str
) -> None:
    """A store of a page that commits while a read walks its candidates (Neo4j reads at
    read-committed isolation) leaves the read with some of the old list and some of the
    new: candidates gone, candidates of the new store, or one it matched reading as
    nothing. Each is made here by hand on a stored page; the read must see it is not whole
    (the page's candidateCount and generation) and not serve it, either way."""
    await _graph(empty_graph)
    await _refresh_all(empty_graph)
    first = await read_stored(empty_graph, "ann", window=Window(2))
    second = first.matches[1]
    windows = [Window(2), Window(1, (second.score, second.key), backward=True)]
    for window in windows:
        assert (await read_stored(empty_graph, "ann", window=window)).served, window
    await empty_graph.write(fixture_statement(tearing), {"mentee": "ann"})
    for window in windows:
        read = await read_stored(empty_graph, "ann", window=window)
        assert read.fresh and not read.served and read.matches == (), window
