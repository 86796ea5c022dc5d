"""Mentor ranking and its relatives: who to ask, who to meet, what to learn next.

Each function is one statement in `queries/ranking/` and one round trip. The
scoring is documented in `docs/ranking.md` and in each statement's header.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.cursor import ScoreCursor, after_params
from graph.database import Database
from graph.employers import Employer
from graph.errors import BadInput, NotFound
from graph.people import Person
from graph.registry import statement
from graph.skills import Skill

_MENTOR_MATCHES = statement("ranking/mentor_matches")
_SUGGESTED_CONNECTIONS = statement("ranking/suggested_connections")
_SKILL_PATH = statement("ranking/skill_path")
_LEARNING_PATHS = statement("ranking/learning_paths")

MAX_FIRST = 100
DEFAULT_HUB_DEGREE_CAP = 300
"""Connections with more connections than this are not expanded (see docs/ranking.md)."""


@dataclass(frozen=True)
class Weights:
    """How much each signal counts in a mentor match; every value must be >= 0."""

    social: float = 2.0
    skills: float = 1.0
    employer: float = 0.5
    availability: float = 0.2
    third_hop_decay: float = 0.0
    """Weight of three-step social paths relative to mutual connections; 0 turns them off."""
    skill_decay: float = 0.5
    """Factor per step between the mentor's skill and the wanted one, in [0, 1]."""


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
class Signals:
    """One value per signal: raw values, or each signal's share of the score."""

    social: float
    skills: float
    employer: float
    availability: float


@dataclass(frozen=True)
class PersonRef:
    key: str
    name: str


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
    signals: Signals
    shares: Signals
    free_capacity: int
    evidence: Evidence
    cursor: str

    @property
    def key(self) -> str:
        return self.mentor.key


@dataclass(frozen=True)
class MatchPage:
    matches: tuple[MentorMatch, ...]
    has_next_page: bool
    end_cursor: str | None


@dataclass(frozen=True)
class ConnectionSuggestion:
    key: str
    name: str
    headline: str
    score: float
    mutual_count: int
    mutual_connections: tuple[PersonRef, ...]
    cursor: str


@dataclass(frozen=True)
class SuggestionPage:
    suggestions: tuple[ConnectionSuggestion, ...]
    has_next_page: bool
    end_cursor: str | None


@dataclass(frozen=True)
class SkillPath:
    """A learning path: `skills[0]` leads, step by step, to `skills[-1]`."""

    skills: tuple[str, ...]
    steps: tuple[SkillStep, ...]
    strength: float
    """Product of the `RELATED_TO` weights along the path (1 for `LEADS_TO`)."""


@dataclass(frozen=True)
class LearningStep:
    skill: str
    name: str
    mentors: tuple[PersonRef, ...]
    """Mentors the mentee could ask for this step (same exclusions as matches)."""


@dataclass(frozen=True)
class LearningPath:
    target: str
    start: str | None
    """The skill the mentee already has where the path begins; `None` if none leads there."""
    path: SkillPath
    steps: tuple[LearningStep, ...]
    """Every skill of the path the mentee does not have yet, in order, with mentors."""


async def mentor_matches(
    database: Database,
    mentee_key: str,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    filters: Filters = DEFAULT_FILTERS,
    first: int = 10,
    after: str | None = None,
    hub_degree_cap: int = DEFAULT_HUB_DEGREE_CAP,
) -> MatchPage:
    """The best mentors for a mentee, best first, each with its score explained.

    Raises `BadInput` for a bad page size, weight, filter or cursor and `NotFound`
    for an unknown mentee.
    """
    params = match_parameters(
        mentee_key,
        weights=weights,
        filters=filters,
        first=first,
        after=after,
        hub_degree_cap=hub_degree_cap,
    )
    (row,) = await database.read(_MENTOR_MATCHES, params)
    if not row["found"]:
        raise NotFound(f"no person {mentee_key!r}")
    matches = tuple(_match(item) for item in row["matches"][:first])
    return MatchPage(
        matches=matches,
        has_next_page=len(row["matches"]) > first,
        end_cursor=matches[-1].cursor if matches else None,
    )


