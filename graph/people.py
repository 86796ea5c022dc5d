"""People: profiles and lookups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.database import Database
from graph.registry import statement

_GET_PEOPLE = statement("people/get_people")


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    headline: str
    location: str
    languages: tuple[str, ...]
    open_to_mentor: bool
    seeking_mentor: bool
    mentor_capacity: int
    visibility: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Person:
        return cls(
            key=row["key"],
            name=row.get("name") or "",
            headline=row.get("headline") or "",
            location=row.get("location") or "",
            languages=tuple(row.get("languages") or ()),
            open_to_mentor=bool(row.get("openToMentor")),
            seeking_mentor=bool(row.get("seekingMentor")),
            mentor_capacity=int(row.get("mentorCapacity") or 0),
            visibility=row.get("visibility") or "PUBLIC",
        )


async def get_people(database: Database, keys: Sequence[str]) -> list[Person | None]:
    """The people with these keys, in order, `None` where there is no such person."""
    if not keys:
        return []
    rows = await database.read(_GET_PEOPLE, {"keys": list(keys)})
    return [Person.from_row(row["person"]) if row["person"] else None for row in rows]
