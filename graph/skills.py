"""Skills: the catalogue, what people know and what they want to learn."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import BadInput, NotFound
from graph.events.change_log import Changes, write_changes
from graph.events.domain import GoalsChanged, SkillAdded, SkillRemoved
from graph.pages import Window
from graph.registry import paged_statement, statement

_SKILLS_OF_PEOPLE = statement("skills/skills_of_people")
_GOALS_OF_PEOPLE = statement("skills/goals_of_people")
_SEARCH_SKILLS = paged_statement("skills/search_skills")
_GET_SKILLS = statement("skills/get_skills")
_ADD_SKILL = statement("skills/add_skill")
_REMOVE_SKILL = statement("skills/remove_skill")
_SET_LEARNING_GOALS = statement("skills/set_learning_goals")

MAX_LEARNING_GOALS = 10


@dataclass(frozen=True)
class Skill:
    key: str
    name: str
    domain: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Skill:
        return cls(
            key=row["key"], name=row.get("name") or row["key"], domain=row.get("domain") or ""
        )


@dataclass(frozen=True)
class PersonSkill:
    skill: Skill
    level: int
    years: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PersonSkill:
        return cls(Skill.from_row(row["skill"]), int(row["level"] or 0), int(row["years"] or 0))


@dataclass(frozen=True)
class LearningGoal:
    skill: Skill
    priority: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> LearningGoal:
        return cls(Skill.from_row(row["skill"]), int(row["priority"] or 0))


async def skills_of_people(database: Database, keys: Sequence[str]) -> list[list[PersonSkill]]:
    """Each person's skills, strongest first, in the order of `keys` (one round trip)."""
    rows = await database.read(_SKILLS_OF_PEOPLE, {"keys": list(keys)})
    return [[PersonSkill.from_row(item) for item in row["skills"]] for row in rows]


async def goals_of_people(database: Database, keys: Sequence[str]) -> list[list[LearningGoal]]:
    rows = await database.read(_GOALS_OF_PEOPLE, {"keys": list(keys)})
    return [[LearningGoal.from_row(item) for item in row["goals"]] for row in rows]


async def get_skills(database: Database, keys: Sequence[str]) -> list[Skill | None]:
    rows = await database.read(_GET_SKILLS, {"keys": list(keys)})
    return [Skill.from_row(row["skill"]) if row["skill"] else None for row in rows]


async def search_skills(
    database: Database, window: Window[str], *, search: str | None = None
) -> list[Skill]:
    rows = await database.read(
        _SEARCH_SKILLS.reading(backward=window.backward),
        {"search": search, **window.bounds(), "limit": window.limit},
    )
    return [Skill.from_row(row["skill"]) for row in rows]


async def add_skill(database: Database, person: str, skill: str, *, level: int, years: int) -> None:
    if not 1 <= level <= 5:
        raise BadInput("level must be between 1 and 5", field="level")
    if not 0 <= years <= 80:
        raise BadInput("years must be between 0 and 80", field="years")
    params = {"person": person, "skill": skill, "level": level, "years": years}

    async def work(tx: AsyncManagedTransaction) -> tuple[None, Changes]:
        if not await run(tx, _ADD_SKILL, params):
            raise NotFound(f"no skill {skill!r}")
        return None, [SkillAdded(person, skill)]

    await write_changes(database, work)


async def remove_skill(database: Database, person: str, skill: str) -> None:
    async def work(tx: AsyncManagedTransaction) -> tuple[None, Changes]:
        rows = await run(tx, _REMOVE_SKILL, {"person": person, "skill": skill})
        if not rows or rows[0]["removed"] == 0:
            raise NotFound(f"{person!r} has no skill {skill!r}")
        return None, [SkillRemoved(person, skill)]

    await write_changes(database, work)


async def set_learning_goals(database: Database, person: str, skills: Sequence[str]) -> None:
    """Replace the goals; list order is priority. Unknown skills write nothing."""
    if len(skills) > MAX_LEARNING_GOALS:
        raise BadInput(f"at most {MAX_LEARNING_GOALS} learning goals", field="skills")
    if len(set(skills)) != len(skills):
        raise BadInput("a skill appears twice", field="skills")
    known = await get_skills(database, skills)
    missing = [key for key, found in zip(skills, known, strict=True) if found is None]
    if missing:
        raise BadInput(f"unknown skills: {', '.join(missing)}", field="skills")

    async def work(tx: AsyncManagedTransaction) -> tuple[None, Changes]:
        if not await run(tx, _SET_LEARNING_GOALS, {"person": person, "skills": list(skills)}):
            raise NotFound(f"no person {person!r}")
        return None, [GoalsChanged(person)]

    await write_changes(database, work)
