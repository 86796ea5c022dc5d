"""GraphQL types of staged whole-cohort assignment (graph/programmes/drafts.py)."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry

from api.context import Info
from api.list_bounds import MaxItems
from api.matches.types import MatchSignal
from api.node import Node
from api.pagination import Connection, connection, paged
from api.people.types import Person, person_by_key
from graph.pages import Window, read_key
from graph.programmes import drafts
from graph.ranking.signals import SIGNAL_NAMES


@strawberry.enum(description="Where a cohort draft stands.")
class CohortDraftState(Enum):
    DRAFT = "DRAFT"
    PUBLISHED = "PUBLISHED"
    DISCARDED = "DISCARDED"


@strawberry.type(description="A pair of a cohort draft, with its match score explained.")
class CohortPair:
    score: float = strawberry.field(description="The pair's match score, as the ranking gives it.")
    signals: list[MatchSignal] = strawberry.field(
        description="Each signal's value and share of the score.",
        extensions=[MaxItems(len(SIGNAL_NAMES))],
    )
    mentee_key: strawberry.Private[str]
    mentor_key: strawberry.Private[str]

    @classmethod
    def from_record(cls, record: drafts.DraftPair) -> CohortPair:
        return cls(
            score=record.score,
            signals=[MatchSignal.from_record(s) for s in record.signals],
            mentee_key=record.mentee,
            mentor_key=record.mentor,
        )

    @strawberry.field
    async def mentee(self, info: Info) -> Person | None:
        return await person_by_key(info, self.mentee_key)

    @strawberry.field
    async def mentor(self, info: Info) -> Person | None:
        return await person_by_key(info, self.mentor_key)


@strawberry.type(
    description="A proposed assignment of a programme's unmatched mentees to its mentors, "
    "for its admins to review, edit and publish; nobody is asked before it is published."
)
class CohortDraft(Node):
    key: str
    programme: str = strawberry.field(description="The programme's key.")
    state: CohortDraftState
    created_at: dt.datetime
    total_score: float = strawberry.field(
        description="The sum of the scores of its pairs you may see."
    )
    pair_count: int = strawberry.field(
        description="How many pairs it holds that you may see: a pair with someone hidden "
        "from you is not there for you."
    )
    spread: float = strawberry.field(
        description="How strongly demand was spread over mentors: each further mentee of one "
        "mentor counted this share of a typical match less (docs/programmes.md)."
    )
    unmatched_count: int = strawberry.field(
        description="How many of the cohort's mentees you may see this draft leaves without "
        "a mentor you may see."
    )

    @classmethod
    def from_record(cls, record: drafts.CohortDraft) -> CohortDraft:
        return cls(
            key=record.key,
            programme=record.programme,
            state=CohortDraftState(record.state),
            created_at=record.created_at,
            total_score=record.total_score,
            pair_count=record.pairs,
            spread=record.spread,
            unmatched_count=len(record.unmatched),
        )

    @strawberry.field(description="The draft's pairs you may see, by mentee key.")
    @paged(read_key)
    async def pairs(self, info: Info, window: Window[str]) -> Connection[CohortPair]:
        ctx = info.context
        found = await drafts.draft_pairs(ctx.database, self.key, ctx.viewer_key(), window)
        return connection(found, window, lambda p: (p.mentee,), CohortPair.from_record)
