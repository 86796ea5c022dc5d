"""Mentor matches on hand-built graphs, every expected score worked out by hand.

Default weights: social 2.0, skills 1.0, employer 0.5, availability 0.2, and 0.3 for
each of the track record's three (a newcomer's 0.5 each: `NEWCOMER`). Social is
resource allocation, the sum of 1/degree over shared connections; a skill counts
(level / 5) * 0.5 ** steps * RELATED_TO weights, times (6 - priority) / 5.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from graph.database import Database
from graph.errors import BadInput, NotFound
from graph.pages import Window
from graph.ranking.matches import mentor_matches
from graph.ranking.signals import SIGNAL_NAMES, Signal
from graph.ranking.types import DEFAULT_WEIGHTS, Filters, MentorMatch, Weights
from tests.builders import build, knows, mentor, person, skill

NO_AVAILABILITY = Weights(availability=0.0)


def ranked(found: Sequence[MentorMatch]) -> list[tuple[str, float]]:
    return [(m.key, m.score) for m in found]


def signal(match: MentorMatch, name: str) -> Signal:
    (found,) = [s for s in match.signals if s.name == name]
    return found


async def every_page(database: Database, *, first: int) -> list[MentorMatch]:
    """The mentee "me"'s matches, page after page from the start, each after the last one's
    (score, key); walked backwards from the end too, each page before the one read last,
    which must give the same matches in the same order."""
    forwards = await _walk(database, first, backward=False)
    assert ranked(await _walk(database, first, backward=True)) == ranked(forwards)
    return forwards


async def _walk(database: Database, first: int, *, backward: bool) -> list[MentorMatch]:
    seen: list[MentorMatch] = []
    cursor: tuple[float, str] | None = None
    for _ in range(30):
        found = await mentor_matches(database, "me", window=Window(first, cursor, backward))
        page = list(found[:first])
        seen = [*reversed(page), *seen] if backward else [*seen, *page]
        if len(found) <= first:
            return seen
        cursor = (found[first - 1].score, found[first - 1].key)
    raise AssertionError("more pages than the matches could fill")


NEWCOMER = 0.5 * (DEFAULT_WEIGHTS.acceptance + DEFAULT_WEIGHTS.completion + DEFAULT_WEIGHTS.rating)
"""What the track record adds for a mentor with no outcome yet: every mentor here but those of
tests/graph/test_outcomes.py (0.45)."""


def expect(*pairs: tuple[str, float]) -> list[tuple[str, object]]:
    """Expected scores, written without the newcomer's track record, which they all have."""
    return [(key, pytest.approx(score + NEWCOMER, abs=1e-9)) for key, score in pairs]


def has(who: str, what: str, level: int) -> dict[str, object]:
    return {"person": who, "skill": what, "level": level, "years": 1}


def wants(who: str, what: str, priority: int) -> dict[str, object]:
    return {"person": who, "skill": what, "priority": priority}


def stint(who: str, where: str, since: str, until: str | None) -> dict[str, object]:
    return {
        "person": who,
        "employer": where,
        "title": "Engineer",
        "since": dt.date.fromisoformat(since),
        "until": dt.date.fromisoformat(until) if until else None,
    }


def employer(key: str) -> dict[str, object]:
    return {"key": key, "name": key.title(), "industry": "Software"}


# --- social -----------------------------------------------------------------------------


async def test_social_only_ranks_by_resource_allocation(empty_graph: Database) -> None:
    await build(
        empty_graph,
        people=[person(k) for k in ("me", "a", "b", "c", "x", "y")]
        + [mentor("m1"), mentor("m2"), mentor("m3")],
        knows=knows(
            ("me", "a"), ("me", "b"), ("me", "c"),
            ("a", "m1"),
            ("b", "m1"), ("b", "m2"),
            ("c", "m2"), ("c", "m3"), ("c", "x"), ("c", "y"),
        ),
    )  # fmt: skip
    page = await mentor_matches(empty_graph, "me")
    # degrees: a 2, b 3, c 5.  m1: 1/2 + 1/3; m2: 1/3 + 1/5; m3: 1/5; all fully available.
    assert ranked(page) == expect(
        ("m1", 2 * (1 / 2 + 1 / 3) + 0.2),
        ("m2", 2 * (1 / 3 + 1 / 5) + 0.2),
        ("m3", 2 * (1 / 5) + 0.2),
    )
    top, _, last = page
    assert [p.key for p in top.evidence.mutual_connections] == ["a", "b"]
    assert signal(top, "social").value == pytest.approx(5 / 6)
    assert signal(last, "social").share == pytest.approx(0.4 / (0.6 + NEWCOMER))
    assert signal(last, "availability").share == pytest.approx(0.2 / (0.6 + NEWCOMER))
    assert signal(last, "acceptance").share == pytest.approx(0.15 / (0.6 + NEWCOMER))
    assert signal(last, "skills").share == 0 and signal(last, "employer").share == 0
    assert [s.name for s in top.signals] == list(SIGNAL_NAMES)
    assert top.free_capacity == 2


