"""GraphQL types of mentor matches, connection suggestions and skill paths."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.employers.types import Employer
from api.list_bounds import MaxItems
from api.pagination import Connection, Edge, PageInfo
from api.people.types import Person
from api.skills.types import Skill
from graph.errors import BadInput
from graph.lookups import Found
from graph.ranking import types as ranking
from graph.skills import MAX_LEARNING_GOALS

SIGNALS = ("social", "skills", "employer", "availability")
MAX_MUTUAL_EVIDENCE = 3
"""As `LIMIT 3` in queries/ranking/mentor_matches.cypher."""
MAX_PATH_STEPS = 6
"""As `{0,6}` in queries/ranking/skill_path.cypher; matches use at most 2."""
MAX_SHARED_EMPLOYERS = 20


@strawberry.type(description="One signal of a match: its raw value and its share of the score.")
class MatchSignal:
    name: str = strawberry.field(description="social, skills, employer or availability.")
    value: float
    share: float = strawberry.field(description="Share of the score, in [0, 1].")


@strawberry.input(description="How much each signal counts; defaults are in docs/ranking.md.")
class MatchWeights:
    social: float = ranking.DEFAULT_WEIGHTS.social
    skills: float = ranking.DEFAULT_WEIGHTS.skills
    employer: float = ranking.DEFAULT_WEIGHTS.employer
    availability: float = ranking.DEFAULT_WEIGHTS.availability

    def to_graph(self) -> ranking.Weights:
        return ranking.Weights(
            social=self.social,
            skills=self.skills,
            employer=self.employer,
            availability=self.availability,
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
    def from_record(cls, path: ranking.SkillPath, found: Found) -> SkillPath:
        return cls(
            skills=[Skill.from_record(found.skills[k]) for k in path.skills if k in found.skills],
            steps=[_step(step) for step in path.steps],
            strength=path.strength,
            mentor_level=None,
        )

    @classmethod
    def from_evidence(cls, evidence: ranking.SkillEvidence) -> SkillPath:
        return cls(
            skills=[Skill.from_record(skill) for skill in evidence.skills],
            steps=[_step(step) for step in evidence.steps],
            strength=evidence.strength,
            mentor_level=evidence.level,
        )


def _step(step: ranking.SkillStep) -> SkillStep:
    return SkillStep(
        from_skill=step.from_skill,
        to_skill=step.to_skill,
        relation=step.relation,
        weight=step.weight,
    )


def _signals(match: ranking.MentorMatch) -> list[MatchSignal]:
    return [
        MatchSignal(name=n, value=getattr(match.signals, n), share=getattr(match.shares, n))
        for n in SIGNALS
    ]


@strawberry.type(description="A mentor for the mentee, with the score explained.")
class MentorMatch:
    mentor: Person
    score: float
    signals: list[MatchSignal] = strawberry.field(extensions=[MaxItems(len(SIGNALS))])
    free_capacity: int
    mutual_connections: list[Person] = strawberry.field(
        description="Up to 3 people you both know (that you may see).",
        extensions=[MaxItems(MAX_MUTUAL_EVIDENCE)],
    )
    skill_paths: list[SkillPath] = strawberry.field(
        description="How the mentor's skills lead to what you want to learn.",
        extensions=[MaxItems(MAX_LEARNING_GOALS)],
    )
    shared_employers: list[Employer] = strawberry.field(
        description="Employers where you both worked at the same time.",
        extensions=[MaxItems(MAX_SHARED_EMPLOYERS)],
    )

    @classmethod
    def from_record(cls, record: ranking.MentorMatch) -> MentorMatch:
        evidence = record.evidence
        return cls(
            mentor=Person.from_record(record.mentor),
            score=record.score,
            signals=_signals(record),
            free_capacity=record.free_capacity,
            mutual_connections=[Person.from_record(p) for p in evidence.mutual_connections],
            skill_paths=[SkillPath.from_evidence(e) for e in evidence.skill_paths],
            shared_employers=[Employer.from_record(e) for e in evidence.shared_employers],
        )


def match_connection(page: ranking.MatchPage) -> Connection[MentorMatch]:
    """The ranking's own (score, key) cursors become the edges' cursors."""
    edges = [Edge(cursor=m.cursor, node=MentorMatch.from_record(m)) for m in page.matches]
    info = PageInfo(has_next_page=page.has_next_page, end_cursor=page.end_cursor)
    return Connection(edges=edges, page_info=info)


@strawberry.type(description="Someone you may know.")
class ConnectionSuggestion:
    record: strawberry.Private[ranking.ConnectionSuggestion]
    score: float
    mutual_count: int

    @strawberry.field
    async def person(self, info: Info) -> Person | None:
        found = await info.context.loaders.person.load(self.record.key)
        return Person.from_record(found) if found else None
