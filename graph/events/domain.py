"""Domain events, and the match events they lead to.

A domain event says what a committed write changed (a mentor opened up, a skill
was added, two people connected, …). It is published only after the write has
committed, so whoever reacts reads the new state. The match watcher turns domain
events into `MatchEvent`s, which are recorded in the graph with a cursor (`seq`)
before they are sent: the graph, not the bus, is the record of what was sent.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Protocol, TypeAlias

from graph.ranking.signals import Signal


@dataclass(frozen=True)
class MentorChanged:
    """A mentor opted in or out, or changed capacity (`setMentorPreferences`)."""

    mentor: str


@dataclass(frozen=True)
class SkillAdded:
    """A person gained a skill or changed its level (`addSkill`)."""

    person: str
    skill: str


@dataclass(frozen=True)
class SkillRemoved:
    """A person no longer lists a skill (`removeSkill`)."""

    person: str
    skill: str


@dataclass(frozen=True)
class GoalsChanged:
    """A mentee set their learning goals."""

    mentee: str


@dataclass(frozen=True)
class Connected:
    """Two people became connected."""

    a: str
    b: str


@dataclass(frozen=True)
class Disconnected:
    """Two people are no longer connected (`removeConnection`)."""

    a: str
    b: str


@dataclass(frozen=True)
class RequestUpdated:
    """A mentorship request was created or changed state (ACCEPTED starts a mentorship)."""

    request: str
    mentee: str
    mentor: str
    state: str


@dataclass(frozen=True)
class MentorshipEnded:
    """An active mentorship ended: the mentor has a slot free, the mentee may match them again."""

    mentee: str
    mentor: str


@dataclass(frozen=True)
class BlockChanged:
    """`by` blocked or unblocked `person` (exclusions apply both ways)."""

    by: str
    person: str
    blocked: bool


@dataclass(frozen=True)
class ProfileChanged:
    """A person changed what matching reads of their profile: visibility, seekingMentor,
    languages (`updateProfile`)."""

    person: str


@dataclass(frozen=True)
class HoldChanged:
    """A person was held from matching, or released (reports and their resolution)."""

    person: str


@dataclass(frozen=True)
class PersonDeleted:
    """A person deleted their account. Their connections are gone from the graph with them,
    so the change carries them (at most the fan-out; `truncated` says there were more)."""

    person: str
    connections: tuple[str, ...]
    truncated: bool


DomainEvent: TypeAlias = (
    MentorChanged
    | SkillAdded
    | SkillRemoved
    | GoalsChanged
    | Connected
    | Disconnected
    | RequestUpdated
    | MentorshipEnded
    | BlockChanged
    | ProfileChanged
    | HoldChanged
    | PersonDeleted
)
"""Every kind of committed change that can change someone's matches (the change log's kinds)."""


def match_topic(mentee: str) -> str:
    """The bus topic of a mentee's new matches."""
    return f"match:{mentee}"


def request_topic(person: str) -> str:
    """The bus topic of the mentorship requests a person sent or received."""
    return f"request:{person}"


@dataclass(frozen=True)
class MatchEvent:
    """A mentor who became a good match for a mentee, recorded once per pair."""

    key: str
    seq: int
    """The cursor: global, increasing, committed in order."""
    prev: int
    """The mentee's previous event's `seq` (0 for the first): a live subscriber whose last
    event is not `prev` has missed one and reads the store instead."""
    at: dt.datetime
    mentee: str
    mentor: str
    score: float
    signals: tuple[Signal, ...]

    def to_message(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "seq": self.seq,
            "prev": self.prev,
            "at": self.at.isoformat(),
            "mentee": self.mentee,
            "mentor": self.mentor,
            "score": self.score,
            "signals": signals_json(self.signals),
        }

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> MatchEvent:
        return cls(
            key=message["key"],
            seq=int(message["seq"]),
            prev=int(message["prev"]),
            at=dt.datetime.fromisoformat(message["at"]),
            mentee=message["mentee"],
            mentor=message["mentor"],
            score=float(message["score"]),
            signals=parse_signals(message["signals"]),
        )


def signals_json(signals: tuple[Signal, ...]) -> str:
    """Signals as stored on a `MatchEvent` node: JSON text, one object per signal."""
    return json.dumps(
        [{"name": s.name, "value": s.value, "share": s.share} for s in signals],
        separators=(",", ":"),
    )


def parse_signals(text: str | None) -> tuple[Signal, ...]:
    items: list[dict[str, Any]] = json.loads(text) if text else []
    return tuple(
        Signal(name=str(i["name"]), value=float(i["value"]), share=float(i["share"])) for i in items
    )


class _Request(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def mentee(self) -> str: ...
    @property
    def mentor(self) -> str: ...
    @property
    def state(self) -> str: ...


def request_updated(request: _Request) -> RequestUpdated:
    """The event of a mentorship request as it now stands."""
    return RequestUpdated(
        request=request.key, mentee=request.mentee, mentor=request.mentor, state=request.state
    )