async def test_resource_allocation_not_adamic_adar_nor_common_neighbours(
    empty_graph: Database,
) -> None:
    # m1 shares one friend of degree 2; m2 shares four friends of degree 10.
    # common neighbours: 1 < 4; Adamic-Adar: 1/ln 2 = 1.44 < 4/ln 10 = 1.74;
    # resource allocation: 1/2 > 4/10, the quiet friend's introduction weighs more.
    busy = [f"busy{i}" for i in range(4)]
    fillers = [f"f{i}" for i in range(8)]
    await build(
        empty_graph,
        people=[person(k) for k in ("me", "quiet", *busy, *fillers)]
        + [mentor("m1"), mentor("m2")],
        knows=knows(
            ("me", "quiet"), ("quiet", "m1"),
            *[("me", b) for b in busy], *[(b, "m2") for b in busy],
            *[(b, f) for b in busy for f in fillers],
        ),
    )  # fmt: skip
    page = await mentor_matches(empty_graph, "me", weights=NO_AVAILABILITY)
    assert ranked(page) == expect(("m1", 2 * (1 / 2)), ("m2", 2 * (4 / 10)))


async def test_three_hop_walks_count_only_when_asked_for(empty_graph: Database) -> None:
    await build(
        empty_graph,
        people=[person("me"), person("a"), person("b"), mentor("far")],
        knows=knows(("me", "a"), ("a", "b"), ("b", "far")),
    )
    assert await mentor_matches(empty_graph, "me") == ()
    page = await mentor_matches(empty_graph, "me", weights=Weights(third_hop_decay=0.5))
    # the walk me-a-b-far: 0.5 * (1 / deg a = 2) / (deg b = 2) = 0.125
    assert ranked(page) == expect(("far", 2 * 0.125 + 0.2))
    assert page[0].evidence.mutual_connections == ()


async def test_hidden_people_neither_count_nor_weigh_nor_show(empty_graph: Database) -> None:
    """The social signal is computed over the people the mentee may see: a PRIVATE or
    blocking mutual connection adds nothing, and a hidden connection of a visible mutual
    one does not lower its weight (docs/privacy.md)."""
    await build(
        empty_graph,
        people=[
            person("me"),
            person("hidden", visibility="PRIVATE"),
            person("shown"),
            person("blocker"),
            mentor("m"),
        ],
        knows=knows(
            ("me", "hidden"), ("hidden", "m"),
            ("me", "shown"), ("shown", "m"), ("shown", "hidden"),
            ("me", "blocker"), ("blocker", "m"),
        ),
        blocks=[{"person": "blocker", "blocked": "me"}],
    )  # fmt: skip
    (match,) = await mentor_matches(empty_graph, "me", weights=NO_AVAILABILITY)
    # Only shown counts, with the degree the mentee can see: me and m (hidden is not seen).
    assert signal(match, "social").value == pytest.approx(1 / 2)
    assert match.score == pytest.approx(2 * (1 / 2) + NEWCOMER)
    assert [p.key for p in match.evidence.mutual_connections] == ["shown"]


async def test_at_most_three_mutual_connections_closest_knit_first(
    empty_graph: Database,
) -> None:
    friends = ["f1", "f2", "f3", "f4"]
    await build(
        empty_graph,
        people=[person("me"), mentor("m"), person("other"), *[person(f) for f in friends]],
        knows=knows(
            *[("me", f) for f in friends], *[(f, "m") for f in friends],
            ("f1", "other"), ("f3", "other"),
        ),
    )  # fmt: skip
    (match,) = await mentor_matches(empty_graph, "me")
    assert [p.key for p in match.evidence.mutual_connections] == ["f2", "f4", "f1"]


