"""Several kinds of node by key in one round trip, for a page that names many of them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from graph.database import Database
from graph.employers import Employer
from graph.people import Person
from graph.registry import statement
from graph.skills import Skill
from graph.viewer import Viewer

_LOOKUP_MANY = statement("people/lookup_many")


@dataclass(frozen=True)
class Found:
    """What was found, by key; a key absent here is missing (or, for people, hidden)."""

    people: dict[str, Person]
    skills: dict[str, Skill]
    employers: dict[str, Employer]


async def lookup_many(
    database: Database,
    viewer: Viewer,
    *,
    people: Collection[str] = (),
    skills: Collection[str] = (),
    employers: Collection[str] = (),
) -> Found:
    params = {
        "people": sorted(people),
        "skills": sorted(skills),
        "employers": sorted(employers),
        **viewer.params(),
    }
    (row,) = await database.read(_LOOKUP_MANY, params)
    return Found(
        people={p["key"]: Person.from_row(p) for p in row["people"]},
        skills={s["key"]: Skill.from_row(s) for s in row["skills"]},
        employers={e["key"]: Employer.from_row(e) for e in row["employers"]},
    )