def match_parameters(
    mentee_key: str,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    filters: Filters = DEFAULT_FILTERS,
    first: int = 10,
    after: str | None = None,
    hub_degree_cap: int = DEFAULT_HUB_DEGREE_CAP,
) -> dict[str, Any]:
    """The checked parameters of `ranking/mentor_matches` (for benchmarks and PROFILE)."""
    _check_first(first)
    _check_weights(weights)
    _check_filters(filters)
    _check_cap(hub_degree_cap)
    return {
        "menteeKey": mentee_key,
        "socialWeight": weights.social,
        "skillWeight": weights.skills,
        "employerWeight": weights.employer,
        "availabilityWeight": weights.availability,
        "thirdHopDecay": weights.third_hop_decay,
        "skillDecay": weights.skill_decay,
        "hubDegreeCap": hub_degree_cap,
        "skills": None if filters.skills is None else list(filters.skills),
        "outsideMyEmployer": filters.outside_my_employer,
        "language": filters.language,
        "minScore": filters.min_score,
        "first": first,
        "after": after_params(after),
    }


async def suggested_connections(
    database: Database,
    person_key: str,
    *,
    weights: ConnectionWeights = DEFAULT_CONNECTION_WEIGHTS,
    first: int = 10,
    after: str | None = None,
    hub_degree_cap: int = DEFAULT_HUB_DEGREE_CAP,
) -> SuggestionPage:
    """People you may know: not yet connected, visible, ranked by mutual connections."""
    _check_first(first)
    _check_nonnegative(weights, "weights")
    _check_cap(hub_degree_cap)
    params = {
        "personKey": person_key,
        "socialWeight": weights.social,
        "employerWeight": weights.employer,
        "schoolWeight": weights.school,
        "skillWeight": weights.skills,
        "hubDegreeCap": hub_degree_cap,
        "first": first,
        "after": after_params(after),
    }
    (row,) = await database.read(_SUGGESTED_CONNECTIONS, params)
    if not row["found"]:
        raise NotFound(f"no person {person_key!r}")
    suggestions = tuple(_suggestion(item) for item in row["suggestions"][:first])
    return SuggestionPage(
        suggestions=suggestions,
        has_next_page=len(row["suggestions"]) > first,
        end_cursor=suggestions[-1].cursor if suggestions else None,
    )


async def skill_path(database: Database, from_skill: str, to_skill: str) -> SkillPath | None:
    """The shortest learning path between two skills (strongest first among equals).

    `None` when no path of at most 6 steps joins them; `NotFound` for an unknown skill.
    """
    (row,) = await database.read(_SKILL_PATH, {"fromSkill": from_skill, "toSkill": to_skill})
    for key, found in ((from_skill, row["fromFound"]), (to_skill, row["toFound"])):
        if not found:
            raise NotFound(f"no skill {key!r}")
    return None if row["path"] is None else _skill_path(row["path"])


async def learning_paths(
    database: Database,
    mentee_key: str,
    *,
    skills: Sequence[str] | None = None,
    mentors_per_step: int = 3,
) -> tuple[LearningPath, ...]:
    """For each wanted skill (or each of `skills`), the path from what the mentee knows.

    Each step names up to `mentors_per_step` mentors the mentee could ask.
    """
    if not 0 <= mentors_per_step <= 10:
        raise BadInput("mentors per step must be between 0 and 10", field="mentorsPerStep")
    params = {
        "menteeKey": mentee_key,
        "skills": None if skills is None else list(skills),
        "mentorsPerStep": mentors_per_step,
    }
    (row,) = await database.read(_LEARNING_PATHS, params)
    if not row["found"]:
        raise NotFound(f"no person {mentee_key!r}")
    return tuple(
        LearningPath(
            target=item["target"],
            start=item["start"],
            path=_skill_path(item["path"]),
            steps=tuple(
                LearningStep(
                    skill=step["skill"],
                    name=step["name"] or "",
                    mentors=tuple(_person(p) for p in step["mentors"]),
                )
                for step in item["steps"]
            ),
        )
        for item in row["paths"]
    )