# --- skills -----------------------------------------------------------------------------


async def _skills_graph(database: Database) -> None:
    # python -LEADS_TO-> ml -LEADS_TO-> deep;  stats -RELATED_TO(0.8)- ml;
    # linalg -RELATED_TO(0.5)- stats.  The mentee wants ml (priority 1) and stats (3).
    await build(
        database,
        people=[person("me"), mentor("ana"), mentor("ben"), mentor("dan"), mentor("lia")],
        skills=[skill(k) for k in ("python", "ml", "deep", "stats", "linalg")],
        leads_to=[{"from": "python", "to": "ml"}, {"from": "ml", "to": "deep"}],
        related_to=[
            {"a": "stats", "b": "ml", "weight": 0.8},
            {"a": "linalg", "b": "stats", "weight": 0.5},
        ],
        has_skill=[has("ana", "ml", 3), has("ben", "python", 5), has("dan", "deep", 5),
                   has("lia", "linalg", 4)],
        wants_to_learn=[wants("me", "ml", 1), wants("me", "stats", 3)],
    )  # fmt: skip


async def test_skills_only_follow_learning_paths_with_decay(empty_graph: Database) -> None:
    await _skills_graph(empty_graph)
    page = await mentor_matches(empty_graph, "me")
    # ana: ml 0.6 * 1.0; stats via ml 0.6 * 0.5 * 0.8 * 0.6          = 0.744
    # ben: ml via python 1.0 * 0.5; stats 1.0 * 0.25 * 0.8 * 0.6      = 0.62
    # lia: stats 0.8 * 0.5 * 0.5 * 0.6; ml 0.8 * 0.25 * 0.5 * 0.8 * 1 = 0.2
    # dan only knows what comes after ml (LEADS_TO is followed forwards only): no match.
    assert ranked(page) == expect(("ana", 0.944), ("ben", 0.82), ("lia", 0.4))
    ben = page[1]
    assert signal(ben, "skills").value == pytest.approx(0.62)
    assert [(p.target, p.skill, p.level) for p in ben.evidence.skill_paths] == [
        ("ml", "python", 5),
        ("stats", "python", 5),
    ]
    to_stats = ben.evidence.skill_paths[1]
    assert to_stats.strength == pytest.approx(0.2)
    assert [(s.from_skill, s.to_skill, s.relation, s.weight) for s in to_stats.steps] == [
        ("python", "ml", "LEADS_TO", None),
        ("ml", "stats", "RELATED_TO", 0.8),
    ]
    assert page[0].evidence.skill_paths[0].steps == ()


async def test_the_skills_filter_replaces_the_wishes(empty_graph: Database) -> None:
    await _skills_graph(empty_graph)
    page = await mentor_matches(
        empty_graph, "me", filters=Filters(skills=("stats",)), weights=NO_AVAILABILITY
    )
    # only stats (priority 3, factor 0.6): ana 0.144, ben 0.12, lia 0.12 (tie: by key).
    assert ranked(page) == expect(("ana", 0.144), ("ben", 0.12), ("lia", 0.12))
    page = await mentor_matches(empty_graph, "me", filters=Filters(skills=("deep",)))
    # deep is not a wish: priority 1. dan has it; ana and ben reach it forwards in 1 and 2
    # steps; lia reaches ml in 2 steps, deep in 3 (too far).
    assert ranked(page) == expect(
        ("dan", 1.0 + 0.2), ("ana", 0.6 * 0.5 + 0.2), ("ben", 1.0 * 0.25 + 0.2)
    )


async def test_skill_weight_zero_leaves_skill_only_candidates_out(empty_graph: Database) -> None:
    await _skills_graph(empty_graph)
    assert await mentor_matches(empty_graph, "me", weights=Weights(skills=0.0)) == ()


