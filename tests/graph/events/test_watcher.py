"""The match watcher: each trigger makes exactly the expected events, once per pair.

Default weights (see tests/graph/ranking/test_matches.py): a mentee who wants a skill at
priority 1 from a mentor who has it at level 5 scores 1.0, plus 0.2 availability.
The threshold is 0.5.
"""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from graph import people, skills
from graph.database import Database
from graph.events.bus import InProcessBus
from graph.events.domain import (
    Connected,
    DomainEvent,
    GoalsChanged,
    MentorChanged,
    RequestUpdated,
    SkillAdded,
    match_topic,
)
from graph.events.store import GroupRecorder, NewMatch, match_events_after, record_matches
from graph.events.watcher import MatchWatcher, mentee_chunks
from graph.mentorships import end_mentorship
from graph.pages import Window
from graph.ranking.matches import mentor_matches
from graph.ranking.pair_scores import score_pairs
from graph.ranking.signals import DEFAULT_HUB_DEGREE_CAP, Signal
from graph.ranking.types import Weights
from graph.settings import WatchSettings
from tests.builders import build, knows, mentor, person, skill


def seeker(key: str, **overrides: object) -> dict[str, object]:
    return person(key, seekingMentor=True, **overrides)


def has(who: str, what: str, level: int = 5) -> dict[str, object]:
    return {"person": who, "skill": what, "level": level, "years": 1}


def wants(who: str, what: str, priority: int = 1) -> dict[str, object]:
    return {"person": who, "skill": what, "priority": priority}


def stint(who: str, where: str) -> dict[str, object]:
    since = dt.date(2020, 1, 1)
    return {"person": who, "employer": where, "title": "Dev", "since": since, "until": None}


async def handle(database: Database, event: DomainEvent) -> list[tuple[str, str]]:
    watcher = MatchWatcher(database, InProcessBus(), WatchSettings())
    return [(e.mentee, e.mentor) for e in await watcher.handle(event)]


async def _base(database: Database) -> None:
    """python LEADS_TO django; mo mentors nothing yet but knows django well."""
    await build(
        database,
        skills=[skill("python"), skill("django"), skill("ml")],
        leads_to=[{"from": "python", "to": "django"}],
        people=[
            person("mo"),
            seeker("ana"),
            seeker("bea"),
            person("carl"),  # wants django, but is not seeking a mentor
        ],
        has_skill=[has("mo", "django")],
        wants_to_learn=[wants("ana", "django"), wants("bea", "ml"), wants("carl", "django")],
    )


async def test_opting_in_as_mentor_matches_mentees_who_want_their_skill(
    empty_graph: Database,
) -> None:
    await _base(empty_graph)
    await people.set_mentor_preferences(empty_graph, "mo", open_to_mentor=True, capacity=2)
    assert await handle(empty_graph, MentorChanged("mo")) == [("ana", "mo")]
    assert await handle(empty_graph, MentorChanged("mo")) == [], "a pair is sent once"
    (event,) = await match_events_after(empty_graph, "ana", after=0, limit=10)
    assert event.score == pytest.approx(1.65)  # with a newcomer's track record, 0.45
    shares = {s.name: s.share for s in event.signals}
    assert shares == pytest.approx({"social": 0, "skills": 1 / 1.65, "employer": 0,
                                    "availability": 0.2 / 1.65, "acceptance": 0.15 / 1.65,
                                    "completion": 0.15 / 1.65, "rating": 0.15 / 1.65})  # fmt: skip


async def test_a_mentor_adding_a_wanted_skill_matches_its_mentees(empty_graph: Database) -> None:
    await _base(empty_graph)
    await people.set_mentor_preferences(empty_graph, "mo", open_to_mentor=True, capacity=2)
    await skills.add_skill(empty_graph, "mo", "ml", level=5, years=1)
    assert await handle(empty_graph, SkillAdded("mo", "ml")) == [("bea", "mo")]


