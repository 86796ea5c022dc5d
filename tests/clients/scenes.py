"""Graphs the client tests share: a mentee and would-be mentors who can become matches."""

from __future__ import annotations

from graph.database import Database
from graph.pages import encode_cursor
from tests.builders import build, person, skill

# A would-be mentor opting in: a new match for the mentee (once the server's watcher runs).
OPT_IN = (
    "mutation { setMentorPreferences(input: {openToMentor: true, capacity: 3}) { person { key } } }"
)

# `after` this cursor, a subscription replays every event there is, then goes live.
FROM_START = encode_cursor((0,))


async def mentee_and_experts(database: Database, experts: list[str]) -> None:
    """ana wants django, which each of `experts` knows well without mentoring yet."""
    await build(
        database,
        skills=[skill("django")],
        people=[person("ana", seekingMentor=True)] + [person(key) for key in experts],
        has_skill=[{"person": key, "skill": "django", "level": 5, "years": 1} for key in experts],
        wants_to_learn=[{"person": "ana", "skill": "django", "priority": 1}],
    )
