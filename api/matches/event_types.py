"""GraphQL types of match events."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from api.context import Info
from api.list_bounds import MaxItems
from api.matches.types import MatchSignal
from api.node import Node
from graph.errors import NotFound
from graph.events.domain import MatchEvent
from graph.pages import encode_cursor
from graph.ranking.signals import SIGNAL_NAMES

if TYPE_CHECKING:
    from api.people.types import Person

_PEOPLE = "api.people.types"


def event_cursor(seq: int) -> str:
    return encode_cursor((seq,))


@strawberry.type(
    description="A mentor who became a good match for a mentee; sent once per pair, ever."
)
class MentorMatchEvent(Node):
    key: strawberry.Private[str]
    cursor: str = strawberry.field(
        description=(
            "Where this event lies in its mentee's events, the same value as its "
            "`matchEvents` edge's cursor: pass it as `mentorMatchAdded(after:)` (or "
            "`matchEvents(after:)`) to resume after this event."
        )
    )
    at: dt.datetime
    score: float
    signals: list[MatchSignal] = strawberry.field(extensions=[MaxItems(len(SIGNAL_NAMES))])
    mentee_key: strawberry.Private[str]
    mentor_key: strawberry.Private[str]

    @classmethod
    def from_record(cls, record: MatchEvent) -> MentorMatchEvent:
        return cls(
            key=record.key,
            cursor=event_cursor(record.seq),
            at=record.at,
            score=record.score,
            signals=[MatchSignal.from_record(signal) for signal in record.signals],
            mentee_key=record.mentee,
            mentor_key=record.mentor,
        )

    @strawberry.field
    async def mentee(self, info: Info) -> Annotated[Person, strawberry.lazy(_PEOPLE)]:
        return await _person(info, self.mentee_key)

    @strawberry.field
    async def mentor(self, info: Info) -> Annotated[Person, strawberry.lazy(_PEOPLE)]:
        return await _person(info, self.mentor_key)


async def _person(info: Info, key: str) -> Person:
    """Read fresh, batched with every other subscriber's (`graph.events.person_batcher`)."""
    from api.people.types import Person

    record = await info.context.events.people.load(key)
    if record is None:
        raise NotFound(f"no person {key!r}")
    return Person.from_record(record)