async def test_a_skill_on_the_path_counts_and_weak_matches_stay_below_the_threshold(
    empty_graph: Database,
) -> None:
    await _base(empty_graph)
    await build(empty_graph, people=[mentor("pia", capacity=1), mentor("pat", capacity=1)])
    await skills.add_skill(empty_graph, "pia", "python", level=5, years=1)
    await skills.add_skill(empty_graph, "pat", "python", level=2, years=1)
    # pia: 5/5 * 0.5 (one LEADS_TO step) + 0.2 + 0.45 (a newcomer's track record) = 1.15;
    # pat: 2/5 * 0.5 + 0.2 + 0.45 = 0.85 < 0.95.
    assert await handle(empty_graph, SkillAdded("pia", "python")) == [("ana", "pia")]
    assert await handle(empty_graph, SkillAdded("pat", "python")) == []


async def test_a_new_connection_matches_through_friend_of_friend_paths(
    empty_graph: Database,
) -> None:
    await build(
        empty_graph,
        people=[mentor("dan", capacity=1), seeker("eve"), person("zed")],
        knows=knows(("zed", "dan"), ("eve", "zed")),
    )
    # zed has 2 connections: 2 * 1/2 + 0.2 = 1.2
    assert await handle(empty_graph, Connected("eve", "zed")) == [("eve", "dan")]


async def test_a_mentorship_ending_frees_a_slot(empty_graph: Database) -> None:
    await build(
        empty_graph,
        skills=[skill("python")],
        people=[mentor("fay", capacity=1), person("gus"), seeker("hal")],
        has_skill=[has("fay", "python")],
        wants_to_learn=[wants("hal", "python")],
        mentors=[{"mentor": "fay", "mentee": "gus", "status": "ACTIVE", "since": None}],
    )
    assert await handle(empty_graph, MentorChanged("fay")) == [], "fay is full"
    await end_mentorship(empty_graph, "gus", "fay", completed=True, reason="done")
    assert await handle(empty_graph, MentorChanged("fay")) == [("hal", "fay")]


async def test_new_learning_goals_rank_the_mentee_in_full(empty_graph: Database) -> None:
    await _base(empty_graph)
    await build(empty_graph, people=[mentor("ml1"), mentor("ml2")],
                has_skill=[has("ml1", "ml"), has("ml2", "ml", level=1)])  # fmt: skip
    await skills.set_learning_goals(empty_graph, "ana", ["ml"])
    # ml2: 1/5 + 0.2 + 0.45 = 0.85, below the threshold (0.95).
    assert await handle(empty_graph, GoalsChanged("ana")) == [("ana", "ml1")]


async def test_a_declined_request_reopens_the_pair(empty_graph: Database) -> None:
    await _base(empty_graph)
    await people.set_mentor_preferences(empty_graph, "mo", open_to_mentor=True, capacity=2)
    assert await handle(empty_graph, RequestUpdated("r", "ana", "mo", "PENDING")) == []
    assert await handle(empty_graph, RequestUpdated("r", "ana", "mo", "DECLINED")) == [
        ("ana", "mo")
    ]


async def test_a_blocked_pair_never_produces_an_event(empty_graph: Database) -> None:
    await _base(empty_graph)
    await build(empty_graph, blocks=[{"person": "ana", "blocked": "mo"}])
    await people.set_mentor_preferences(empty_graph, "mo", open_to_mentor=True, capacity=2)
    for event in (MentorChanged("mo"), GoalsChanged("ana"), SkillAdded("mo", "django")):
        assert await handle(empty_graph, event) == []
    # Even when asked to record it directly (a block that landed after scoring).
    signals = (Signal("skills", 1.0, 1.0),)
    assert await record_matches(empty_graph, [NewMatch("ana", "mo", 1.0, signals)]) == []


