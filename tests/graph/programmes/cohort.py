"""Small hand-built cohorts, built through the programmes' own graph functions.

`cohort`: an OPEN programme with its admin `ada`, mentors and mentees, no skills.

`assignment_cohort`: one whose best assignment differs from greedy. Mentees `ana` (goal
python) and `ben` (goal go); mentors `pia` (python 5, go 3) and `quin` (python 4), one
place each in the programme, `cy` outside it. Scores (the ranking inside the programme,
each with availability 0.2 and a newcomer's track record 0.45): ana-pia 1.0 + 0.65 = 1.65,
ana-quin 0.8 + 0.65 = 1.45, ben-pia 0.6 + 0.65 = 1.25; quin teaches no go, so ben-quin is
no pair. Greedy (ana first) takes ana-pia and strands ben: 1.65. The optimum is ana-quin,
ben-pia: 2.7.
"""

from __future__ import annotations

import datetime as dt

from graph.database import Database
from graph.pages import Window
from graph.programmes.pairings import pairings_of_programme
from graph.programmes.programmes import (
    ProgrammeVisibility,
    add_person,
    create_programme,
    join_programme,
    set_programme_state,
)
from graph.programmes.templates import TemplateName
from graph.viewer import Viewer
from tests.builders import build, mentor, person, skill

START = dt.date(2026, 1, 5)
ADMIN = "ada"


async def open_programme(
    database: Database,
    *,
    template: TemplateName = "CAREER",
    visibility: ProgrammeVisibility = "PUBLIC",
    mentors: dict[str, int],
    mentees: dict[str, tuple[str, ...]],
    name: str = "Spring",
    starts_on: dt.date = START,
) -> str:
    """The key of an OPEN programme `ada` admins, which each of `mentors` joined with its
    capacity and each of `mentees` with its goals (the people exist already)."""
    created = await create_programme(
        database, ADMIN, name=name, template=template, starts_on=starts_on, ends_on=None,
        visibility=visibility,
    )  # fmt: skip
    await set_programme_state(database, created.key, ADMIN, "OPEN")
    for key in (*mentors, *mentees):
        await add_person(database, created.key, ADMIN, key, as_="INVITED_TO")
    for key, capacity in mentors.items():
        await join_programme(database, created.key, key, role="MENTOR", capacity=capacity, goals=())
    for key, goals in mentees.items():
        await join_programme(database, created.key, key, role="MENTEE", capacity=None, goals=goals)
    return created.key


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
    people = [person(ADMIN), *(person(k) for k in (*mentees, *others))]
    await build(database, people=people + [mentor(k, capacity=3) for k in capacities])
    return await open_programme(
        database,
        template=template,
        visibility=visibility,
        mentors=capacities,
        mentees={key: () for key in mentees},
    )


def _has(who: str, what: str, level: int) -> dict[str, object]:
    return {"person": who, "skill": what, "level": level, "years": 1}


def _wants(who: str, what: str) -> dict[str, object]:
    return {"person": who, "skill": what, "priority": 1}


async def assignment_cohort(
    database: Database, *, visibility: ProgrammeVisibility = "PUBLIC"
) -> str:
    """The programme's key (module docstring)."""
    await build(
        database,
        people=[
            person(ADMIN),
            person("ana", seekingMentor=True),
            person("ben", seekingMentor=True),
            person("cy"),
            mentor("pia", capacity=2),
            mentor("quin", capacity=2),
        ],
        skills=[skill("python"), skill("go")],
        has_skill=[_has("pia", "python", 5), _has("pia", "go", 3), _has("quin", "python", 4)],
        wants_to_learn=[_wants("ana", "python"), _wants("ben", "go")],
    )
    return await open_programme(
        database,
        visibility=visibility,
        mentors={"pia": 1, "quin": 1},
        mentees={"ana": ("python",), "ben": ("go",)},
    )


async def proposals(database: Database, programme: str) -> list[tuple[str, str, str]]:
    """The programme's mentorships as its admin lists them: (mentee, mentor, state)."""
    found = await pairings_of_programme(
        database, programme, Viewer(ADMIN), Window(100), admin=True, state=None
    )
    return sorted((p.mentee, p.mentor, p.state) for p in found)
