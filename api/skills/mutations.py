"""Mutations on one's own skills and learning goals."""

from __future__ import annotations

import strawberry

from api import validation
from api.context import Info
from api.people.types import Person
from api.permissions import IsAuthenticated
from graph import people, skills


@strawberry.input
class AddSkillInput:
    skill: str
    level: int = 3
    years: int = 0

    def __post_init__(self) -> None:
        validation.key(self.skill, field="skill")


@strawberry.input
class RemoveSkillInput:
    skill: str

    def __post_init__(self) -> None:
        validation.key(self.skill, field="skill")


@strawberry.input
class LearningGoalsInput:
    skills: list[str] = strawberry.field(description="Skill keys, most wanted first.")

    def __post_init__(self) -> None:
        for key in self.skills:
            validation.key(key, field="skills")


@strawberry.type
class SkillsPayload:
    person: Person


@strawberry.type
class SkillsMutation:
    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def add_skill(self, info: Info, input: AddSkillInput) -> SkillsPayload:
        key = info.context.viewer_key()
        await skills.add_skill(
            info.context.database, key, input.skill, level=input.level, years=input.years
        )
        return await _payload(info, key)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def remove_skill(self, info: Info, input: RemoveSkillInput) -> SkillsPayload:
        key = info.context.viewer_key()
        await skills.remove_skill(info.context.database, key, input.skill)
        return await _payload(info, key)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def set_learning_goals(self, info: Info, input: LearningGoalsInput) -> SkillsPayload:
        key = info.context.viewer_key()
        await skills.set_learning_goals(info.context.database, key, input.skills)
        return await _payload(info, key)


async def _payload(info: Info, key: str) -> SkillsPayload:
    record = await people.get_person(info.context.database, key, info.context.viewer)
    return SkillsPayload(person=Person.from_record(record))
