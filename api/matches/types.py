"""GraphQL types of mentor matches, connection suggestions and skill paths."""

from __future__ import annotations

from collections.abc import Iterable

import strawberry

from api.employers.types import Employer
from api.list_bounds import MaxItems
from api.node import Node, pair_key
from api.people.types import Person
from api.skills.types import Skill
from graph.errors import BadInput
from graph.lookups import Found
from graph.ranking import types as ranking
from graph.ranking.paths import MAX_LEARNING_PATH_STEPS, MAX_MENTORS_PER_STEP
from graph.ranking.signals import SIGNAL_NAMES, Signal
from graph.skills import MAX_LEARNING_GOALS
from graph.skills import Skill as SkillRecord

MAX_MUTUAL_EVIDENCE = 3
"""As `LIMIT 3` in queries/ranking/mentor_matches.cypher."""
MAX_PATH_STEPS = 6
"""As `{0,6}` in queries/ranking/skill_path.cypher; matches use at most 2."""
MAX_SHARED_EMPLOYERS = 20


@strawberry.type(description="One signal of a match: its raw value and its share of the score.")
class MatchSignal:
    name: str = strawberry.field(
        description="social, skills, employer, availability, or one of the mentor's track "
        "record: acceptance (of the requests they answered), completion (of their mentorships "
        "that ended) and rating (by their mentees, once at least 5 rated them); each is 0.5 "
        "for a mentor with no such outcome yet (docs/ranking.md)."
    )
    value: float
    share: float = strawberry.field(description="Share of the score, in [0, 1].")

    @classmethod
    def from_record(cls, signal: Signal) -> MatchSignal:
        return cls(name=signal.name, value=signal.value, share=signal.share)


@strawberry.input(description="How much each signal counts; defaults are in docs/ranking.md.")
class MatchWeights:
    social: float = ranking.DEFAULT_WEIGHTS.social
    skills: float = ranking.DEFAULT_WEIGHTS.skills
    employer: float = ranking.DEFAULT_WEIGHTS.employer
    availability: float = ranking.DEFAULT_WEIGHTS.availability
    acceptance: float = ranking.DEFAULT_WEIGHTS.acceptance
    completion: float = ranking.DEFAULT_WEIGHTS.completion
    rating: float = ranking.DEFAULT_WEIGHTS.rating

    def to_graph(self) -> ranking.Weights:
        return ranking.Weights(
            social=self.social,
            skills=self.skills,
            employer=self.employer,
            availability=self.availability,
            acceptance=self.acceptance,
            completion=self.completion,
            rating=self.rating,
        )


@strawberry.input
class MatchFilter:
    skills: list[str] | None = strawberry.field(
        default=None, description="Rank for these skill keys instead of your learning goals."
    )
    outside_my_employer: bool = False
    language: str | None = None
    min_score: float = 0.0

    def to_graph(self) -> ranking.Filters:
        # One skill path per skill wanted: the list `skillPaths` is bounded by this one.
        if self.skills is not None and len(self.skills) > MAX_LEARNING_GOALS:
            raise BadInput(f"at most {MAX_LEARNING_GOALS} skills", field="filter.skills")
        return ranking.Filters(
            skills=tuple(self.skills) if self.skills is not None else None,
            outside_my_employer=self.outside_my_employer,
            language=self.language,
            min_score=self.min_score,
        )


@strawberry.type(description="One step of a learning path between two skills.")
class SkillStep:
    from_skill: str
    to_skill: str
    relation: str = strawberry.field(description="RELATED_TO or LEADS_TO.")
    weight: float | None


@strawberry.type(description="A learning path: the first skill leads, step by step, to the last.")
class SkillPath:
    skills: list[Skill] = strawberry.field(
        description="The skills along the path, in order.",
        extensions=[MaxItems(MAX_PATH_STEPS + 1)],
    )
    steps: list[SkillStep] = strawberry.field(extensions=[MaxItems(MAX_PATH_STEPS)])
    strength: float
    mentor_level: int | None = strawberry.field(
        description="In a match: the mentor's level in the path's first skill."
    )

    @classmethod
    def of(
        cls,
        skills: Iterable[SkillRecord],
        steps: Iterable[ranking.SkillStep],
        strength: float,
        *,
        mentor_level: int | None = None,
    ) -> SkillPath:
        return cls(
            skills=[Skill.from_record(skill) for skill in skills],
            steps=[_step(step) for step in steps],
            strength=strength,
            mentor_level=mentor_level,
        )

    @classmethod
    def from_record(cls, path: ranking.SkillPath, found: Found) -> SkillPath:
        skills = [found.skills[k] for k in path.skills if k in found.skills]
        return cls.of(skills, path.steps, path.strength)

    @classmethod
    def from_evidence(cls, evidence: ranking.SkillEvidence) -> SkillPath:
        return cls.of(
            evidence.skills, evidence.steps, evidence.strength, mentor_level=evidence.level
        )


