"""What the ranking statements take and return: weights, filters, matches, paths."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.employers import Employer
from graph.people import Person
from graph.ranking.signals import Signal
from graph.skills import Skill


@dataclass(frozen=True)
class Weights:
    """How much each signal counts in a mentor match; every value must be >= 0."""

    social: float = 2.0
    skills: float = 1.0
    employer: float = 0.5
    availability: float = 0.2
    acceptance: float = 0.3
    """The mentor's track record (graph/outcomes.py): how many of the requests and proposals
    they answered they accepted."""
    completion: float = 0.3
    """How many of the mentorships they mentored ended COMPLETED rather than CANCELLED."""
    rating: float = 0.3
    """How their mentees rated them. The three weigh less together than one strong skill."""
    third_hop_decay: float = 0.0
    """Weight of three-step social paths relative to mutual connections; 0 turns them off."""
    skill_decay: float = 0.5
    """Factor per step between the mentor's skill and the wanted one, in [0, 1]."""

    def params(self) -> dict[str, float]:
        """The ranking statements' weight parameters."""
        return {
            "socialWeight": self.social,
            "skillWeight": self.skills,
            "employerWeight": self.employer,
            "availabilityWeight": self.availability,
            "acceptanceWeight": self.acceptance,
            "completionWeight": self.completion,
            "ratingWeight": self.rating,
            "thirdHopDecay": self.third_hop_decay,
            "skillDecay": self.skill_decay,
        }


@dataclass(frozen=True)
class Filters:
    skills: tuple[str, ...] | None = None
    """Rank for these skills instead of the mentee's learning goals (each match teaches one)."""
    outside_my_employer: bool = False
    language: str | None = None
    min_score: float = 0.0


@dataclass(frozen=True)
class ConnectionWeights:
    """People-you-may-know: mutual connections, plus optional shared places and skills."""

    social: float = 1.0
    employer: float = 0.0
    school: float = 0.0
    skills: float = 0.0


DEFAULT_WEIGHTS = Weights()
DEFAULT_FILTERS = Filters()
DEFAULT_CONNECTION_WEIGHTS = ConnectionWeights()
SHARED_PLACES_WEIGHTS = ConnectionWeights(social=1.0, employer=1.0, school=0.5, skills=0.25)
"""Resource allocation plus shared employers, schools and skills: the weights that beat
plain resource allocation at link prediction on ego-Facebook (BENCHMARKS.md, Ranking)."""


@dataclass(frozen=True)
class SkillStep:
    from_skill: str
    to_skill: str
    relation: str
    """`RELATED_TO` (either way) or `LEADS_TO` (forwards)."""
    weight: float | None
    """The `RELATED_TO` weight; `None` for `LEADS_TO`."""


@dataclass(frozen=True)
class SkillEvidence:
    """How one of the mentor's skills reaches one wanted skill."""

    target: str
    skill: str
    level: int
    strength: float
    steps: tuple[SkillStep, ...]
    skills: tuple[Skill, ...]
    """The path's skills in order: `skill` first, `target` last."""


@dataclass(frozen=True)
class Evidence:
    mutual_connections: tuple[Person, ...]
    """Up to 3 shared connections the mentee may see, closest-knit first."""
    skill_paths: tuple[SkillEvidence, ...]
    shared_employers: tuple[Employer, ...]


@dataclass(frozen=True)
class MentorMatch:
    """A mentor with the score explained; every node comes with its properties, so a
    page of matches needs no second lookup."""

    mentor: Person
    score: float
    signals: tuple[Signal, ...]
    free_capacity: int
    evidence: Evidence | None
    """`None` when it was not read: a stored page read for a selection that shows none."""

    @property
    def key(self) -> str:
        return self.mentor.key


@dataclass(frozen=True)
class ConnectionSuggestion:
    """Someone the person may know, with their properties (a page needs no second lookup)."""

    person: Person
    score: float
    mutual_count: int
    mutual_connections: tuple[Person, ...]
    """Up to 3 shared connections, closest-knit first."""

    @property
    def key(self) -> str:
        return self.person.key


@dataclass(frozen=True)
class SkillPath:
    """A learning path: `skills[0]` leads, step by step, to `skills[-1]`."""

    skills: tuple[str, ...]
    steps: tuple[SkillStep, ...]
    strength: float
    """Product of the `RELATED_TO` weights along the path (1 for `LEADS_TO`)."""


@dataclass(frozen=True)
class LearningStep:
    skill: Skill
    mentors: tuple[Person, ...]
    """Mentors the mentee could ask for this step (same exclusions as matches)."""


@dataclass(frozen=True)
class LearningPath:
    target: Skill
    start: Skill | None
    """The skill the mentee already has where the path begins; `None` if none leads there."""
    skills: tuple[Skill, ...]
    """The path's skills in order: `start` (if any) first, `target` last."""
    steps: tuple[SkillStep, ...]
    strength: float
    """Product of the `RELATED_TO` weights along the path (1 for `LEADS_TO`)."""
    to_learn: tuple[LearningStep, ...]
    """Every skill of the path the mentee does not have yet, in order, with mentors."""


def step_from_row(item: dict[str, Any]) -> SkillStep:
    return SkillStep(
        from_skill=item["from"],
        to_skill=item["to"],
        relation=item["relation"],
        weight=item["weight"] if item["relation"] == "RELATED_TO" else None,
    )


def skill_path_from_row(item: dict[str, Any]) -> SkillPath:
    return SkillPath(
        skills=tuple(item["skills"]),
        steps=tuple(step_from_row(s) for s in item["steps"]),
        strength=float(item["strength"]),
    )