async def test_weak_skills_count_whether_or_not_their_holders_are_scanned(
    empty_graph: Database,
) -> None:
    # Only holders of ml (the wish itself) are scanned up front. soc is found socially and
    # holds python, a step before ml: its exact score needs its own skills. py holds only
    # python: at most 1.0 * 0.5 + 0.2 + 0.9 (the most a track record adds) = 1.6, so it is
    # looked for only once a page is not full above that (here the last one).
    holders = ["m1", "m2", "m3", "m4"]
    await build(
        empty_graph,
        people=[person("me"), person("a"), mentor("soc"), mentor("py"),
                *[mentor(k) for k in holders]],
        knows=knows(("me", "a"), ("a", "soc")),
        skills=[skill("python"), skill("ml")],
        leads_to=[{"from": "python", "to": "ml"}],
        has_skill=[has("soc", "python", 5), has("py", "python", 5),
                   *[has(k, "ml", 5) for k in holders]],
        wants_to_learn=[wants("me", "ml", 1)],
    )  # fmt: skip
    expected = expect(
        ("soc", 2 * (1 / 2) + 0.5 + 0.2),
        *[(k, 1.0 + 0.2) for k in holders],
        ("py", 0.5 + 0.2),
    )
    assert ranked(await mentor_matches(empty_graph, "me", window=Window(100))) == expected
    assert ranked(await every_page(empty_graph, first=2)) == expected


async def test_a_wish_on_the_way_to_another_counts_towards_both(empty_graph: Database) -> None:
    # python leads to ml and both are wished. "a" holds python only: 1.0 for python and
    # 0.5 on the way to ml, 1.7 with availability. "b" and "c" hold ml at 5 and python at 2:
    # 0.4 + 1.0 + 0.2 = 1.6. With a page of one, "b" and "c" put the floor at 1.6: "a" must be
    # bounded by what python adds to ml too, or it is dropped before its exact score.
    await build(
        empty_graph,
        people=[person("me"), mentor("a"), mentor("b"), mentor("c")],
        skills=[skill("python"), skill("ml")],
        leads_to=[{"from": "python", "to": "ml"}],
        has_skill=[has("a", "python", 5), has("b", "ml", 5), has("b", "python", 2),
                   has("c", "ml", 5), has("c", "python", 2)],
        wants_to_learn=[wants("me", "python", 1), wants("me", "ml", 1)],
    )  # fmt: skip
    expected = expect(("a", 1.0 + 0.5 + 0.2), ("b", 0.4 + 1.0 + 0.2), ("c", 0.4 + 1.0 + 0.2))
    assert ranked(await mentor_matches(empty_graph, "me", window=Window(100))) == expected
    assert ranked((await mentor_matches(empty_graph, "me", window=Window(1)))[:1]) == expected[:1]


# --- mixed, employer ----------------------------------------------------------------------


async def _mixed_graph(database: Database) -> None:
    await build(
        database,
        people=[person("me"), person("a"), mentor("m1"), mentor("m2"), mentor("m3")],
        knows=knows(("me", "a"), ("a", "m1"), ("a", "m2")),
        skills=[skill("ml")],
        has_skill=[has("m1", "ml", 5), has("m3", "ml", 1)],
        wants_to_learn=[wants("me", "ml", 1)],
        employers=[employer("acme"), employer("beta")],
        works_at=[
            stint("me", "acme", "2015-01-01", "2018-01-01"),
            stint("me", "beta", "2018-02-01", None),
            stint("m1", "beta", "2020-01-01", None),
            stint("m2", "acme", "2017-06-01", None),
            stint("m3", "acme", "2019-01-01", "2020-01-01"),
        ],
    )


async def test_mixed_signals_add_up(empty_graph: Database) -> None:
    await _mixed_graph(empty_graph)
    page = await mentor_matches(empty_graph, "me")
    # a has degree 3. m1: social 1/3, skill 1.0, colleague at beta. m2: social 1/3,
    # colleague at acme (2017-2018 overlaps). m3: skill 0.2, at acme after the mentee left.
    assert ranked(page) == expect(
        ("m1", 2 / 3 + 1.0 + 0.5 + 0.2), ("m2", 2 / 3 + 0.5 + 0.2), ("m3", 0.2 + 0.2)
    )
    m1, m2, m3 = page
    assert [e.key for e in m1.evidence.shared_employers] == ["beta"]
    assert [e.key for e in m2.evidence.shared_employers] == ["acme"]
    assert m3.evidence.shared_employers == ()
    total = 2 / 3 + 1.0 + 0.5 + 0.2 + NEWCOMER
    assert signal(m1, "social").share == pytest.approx((2 / 3) / total)
    assert signal(m1, "skills").share == pytest.approx(1.0 / total)
    assert signal(m1, "employer").share == pytest.approx(0.5 / total)
    assert sum(s.share for s in m1.signals) == pytest.approx(1.0)


