"""A small hand-built cohort: an OPEN programme with its admin, mentors and mentees."""

from __future__ import annotations

import datetime as dt

from graph.database import Database
from graph.programmes.programmes import (
    ProgrammeVisibility,
    add_person,
    create_programme,
    join_programme,
    set_programme_state,
)
from graph.programmes.templates import TemplateName
from tests.builders import build, mentor, person

START = dt.date(2026, 1, 5)


async def cohort(
    database: Database,
    *,
    template: TemplateName = "CAREER",
    visibility: ProgrammeVisibility = "PUBLIC",
    mentors: dict[str, int] | None = None,
    mentees: tuple[str, ...] = ("ann", "bob"),
    others: tuple[str, ...] = ("out",),
) -> str:
    """The programme's key; `ada` admins it, each of `mentors` joined with its capacity."""
    capacities = {"max": 1, "mo": 2} if mentors is None else mentors
    people = [person("ada"), *(person(k) for k in (*mentees, *others))]
    await build(database, people=people + [mentor(k, capacity=3) for k in capacities])
    created = await create_programme(
        database, "ada", name="Spring", template=template, starts_on=START, ends_on=None,
        visibility=visibility,
    )  # fmt: skip
    await set_programme_state(database, created.key, "ada", "OPEN")
    for key in (*capacities, *mentees):
        await add_person(database, created.key, "ada", key, as_="INVITED_TO")
    for key, capacity in capacities.items():
        await join_programme(database, created.key, key, role="MENTOR", capacity=capacity, goals=())
    for key in mentees:
        await join_programme(database, created.key, key, role="MENTEE", capacity=None, goals=())
    return created.key
