"""Learning paths between skills, and a mentee's paths from what they know to what they want."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.database import Database
from graph.errors import BadInput, NotFound
from graph.people import Person
from graph.ranking.types import (
    LearningPath,
    LearningStep,
    SkillPath,
    skill_path_from_row,
    step_from_row,
)
from graph.registry import statement
from graph.skills import Skill

_SKILL_PATH = statement("ranking/skill_path")
_LEARNING_PATHS = statement("ranking/learning_paths")


MAX_MENTORS_PER_STEP = 10
MAX_LEARNING_PATH_STEPS = 6
"""As `{1,6}` in queries/ranking/learning_paths.cypher."""


async def skill_path(database: Database, from_skill: str, to_skill: str) -> SkillPath | None:
    """The shortest learning path between two skills (strongest first among equals).

    `None` when no path of at most 6 steps joins them; `NotFound` for an unknown skill.
    """
    (row,) = await database.read(_SKILL_PATH, {"fromSkill": from_skill, "toSkill": to_skill})
    for key, found in ((from_skill, row["fromFound"]), (to_skill, row["toFound"])):
        if not found:
            raise NotFound(f"no skill {key!r}")
    return None if row["path"] is None else skill_path_from_row(row["path"])


async def learning_paths(
    database: Database,
    mentee_key: str,
    *,
    skills: Sequence[str] | None = None,
    mentors_per_step: int = 3,
) -> tuple[LearningPath, ...]:
    """For each wanted skill (or each of `skills`), the path from what the mentee knows.

    Each step still to take names up to `mentors_per_step` mentors the mentee could ask
    (the exclusions of mentor matches, relative to the mentee). Unknown skill keys
    among `skills` have no path; `NotFound` for an unknown mentee.
    """
    if not 0 <= mentors_per_step <= MAX_MENTORS_PER_STEP:
        raise BadInput(
            f"mentors per step must be between 0 and {MAX_MENTORS_PER_STEP}",
            field="mentorsPerStep",
        )
    params = {
        "menteeKey": mentee_key,
        "skills": None if skills is None else list(skills),
        "mentorsPerStep": mentors_per_step,
    }
    (row,) = await database.read(_LEARNING_PATHS, params)
    if not row["found"]:
        raise NotFound(f"no person {mentee_key!r}")
    return tuple(_learning_path(item) for item in row["paths"])


def _learning_path(item: dict[str, Any]) -> LearningPath:
    path = item["path"]
    return LearningPath(
        target=Skill.from_row(item["target"]),
        start=None if item["start"] is None else Skill.from_row(item["start"]),
        skills=tuple(Skill.from_row(s) for s in path["skills"]),
        steps=tuple(step_from_row(s) for s in path["steps"]),
        strength=float(path["strength"]),
        to_learn=tuple(
            LearningStep(
                skill=Skill.from_row(step["skill"]),
                mentors=tuple(Person.from_row(p) for p in step["mentors"]),
            )
            for step in item["steps"]
        ),
    )