async def test_a_mentor_hidden_from_the_mentee_is_neither_recorded_nor_replayed(
    empty_graph: Database,
) -> None:
    """Match events apply rules/visible_to both when written and when read back."""
    signals = (Signal("skills", 1.0, 1.0),)
    await build(empty_graph, people=[seeker("ana"), mentor("shy", visibility="PRIVATE")])
    assert await record_matches(empty_graph, [NewMatch("ana", "shy", 1.0, signals)]) == []
    await build(empty_graph, people=[mentor("mo")])
    assert len(await record_matches(empty_graph, [NewMatch("ana", "mo", 1.0, signals)])) == 1
    assert [e.mentor for e in await match_events_after(empty_graph, "ana", after=0, limit=10)] == [
        "mo"
    ]
    await build(empty_graph, people=[mentor("mo", visibility="PRIVATE")])
    assert await match_events_after(empty_graph, "ana", after=0, limit=10) == []


async def test_concurrent_recording_sends_each_pair_once_in_cursor_order(
    empty_graph: Database,
) -> None:
    await build(empty_graph, people=[seeker(f"s{i}") for i in range(6)] + [mentor("m")])
    signals = (Signal("social", 1.0, 1.0),)
    batches = [[NewMatch(f"s{i}", "m", 1.0, signals) for i in range(j, 6)] for j in range(4)]
    results = await asyncio.gather(*(record_matches(empty_graph, b) for b in batches))
    recorded = [event for batch in results for event in batch]
    assert sorted(e.mentee for e in recorded) == [f"s{i}" for i in range(6)]
    assert sorted(e.seq for e in recorded) == list(range(1, 7))
    for batch in results:
        assert [e.seq for e in batch] == sorted(e.seq for e in batch)


async def test_published_events_reach_the_mentee_topic(empty_graph: Database) -> None:
    await _base(empty_graph)
    await people.set_mentor_preferences(empty_graph, "mo", open_to_mentor=True, capacity=2)
    bus = InProcessBus()
    async with bus.subscribe(match_topic("ana")) as subscriber:
        await MatchWatcher(empty_graph, bus, WatchSettings()).handle(MentorChanged("mo"))
        message = await subscriber.get()
    assert (message["mentee"], message["mentor"], message["prev"]) == ("ana", "mo", 0)


def _explained(score: float, signals: tuple[Signal, ...]) -> tuple[float, ...]:
    return (score, *(s.value for s in signals), *(s.share for s in signals))


@pytest.mark.parametrize(
    ("weights", "cap"),
    [(Weights(), DEFAULT_HUB_DEGREE_CAP), (Weights(), 3), (Weights(third_hop_decay=0.5), 3)],
    ids=["defaults", "hub cap", "hub cap and third hop"],
)
async def test_pair_scores_agree_with_the_ranking(
    empty_graph: Database, weights: Weights, cap: int
) -> None:
    """ranking/score_pairs must score as ranking/mentor_matches does: the same pairs, each
    with the same score, raw signals and shares, exclusions, hub cap and third hop included."""
    await build(
        empty_graph,
        skills=[skill("python"), skill("django"), skill("ml"), skill("stats")],
        leads_to=[{"from": "python", "to": "django"}],
        related_to=[{"a": "stats", "b": "ml", "weight": 0.6}],
        employers=[{"key": "acme", "name": "Acme", "industry": "Software"}],
        people=[
            seeker("ana"), seeker("bea"), person("z1"), person("z2"), person("z3"),
            person("z4"), person("y1"), person("p", visibility="PRIVATE"),
            person("q", visibility="PRIVATE"), person("r"),
            mentor("m1"), mentor("m2", capacity=1), mentor("m3", visibility="CONNECTIONS"),
            mentor("m4", visibility="PRIVATE"), mentor("m5"), mentor("m6"),
        ],
        # With a cap of 3, ana expands z3, z4 (2 visible connections each) and z1 (3), not z2
        # (3 visible: m5 blocks ana, p is PRIVATE); z4 leads on to y1, who knows m6. ana's
        # connections q (PRIVATE) and r (whom ana blocks) know m1 and m6: hidden, they are
        # neither expanded nor counted against the cap, so no walk passes through them.
        knows=knows(("ana", "z1"), ("z1", "m1"), ("z1", "m2"), ("ana", "z2"), ("z2", "m3"),
                    ("bea", "z2"), ("z2", "m5"), ("z2", "p"), ("bea", "m3"), ("ana", "z3"),
                    ("z3", "m6"), ("ana", "z4"), ("z4", "y1"), ("y1", "m6"), ("y1", "m1"),
                    ("p", "z4"), ("ana", "q"), ("q", "m1"), ("ana", "r"), ("r", "m6")),
        has_skill=[has("m1", "python", 3), has("m2", "django"), has("m5", "stats", 4),
                   has("m6", "ml", 2), has("m4", "ml")],
        wants_to_learn=[wants("ana", "django"), wants("ana", "ml", 3), wants("bea", "ml")],
        works_at=[stint("bea", "acme"), stint("m6", "acme")],
        blocks=[{"person": "m5", "blocked": "ana"}, {"person": "ana", "blocked": "r"}],
        mentors=[{"mentor": "m2", "mentee": "z2", "status": "ACTIVE", "since": None}],
    )  # fmt: skip
    mentors = [f"m{i}" for i in range(1, 7)]
    for mentee in ("ana", "bea"):
        page = await mentor_matches(
            empty_graph, mentee, window=Window(100), weights=weights, hub_degree_cap=cap
        )
        ranked = {m.key: _explained(m.score, m.signals) for m in page}
        scored = await score_pairs(
            empty_graph, [(mentee, m) for m in mentors], weights=weights, hub_degree_cap=cap
        )
        values = {s.mentor: _explained(s.score, s.signals) for s in scored}
        assert sorted(values) == sorted(ranked), mentee
        for key, expected in ranked.items():
            assert values[key] == pytest.approx(expected), (mentee, key)
        assert ranked, "the graph should give each mentee some match"