def _check_first(first: int) -> None:
    if isinstance(first, bool) or not isinstance(first, int) or not 1 <= first <= MAX_FIRST:
        raise BadInput(f"first must be between 1 and {MAX_FIRST}", field="first")


def _check_cap(cap: int) -> None:
    if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
        raise BadInput("the hub degree cap must be a positive integer", field="hubDegreeCap")


def _check_nonnegative(values: object, field: str) -> None:
    for name, value in vars(values).items():
        if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
            raise BadInput(f"{name} must be a finite number >= 0", field=f"{field}.{name}")


def _check_weights(weights: Weights) -> None:
    _check_nonnegative(weights, "weights")
    if weights.skill_decay > 1:
        raise BadInput("skill_decay must be at most 1", field="weights.skill_decay")


def _check_filters(filters: Filters) -> None:
    if filters.skills is not None and (
        not filters.skills or not all(isinstance(k, str) and k for k in filters.skills)
    ):
        raise BadInput("skills must name at least one skill key", field="filters.skills")
    if not math.isfinite(filters.min_score):
        raise BadInput("min_score must be a finite number", field="filters.min_score")


def _person(item: dict[str, Any]) -> PersonRef:
    return PersonRef(key=item["key"], name=item.get("name") or "")


def _step(item: dict[str, Any]) -> SkillStep:
    return SkillStep(
        from_skill=item["from"],
        to_skill=item["to"],
        relation=item["relation"],
        weight=item["weight"] if item["relation"] == "RELATED_TO" else None,
    )


def _skill_path(item: dict[str, Any]) -> SkillPath:
    return SkillPath(
        skills=tuple(item["skills"]),
        steps=tuple(_step(s) for s in item["steps"]),
        strength=float(item["strength"]),
    )


def _signals(item: dict[str, Any]) -> Signals:
    return Signals(
        social=float(item["social"]),
        skills=float(item["skills"]),
        employer=float(item["employer"]),
        availability=float(item["availability"]),
    )


def _match(item: dict[str, Any]) -> MentorMatch:
    return MentorMatch(
        mentor=Person.from_row(item["mentor"]),
        score=float(item["score"]),
        signals=_signals(item),
        shares=_signals(item["shares"]),
        free_capacity=int(item["freeCapacity"]),
        evidence=Evidence(
            mutual_connections=tuple(Person.from_row(p) for p in item["mutualConnections"]),
            skill_paths=tuple(
                SkillEvidence(
                    target=p["target"],
                    skill=p["skill"],
                    level=int(p["level"] or 1),
                    strength=float(p["strength"]),
                    steps=tuple(_step(s) for s in p["steps"]),
                    skills=tuple(Skill.from_row(s) for s in p["skills"]),
                )
                for p in item["skillPaths"]
            ),
            shared_employers=tuple(Employer.from_row(e) for e in item["sharedEmployers"]),
        ),
        cursor=ScoreCursor(float(item["score"]), item["key"]).encode(),
    )


def _suggestion(item: dict[str, Any]) -> ConnectionSuggestion:
    return ConnectionSuggestion(
        key=item["key"],
        name=item["name"] or "",
        headline=item["headline"] or "",
        score=float(item["score"]),
        mutual_count=int(item["mutualCount"]),
        mutual_connections=tuple(_person(p) for p in item["mutualConnections"]),
        cursor=ScoreCursor(float(item["score"]), item["key"]).encode(),
    )
