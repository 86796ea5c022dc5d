"""Every page of the ranking, walked both ways, equals every pair scored one by one.

`ranking/mentor_matches` reads only what can reach the page: a floor from the lower bounds
(a ceiling backwards), each candidate's standing (free capacity, availability, the track
record) only where its bound plus the standing's most reaches it, its own skills only where
the bound with its standing still does, and the weak skills' holders only when the page is
not full above them. `ranking/score_pairs` scores each pair in full, with nothing pruned.
On random graphs, with mentors full, nearly full or free, with track records good and poor,
and with people hidden from the mentee (PRIVATE, CONNECTIONS without a connection, blocks
either way: as mentors they never show, as connections they neither count nor weigh),
the pages of 1 and 3 walked forwards and backwards, and a score floor, must give the pairs'
ranking, score for score, under weights where the standing counts little and where it
counts most. Tried: the standing's most left out of the exact pass's pruning, or a full
mentor let in there, fails all 16 cases; the floor taken without the exclusions (a hidden
mentor lifting it) fails 13.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from graph.database import Database
from graph.pages import Window
from graph.ranking.matches import mentor_matches
from graph.ranking.pair_scores import score_pairs
from graph.ranking.types import DEFAULT_WEIGHTS, Filters, MentorMatch, Weights
from tests.builders import build, fixture_statement, mentor, person, skill

SKILLS = [f"s{i}" for i in range(6)]
MENTORS = [f"m{i:02d}" for i in range(18)]
OTHERS = [f"p{i}" for i in range(8)]
EMPLOYERS = ["e0", "e1"]
SET_TRACK_RECORDS = fixture_statement("set_track_records")
WEIGHTS = {
    "defaults": DEFAULT_WEIGHTS,
    "standing counts most": Weights(availability=2.0, acceptance=1.5, completion=0.0, rating=1.0),
}


def _stint(rng: random.Random, who: str) -> dict[str, Any]:
    since = dt.date(rng.randrange(2010, 2022), 1, 1)
    until = rng.choice([None, since.replace(year=since.year + rng.randrange(1, 4))])
    employer = rng.choice(EMPLOYERS)
    return {"person": who, "employer": employer, "title": "Dev", "since": since, "until": until}


def _visibility(rng: random.Random) -> str:
    return rng.choices(["PUBLIC", "CONNECTIONS", "PRIVATE"], weights=[8, 2, 1])[0]


async def _random_graph(database: Database, rng: random.Random) -> set[str]:
    """A random graph; the mentors `me` may not see (rules/visible_to: PRIVATE, CONNECTIONS
    without a connection, a block either way), whom no page may show."""
    mentors = [
        mentor(key, capacity=rng.randrange(1, 4), visibility=_visibility(rng)) for key in MENTORS
    ]
    mentees = [person(key, visibility=_visibility(rng)) for key in OTHERS]  # take mentors' slots
    everyone = ["me", *MENTORS, *OTHERS]
    pairs = {tuple(sorted(rng.sample(everyone, 2))) for _ in range(80)}
    blocks = [{"person": "me", "blocked": rng.choice(MENTORS)}]
    blocks.append({"person": rng.choice(MENTORS), "blocked": "me"})
    slots = [
        {"mentor": m["key"], "mentee": mentee, "status": "ACTIVE", "since": None}
        for m in mentors
        for mentee in rng.sample(OTHERS, rng.randrange(0, m["mentorCapacity"] + 1))
    ]
    await build(
        database,
        skills=[skill(key) for key in SKILLS],
        employers=[{"key": key, "name": key, "industry": "Software"} for key in EMPLOYERS],
        leads_to=[{"from": "s0", "to": "s1"}, {"from": "s2", "to": "s3"}],
        related_to=[{"a": "s1", "b": "s4", "weight": 0.6}],
        people=[person("me", seekingMentor=True), *mentors, *mentees],
        knows=[{"a": a, "b": b, "since": None} for a, b in sorted(pairs)],
        has_skill=[
            {"person": key, "skill": s, "level": rng.randrange(1, 6), "years": 1}
            for key in MENTORS
            for s in rng.sample(SKILLS, rng.randrange(0, 3))
        ],
        wants_to_learn=[
            {"person": "me", "skill": s, "priority": priority}
            for priority, s in enumerate(rng.sample(SKILLS, 3), start=1)
        ],
        works_at=[_stint(rng, who) for who in ["me", "me", *rng.sample(MENTORS, 10)]],
        mentors=slots,
        blocks=blocks,
    )
    parts = ("acceptance", "completion", "rating")
    records = [
        {"key": key, **{part: rng.choice([None, 0.0, 0.3, 1.0]) for part in parts}}
        for key in MENTORS
    ]
    await database.write(SET_TRACK_RECORDS, {"records": records})
    known = {b if a == "me" else a for a, b in pairs if "me" in (a, b)}
    return {
        m["key"]
        for m in mentors
        if m["visibility"] == "PRIVATE"
        or (m["visibility"] == "CONNECTIONS" and m["key"] not in known)
        or m["key"]
        in {block["person"] for block in blocks} | {block["blocked"] for block in blocks}
    }


def _ranked(matches: list[MentorMatch]) -> list[tuple[str, float]]:
    return [(m.key, round(m.score, 6)) for m in matches]


async def _walk(
    database: Database, weights: Weights, size: int, *, backward: bool, filters: Filters
) -> list[tuple[str, float]]:
    """Every page of `size` one way, cursor after cursor, in ranking order."""
    seen: list[MentorMatch] = []
    cursor = None
    while True:
        window = Window(size, None if cursor is None else (cursor.score, cursor.key), backward)
        page = list(
            await mentor_matches(database, "me", weights=weights, filters=filters, window=window)
        )
        seen.extend(page[:size])
        if len(page) <= size:
            break
        cursor = page[size - 1]
    return _ranked(seen[::-1] if backward else seen)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("weights", WEIGHTS.values(), ids=WEIGHTS.keys())
async def test_every_page_both_ways_is_the_pairs_ranked(
    empty_graph: Database, seed: int, weights: Weights
) -> None:
    hidden = await _random_graph(empty_graph, random.Random(seed))
    assert hidden, "each graph should hide some mentor from the mentee"
    scored = await score_pairs(
        empty_graph, [("me", m) for m in MENTORS], seekers_only=False, weights=weights
    )
    expected = sorted(((s.mentor, s.score) for s in scored), key=lambda r: (-r[1], r[0]))
    assert len(expected) >= 4, "the graph should give some matches to rank"
    floor = expected[len(expected) // 2][1]
    for size in (1, 3):
        for backward in (False, True):
            for min_score in (0.0, floor):
                wanted = [(key, round(score, 6)) for key, score in expected if score >= min_score]
                filters = Filters(min_score=min_score)
                walked = await _walk(empty_graph, weights, size, backward=backward, filters=filters)
                assert walked == wanted, (size, backward, min_score)
                assert not hidden & {key for key, _ in walked}, hidden