def _step(step: ranking.SkillStep) -> SkillStep:
    return SkillStep(
        from_skill=step.from_skill,
        to_skill=step.to_skill,
        relation=step.relation,
        weight=step.weight,
    )


@strawberry.type(
    description=(
        "A mentor for the mentee, with the score explained. Its `id` names the pair (mentee, "
        "mentor): `node(id:)` ranks that pair again, with the default weights and filters, "
        "for the mentee (or an admin), and finds it only while `mentorMatches` would list it."
    )
)
class MentorMatch(Node):
    key: strawberry.Private[str]
    evidence: strawberry.Private[ranking.Evidence | None]
    mentor: Person
    score: float
    signals: list[MatchSignal] = strawberry.field(extensions=[MaxItems(len(SIGNAL_NAMES))])
    free_capacity: int

    @strawberry.field(
        description="Up to 3 people you both know (that you may see).",
        extensions=[MaxItems(MAX_MUTUAL_EVIDENCE)],
    )
    def mutual_connections(self) -> list[Person]:
        return [Person.from_record(p) for p in self._read_evidence().mutual_connections]

    @strawberry.field(
        description="How the mentor's skills lead to what you want to learn.",
        extensions=[MaxItems(MAX_LEARNING_GOALS)],
    )
    def skill_paths(self) -> list[SkillPath]:
        return [SkillPath.from_evidence(e) for e in self._read_evidence().skill_paths]

    @strawberry.field(
        description="Employers where you both worked at the same time.",
        extensions=[MaxItems(MAX_SHARED_EMPLOYERS)],
    )
    def shared_employers(self) -> list[Employer]:
        return [Employer.from_record(e) for e in self._read_evidence().shared_employers]

    def _read_evidence(self) -> ranking.Evidence:
        if self.evidence is None:
            # The resolver reads a match's evidence whenever the selection names one of
            # api.lookahead.MATCH_EVIDENCE: a field missing there shows up here.
            raise RuntimeError("this match was read without its evidence")
        return self.evidence

    @classmethod
    def from_record(cls, record: ranking.MentorMatch, *, mentee: str) -> MentorMatch:
        return cls(
            key=pair_key(mentee, record.key),
            evidence=record.evidence,
            mentor=Person.from_record(record.mentor),
            score=record.score,
            signals=[MatchSignal.from_record(s) for s in record.signals],
            free_capacity=record.free_capacity,
        )


@strawberry.type(
    description=(
        "Someone you may know, with what you have in common. Its `id` names the pair (you, "
        "them): `node(id:)` ranks that pair again, with the default weights, for you (or an "
        "admin), and finds it only while `suggestedConnections` would list it."
    )
)
class ConnectionSuggestion(Node):
    key: strawberry.Private[str]
    person: Person
    score: float
    mutual_count: int = strawberry.field(description="How many connections you share.")
    mutual_connections: list[Person] = strawberry.field(
        description="Up to 3 of the connections you share, closest-knit first.",
        extensions=[MaxItems(MAX_MUTUAL_EVIDENCE)],
    )

    @classmethod
    def from_record(
        cls, record: ranking.ConnectionSuggestion, *, person: str
    ) -> ConnectionSuggestion:
        return cls(
            key=pair_key(person, record.person.key),
            person=Person.from_record(record.person),
            score=record.score,
            mutual_count=record.mutual_count,
            mutual_connections=[Person.from_record(p) for p in record.mutual_connections],
        )


@strawberry.type(description="A skill still to learn on a learning path, with mentors for it.")
class LearningStep:
    skill: Skill
    mentors: list[Person] = strawberry.field(
        description="Up to mentorsPerStep mentors with this skill, highest level first.",
        extensions=[MaxItems(MAX_MENTORS_PER_STEP)],
    )

    @classmethod
    def from_record(cls, record: ranking.LearningStep) -> LearningStep:
        return cls(
            skill=Skill.from_record(record.skill),
            mentors=[Person.from_record(p) for p in record.mentors],
        )


@strawberry.type(description="A way from what you know to a skill you want to learn.")
class LearningPath:
    target: Skill = strawberry.field(description="The skill you want to learn.")
    start: Skill | None = strawberry.field(
        description="The skill you have where the path begins; null when none leads there."
    )
    path: SkillPath
    steps: list[LearningStep] = strawberry.field(
        description="Every skill of the path you do not have yet, in order.",
        extensions=[MaxItems(MAX_LEARNING_PATH_STEPS + 1)],
    )

    @classmethod
    def from_record(cls, record: ranking.LearningPath) -> LearningPath:
        return cls(
            target=Skill.from_record(record.target),
            start=Skill.from_record(record.start) if record.start else None,
            path=SkillPath.of(record.skills, record.steps, record.strength),
            steps=[LearningStep.from_record(step) for step in record.to_learn],
        )
