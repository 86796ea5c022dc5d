"""A small graph whose every exploration answer the tests can state by hand.

    employers: acme (ana, dee, gus; gus was at globex before), globex (bo, eli),
               initech (cy, fay); hal works nowhere
    KNOWS:     dee - ana - gus - bo - eli,  gus - cy - fay - hal
    mentors:   ana (capacity 2), bo (1), cy (2)
    mentees:   dee wants ml, go; eli wants python; fay wants data; hal wants stats
    MENTORS:   ana→dee ACTIVE, ana→eli ACTIVE, cy→fay ACTIVE,
               bo→fay COMPLETED, cy→ana COMPLETED, bo→dee CANCELLED
    LEADS_TO:  python → data → ml, stats → ml
    programmes: tests/explore_programmes.py (its new people, ada ivy jon kit lea, hold
               nothing the other explorations count)

The loaders' request statement stamps `createdAt` with the current time, so the
requests, whose times the funnel test needs, are written by a test-only
statement in `tests/fixtures/`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any

import pytest

from graph.database import Database
from graph.server.admin import wipe
from tests.builders import build, fixture_statement, knows, mentor, person, skill
from tests.explore_programmes import build_explore_programmes

_REQUESTS = fixture_statement("merge_requests")


def _at(day: int, hour: int) -> datetime:
    return datetime(2024, 3, day, hour, tzinfo=UTC)


def _employment(person_key: str, employer: str, until: date | None = None) -> dict[str, Any]:
    return {"person": person_key, "employer": employer, "title": "", "since": None, "until": until}


def _has(person_key: str, skill_key: str, level: int) -> dict[str, Any]:
    return {"person": person_key, "skill": skill_key, "level": level, "years": level}


def _wants(person_key: str, skill_key: str, priority: int = 1) -> dict[str, Any]:
    return {"person": person_key, "skill": skill_key, "priority": priority}


def _mentors(mentor_key: str, mentee: str, status: str) -> dict[str, Any]:
    return {"mentor": mentor_key, "mentee": mentee, "status": status, "since": _at(1, 9)}


async def build_explore_graph(database: Database) -> None:
    seeking = {"seekingMentor": True}
    await build(
        database,
        people=[
            mentor("ana", capacity=2),
            mentor("bo", capacity=1),
            mentor("cy", capacity=2),
            person("dee", **seeking),
            person("eli", **seeking),
            person("fay", **seeking),
            person("gus"),
            person("hal", **seeking),
        ],
        skills=[skill(key) for key in ("python", "data", "ml", "stats", "go")],
        employers=[
            {"key": key, "name": key.title(), "industry": "Software"}
            for key in ("acme", "globex", "initech")
        ],
        knows=knows(
            ("dee", "ana"),
            ("ana", "gus"),
            ("gus", "bo"),
            ("bo", "eli"),
            ("gus", "cy"),
            ("cy", "fay"),
            ("fay", "hal"),
        ),
        has_skill=[
            _has("ana", "python", 5),
            _has("ana", "ml", 4),
            _has("bo", "python", 4),
            _has("bo", "data", 3),
            _has("cy", "go", 5),
            _has("cy", "stats", 2),
            _has("dee", "python", 3),
            _has("fay", "python", 2),
            _has("fay", "stats", 4),
            _has("gus", "python", 3),
            _has("gus", "ml", 3),
        ],
        wants_to_learn=[
            _wants("dee", "ml"),
            _wants("dee", "go", 2),
            _wants("eli", "python"),
            _wants("fay", "data"),
            _wants("hal", "stats"),
        ],
        works_at=[
            _employment("ana", "acme"),
            _employment("dee", "acme"),
            _employment("gus", "acme"),
            _employment("gus", "globex", until=date(2020, 1, 1)),
            _employment("bo", "globex"),
            _employment("eli", "globex"),
            _employment("cy", "initech"),
            _employment("fay", "initech"),
        ],
        leads_to=[
            {"from": "python", "to": "data"},
            {"from": "data", "to": "ml"},
            {"from": "stats", "to": "ml"},
        ],
        mentors=[
            _mentors("ana", "dee", "ACTIVE"),
            _mentors("ana", "eli", "ACTIVE"),
            _mentors("cy", "fay", "ACTIVE"),
            _mentors("bo", "fay", "COMPLETED"),
            _mentors("cy", "ana", "COMPLETED"),
            _mentors("bo", "dee", "CANCELLED"),
        ],
    )
    requests = [
        ("r1", "eli", "bo", "PENDING", _at(4, 10), None),
        ("r2", "dee", "ana", "ACCEPTED", _at(5, 10), _at(6, 10)),
        ("r3", "fay", "cy", "ACCEPTED", _at(6, 12), _at(6, 18)),
        ("r4", "hal", "cy", "DECLINED", _at(12, 9), _at(12, 21)),
        ("r5", "hal", "bo", "EXPIRED", _at(13, 0), None),
    ]
    keys = ("key", "mentee", "mentor", "state", "createdAt", "respondedAt")
    await database.write(_REQUESTS, {"rows": [dict(zip(keys, r, strict=True)) for r in requests]})
    await build_explore_programmes(database)


@pytest.fixture(scope="module")
async def explore_graph(database: Database) -> AsyncIterator[Database]:
    """Built once per module: the tests that use it only read."""
    await wipe(database)
    await build_explore_graph(database)
    yield database
    await wipe(database)
