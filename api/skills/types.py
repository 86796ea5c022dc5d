"""GraphQL types of skills."""

from __future__ import annotations

import strawberry

from api.node import Node
from graph import skills


@strawberry.type(description="Something a person knows or wants to learn.")
class Skill(Node):
    key: str
    name: str
    domain: str

    @classmethod
    def from_record(cls, record: skills.Skill) -> Skill:
        return cls(key=record.key, name=record.name, domain=record.domain)


@strawberry.type(description="A skill a person has, with their level (1..5) and years.")
class PersonSkill:
    skill: Skill
    level: int
    years: int

    @classmethod
    def from_record(cls, record: skills.PersonSkill) -> PersonSkill:
        return cls(skill=Skill.from_record(record.skill), level=record.level, years=record.years)


@strawberry.type(description="A skill a person wants to learn; priority 1 is the most wanted.")
class LearningGoal:
    skill: Skill
    priority: int

    @classmethod
    def from_record(cls, record: skills.LearningGoal) -> LearningGoal:
        return cls(skill=Skill.from_record(record.skill), priority=record.priority)