async def test_outside_my_employer_drops_current_colleagues(empty_graph: Database) -> None:
    await _mixed_graph(empty_graph)
    page = await mentor_matches(empty_graph, "me", filters=Filters(outside_my_employer=True))
    # m1 works at beta now, as the mentee does; m2 is still at acme, which the mentee left.
    assert [m.key for m in page] == ["m2", "m3"]


async def test_language_and_minimum_score_filters(empty_graph: Database) -> None:
    await build(
        empty_graph,
        people=[person("me"), person("a"), mentor("en"), mentor("pt", languages=["Portuguese"])],
        knows=knows(("me", "a"), ("a", "en"), ("a", "pt")),
    )
    everyone = await mentor_matches(empty_graph, "me")
    assert [m.key for m in everyone] == ["en", "pt"]
    portuguese = await mentor_matches(empty_graph, "me", filters=Filters(language="Portuguese"))
    assert [m.key for m in portuguese] == ["pt"]
    score = 2 / 3 + 0.2 + NEWCOMER
    assert len(await mentor_matches(empty_graph, "me", filters=Filters(min_score=score)))
    high = await mentor_matches(empty_graph, "me", filters=Filters(min_score=score + 0.01))
    assert high == ()


# --- exclusions, capacity, visibility -----------------------------------------------------


async def test_every_exclusion_is_absolute(empty_graph: Database) -> None:
    candidates = {
        "self": None,
        "active": "ACTIVE mentor of the mentee",
        "completed": None,
        "asked": "PENDING request from the mentee",
        "declined": None,
        "asking": "PENDING request to the mentee",
        "blocked": "blocked by the mentee",
        "blocker": "blocked the mentee",
        "closed": "not open to mentoring",
        "held": "held from matching",
        "full": "no free capacity",
        "half": None,
        "private": "PRIVATE",
        "connections": "CONNECTIONS without a connection",
        "conn-friend": None,
    }
    special = {
        "closed": person("closed", mentorCapacity=2),
        "full": mentor("full", capacity=1),
        "private": mentor("private", visibility="PRIVATE"),
        "connections": mentor("connections", visibility="CONNECTIONS"),
        "conn-friend": mentor("conn-friend", visibility="CONNECTIONS"),
    }
    people = [person("hub"), person("other"), person("third")]
    people += [special.get(k) or mentor(k) for k in candidates]
    me = "self"
    await build(
        empty_graph,
        people=people,
        knows=knows(("self", "hub"), *[("hub", k) for k in candidates if k != me],
                    ("self", "conn-friend")),
        mentors=[
            {"mentor": "active", "mentee": me, "status": "ACTIVE", "since": None},
            {"mentor": "completed", "mentee": me, "status": "COMPLETED", "since": None},
            {"mentor": "full", "mentee": "other", "status": "ACTIVE", "since": None},
            {"mentor": "half", "mentee": "other", "status": "ACTIVE", "since": None},
            {"mentor": "half", "mentee": "third", "status": "CANCELLED", "since": None},
        ],
        mentorship_requests=[
            {"key": "r1", "mentee": me, "mentor": "asked", "state": "PENDING"},
            {"key": "r2", "mentee": me, "mentor": "declined", "state": "DECLINED"},
            {"key": "r3", "mentee": "asking", "mentor": me, "state": "PENDING"},
        ],
        blocks=[{"person": me, "blocked": "blocked"}, {"person": "blocker", "blocked": me}],
        holds=[{"person": "held", "held": True}],
    )  # fmt: skip
    page = await mentor_matches(empty_graph, me)
    # hub knows self and the 14 others, of whom self may not see 4 (blocked, blocker, private,
    # connections): each gets 1/11; half has one of two places free.
    assert ranked(page) == expect(
        ("completed", 2 / 11 + 0.2),
        ("conn-friend", 2 / 11 + 0.2),
        ("declined", 2 / 11 + 0.2),
        ("half", 2 / 11 + 0.1),
    )
    assert page[-1].free_capacity == 1
    assert signal(page[-1], "availability").value == pytest.approx(0.5)


