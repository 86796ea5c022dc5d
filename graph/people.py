"""People: lookups as a viewer may see them, search, and profile changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.employers import Employment
from graph.errors import Conflict, NotFound
from graph.events.change_log import Changes, write_changes
from graph.events.domain import MentorChanged, ProfileChanged
from graph.pages import Window
from graph.registry import paged_statement, statement
from graph.screens import PLAIN, Screen
from graph.skills import LearningGoal, PersonSkill
from graph.tombstones import tombstone_hash
from graph.viewer import Viewer

_GET_PEOPLE = statement("people/get_people")
_SEARCH_PEOPLE = paged_statement("people/search_people")
_CREATE_PROFILE = statement("people/create_profile")
_UPDATE_PROFILE = statement("people/update_profile")
_SET_MENTOR_PREFERENCES = statement("people/set_mentor_preferences")
_SYNC_TEACHING = statement("skills/sync_teaching")


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
    mentor_topics: tuple[str, ...] = ()
    email: str | None = None
    """Contact details: shown only to the person, admins and active mentorship partners."""

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
            mentor_topics=tuple(row.get("mentorTopics") or ()),
            email=row.get("email"),
        )


@dataclass(frozen=True)
class Profile:
    """A person as a screen read them (rules/profile): a part not asked for is None."""

    person: Person
    skills: list[PersonSkill] | None = None
    learning_goals: list[LearningGoal] | None = None
    employment: list[Employment] | None = None
    connections: list[Profile] | None = None
    """The page of connections the screen asked for (rules/connections_page)."""

    @classmethod
    def from_row(cls, row: dict[str, Any], connections: list[Any] | None = None) -> Profile:
        skills, goals, employment = row["skills"], row["learningGoals"], row["employment"]
        return cls(
            person=Person.from_row(row),
            skills=None if skills is None else [PersonSkill.from_row(s) for s in skills],
            learning_goals=None if goals is None else [LearningGoal.from_row(g) for g in goals],
            employment=None if employment is None else [Employment.from_row(e) for e in employment],
            connections=None if connections is None else [cls.from_row(c) for c in connections],
        )


@dataclass(frozen=True)
class ProfileFields:
    """Profile fields a person sets themself; `None` leaves a field unchanged."""

    name: str | None = None
    headline: str | None = None
    location: str | None = None
    languages: tuple[str, ...] | None = None
    visibility: str | None = None
    seeking_mentor: bool | None = None
    email: str | None = None

    def props(self) -> dict[str, Any]:
        values = {
            "name": self.name,
            "headline": self.headline,
            "location": self.location,
            "languages": list(self.languages) if self.languages is not None else None,
            "visibility": self.visibility,
            "seekingMentor": self.seeking_mentor,
            "email": self.email,
        }
        return {key: value for key, value in values.items() if value is not None}


async def get_profiles(
    database: Database, keys: Sequence[str], viewer: Viewer, screen: Screen = PLAIN
) -> list[Profile | None]:
    """The people with these keys, in order, with what `screen` shows of each; `None`
    where absent or hidden from `viewer` (one round trip)."""
    if not keys:
        return []
    params = {"keys": list(keys), "screen": screen.param(), **viewer.params()}
    rows = await database.read(_GET_PEOPLE, params)
    return [
        Profile.from_row(row["person"], row["connections"]) if row["person"] else None
        for row in rows
    ]


async def get_people(
    database: Database, keys: Sequence[str], viewer: Viewer
) -> list[Person | None]:
    """The people with these keys, in order; `None` where absent or hidden from `viewer`."""
    return [p.person if p else None for p in await get_profiles(database, keys, viewer)]


async def get_profile(database: Database, key: str, viewer: Viewer, screen: Screen) -> Profile:
    (profile,) = await get_profiles(database, [key], viewer, screen)
    if profile is None:
        raise NotFound(f"no person {key!r}")
    return profile


async def get_person(database: Database, key: str, viewer: Viewer) -> Person:
    return (await get_profile(database, key, viewer, PLAIN)).person


async def search_people(
    database: Database,
    viewer: Viewer,
    window: Window[str],
    *,
    search: str | None = None,
    skill: str | None = None,
    employer: str | None = None,
    screen: Screen = PLAIN,
) -> list[Profile]:
    """The visible people of `window`, by key (`window.limit` at most: one flags more),
    with what `screen` shows of each."""
    rows = await database.read(
        _SEARCH_PEOPLE.reading(backward=window.backward),
        search_params(viewer, window, search=search, skill=skill, employer=employer, screen=screen),
    )
    return [Profile.from_row(row["person"], row["connections"]) for row in rows]


def search_params(
    viewer: Viewer,
    window: Window[str],
    *,
    search: str | None = None,
    skill: str | None = None,
    employer: str | None = None,
    screen: Screen = PLAIN,
) -> dict[str, Any]:
    """The parameters of people/search_people (for `search_people`, and PROFILE)."""
    return {
        **viewer.params(),
        "search": search,
        "skill": skill,
        "employer": employer,
        **window.bounds(),
        "limit": window.limit,
        "screen": screen.param(),
    }


async def create_profile(database: Database, key: str, fields: ProfileFields) -> Person:
    params = {"key": key, "hash": tombstone_hash(key), "props": fields.props()}
    try:
        rows = await database.write(_CREATE_PROFILE, params)
    except Conflict as exc:
        raise Conflict(f"a profile for {key!r} already exists") from exc
    if not rows:
        raise Conflict(f"{key!r} belonged to a deleted account and cannot be used again")
    return Person.from_row(rows[0]["person"])


async def update_profile(database: Database, key: str, fields: ProfileFields) -> Person:
    async def work(tx: AsyncManagedTransaction) -> tuple[Person, Changes]:
        rows = await run(tx, _UPDATE_PROFILE, {"key": key, "props": fields.props()})
        if not rows:
            raise NotFound(f"no person {key!r}")
        changed = [ProfileChanged(key)] if rows[0]["matchingChanged"] else []
        return Person.from_row(rows[0]["person"]), changed

    return await write_changes(database, work)


async def set_mentor_preferences(
    database: Database,
    key: str,
    *,
    open_to_mentor: bool,
    capacity: int,
    topics: Sequence[str] | None = None,
) -> Person:
    params = {
        "key": key,
        "openToMentor": open_to_mentor,
        "capacity": capacity,
        "topics": list(topics) if topics is not None else None,
    }

    async def work(tx: AsyncManagedTransaction) -> tuple[Person, Changes]:
        rows = await run(tx, _SET_MENTOR_PREFERENCES, params)
        if not rows:
            raise NotFound(f"no person {key!r}")
        await run(tx, _SYNC_TEACHING, {"keys": [key]})
        return Person.from_row(rows[0]["person"]), [MentorChanged(key)]

    return await write_changes(database, work)