async def test_concurrent_changes_share_one_recording_transaction(empty_graph: Database) -> None:
    await build(empty_graph, people=[seeker(f"s{i}") for i in range(5)] + [mentor("m")])
    signals = (Signal("social", 1.0, 1.0),)
    recorder = GroupRecorder(empty_graph)
    before = empty_graph.round_trips
    results = await asyncio.gather(
        *(recorder.record([NewMatch(f"s{j}", "m", 1.0, signals) for j in (i, i + 1) if j < 5])
          for i in range(5))
    )  # fmt: skip
    owners = [[e.mentee for e in batch] for batch in results]
    assert owners == [["s0", "s1"], ["s2"], ["s3"], ["s4"], []]
    assert empty_graph.round_trips - before <= 2, (
        "the first caller commits alone, the rest together"
    )


def test_pairs_are_cut_by_mentee_and_a_mentees_pairs_stay_together() -> None:
    pairs = [("b", "m1"), ("a", "m2"), ("a", "m1"), ("c", "m1"), ("b", "m1")]
    assert mentee_chunks(pairs, 2) == [[("a", "m1"), ("a", "m2"), ("b", "m1")], [("c", "m1")]]
    assert mentee_chunks([], 2) == []


async def test_a_change_near_many_mentees_is_scored_chunk_by_chunk_as_in_one_statement(
    empty_graph: Database,
) -> None:
    seekers = [f"s{i}" for i in range(5)]
    await build(
        empty_graph,
        skills=[skill("django")],
        people=[person("mo"), *(seeker(key) for key in seekers)],
        has_skill=[has("mo", "django")],
        wants_to_learn=[wants(key, "django", priority=1 + i % 3) for i, key in enumerate(seekers)],
    )
    await people.set_mentor_preferences(empty_graph, "mo", open_to_mentor=True, capacity=9)
    whole = await score_pairs(empty_graph, [(key, "mo") for key in seekers])
    settings = WatchSettings(score_chunk=2)
    expected = [(s.mentee, s.mentor, s.score) for s in whole if s.score >= settings.threshold]
    watcher = MatchWatcher(empty_graph, InProcessBus(), settings)
    events = await watcher.handle(MentorChanged("mo"))
    assert [(e.mentee, e.mentor, e.score) for e in events] == expected
    assert len(expected) == 5