async def test_a_mentee_never_sees_blocked_people_as_evidence(empty_graph: Database) -> None:
    await build(
        empty_graph,
        people=[person("me"), person("friend"), person("foe"), mentor("m")],
        knows=knows(("me", "friend"), ("friend", "m"), ("me", "foe"), ("foe", "m")),
        blocks=[{"person": "me", "blocked": "foe"}],
    )
    (match,) = await mentor_matches(empty_graph, "me", weights=NO_AVAILABILITY)
    assert match.score == pytest.approx(2 * (1 / 2) + NEWCOMER)
    assert [p.key for p in match.evidence.mutual_connections] == ["friend"]


# --- hub cap ------------------------------------------------------------------------------


async def test_connections_above_the_hub_cap_are_not_expanded(empty_graph: Database) -> None:
    fillers = [f"f{i}" for i in range(3)]
    await build(
        empty_graph,
        people=[person("me"), person("a"), person("hub"), mentor("m1"), mentor("m2")]
        + [person(f) for f in fillers],
        knows=knows(("me", "a"), ("a", "m1"), ("me", "hub"), ("hub", "m2"),
                    *[("hub", f) for f in fillers]),
    )  # fmt: skip
    # hub has degree 5.
    page = await mentor_matches(empty_graph, "me", weights=NO_AVAILABILITY)
    assert ranked(page) == expect(("m1", 2 * (1 / 2)), ("m2", 2 * (1 / 5)))
    capped = await mentor_matches(empty_graph, "me", weights=NO_AVAILABILITY, hub_degree_cap=4)
    assert ranked(capped) == expect(("m1", 2 * (1 / 2)))


async def test_a_hub_mentee_expands_only_its_quietest_connections(empty_graph: Database) -> None:
    await build(
        empty_graph,
        people=[person("me"), *[person(f"f{i}") for i in (1, 2, 3)]]
        + [mentor(f"m{i}") for i in (1, 2, 3)],
        knows=knows(
            *[("me", f"f{i}") for i in (1, 2, 3)], *[(f"f{i}", f"m{i}") for i in (1, 2, 3)]
        ),
    )
    assert len(await mentor_matches(empty_graph, "me")) == 3
    # every friend has degree 2: the cap of 2 keeps the first two by key.
    capped = await mentor_matches(empty_graph, "me", hub_degree_cap=2)
    assert [m.key for m in capped] == ["m1", "m2"]


# --- pagination, ties, validation ---------------------------------------------------------


async def test_ties_break_by_key_and_pages_have_no_gaps_or_duplicates(
    empty_graph: Database,
) -> None:
    keys = [f"m{i:02}" for i in range(23)]
    await build(
        empty_graph,
        people=[person("me"), *[mentor(k) for k in keys]],
        skills=[skill("ml")],
        has_skill=[has(k, "ml", i % 5 + 1) for i, k in enumerate(keys)],
        wants_to_learn=[wants("me", "ml", 1)],
    )
    everything = await mentor_matches(empty_graph, "me", window=Window(100))
    expected = sorted(keys, key=lambda k: (-(int(k[1:]) % 5 + 1), k))
    assert [m.key for m in everything] == expected
    assert everything[0].score == pytest.approx(1.0 + 0.2 + NEWCOMER)
    assert [m.key for m in await every_page(empty_graph, first=4)] == expected


async def test_one_call_is_one_round_trip(empty_graph: Database) -> None:
    await _mixed_graph(empty_graph)
    before = empty_graph.round_trips
    await mentor_matches(empty_graph, "me")
    assert empty_graph.round_trips == before + 1


async def test_an_unknown_mentee_is_not_found(empty_graph: Database) -> None:
    with pytest.raises(NotFound):
        await mentor_matches(empty_graph, "nobody")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"window": Window(0)}, "first"),
        ({"window": Window(101)}, "first"),
        ({"weights": Weights(social=-1.0)}, "weights.social"),
        ({"weights": Weights(skills=float("nan"))}, "weights.skills"),
        ({"weights": Weights(skill_decay=1.5)}, "weights.skill_decay"),
        ({"filters": Filters(skills=())}, "filters.skills"),
        ({"hub_degree_cap": 0}, "hubDegreeCap"),
    ],
)
async def test_bad_input_names_its_field(
    empty_graph: Database, kwargs: dict[str, object], field: str
) -> None:
    await build(empty_graph, people=[person("me")])
    with pytest.raises(BadInput) as caught:
        await mentor_matches(empty_graph, "me", **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
