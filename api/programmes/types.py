"""GraphQL types of programmes, their members and their mentorships."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.context import Info
from api.list_bounds import MaxItems
from api.node import Node
from api.pagination import Connection, connection, paged
from api.people.types import Person, person_by_key
from api.programmes.enums import (
    ProgrammeMentorshipState,
    ProgrammeRole,
    ProgrammeState,
    ProgrammeTemplate,
    ProgrammeVisibility,
)
from api.programmes.permissions import IsProgrammeAdmin
from graph.pages import Window, read_key
from graph.programmes import feedback, pairings, programmes, progress
from graph.programmes.templates import TEMPLATES

MAX_STEPS = max(len(t.steps) for t in TEMPLATES.values())
MAX_GOALS = 10


@strawberry.type(description="A step of a template: what to do, and when after the start.")
class TemplateStep:
    title: str
    week: int = strawberry.field(description="Weeks after a mentorship starts that it is due.")


@strawberry.type(description="A guided step of a programme mentorship.")
class GuidedStep:
    index: int = strawberry.field(description="Its place in the template, from 0.")
    title: str
    due_on: dt.date = strawberry.field(description="The mentorship's start plus the step's week.")
    done_at: dt.datetime | None = strawberry.field(description="When a side marked it done.")

    @classmethod
    def from_record(cls, record: progress.GuidedStep) -> GuidedStep:
        return cls(
            index=record.index, title=record.title, due_on=record.due_on, done_at=record.done_at
        )


@strawberry.type(description="A check-in either side of a programme mentorship logged.")
class CheckIn:
    key: str
    on: dt.date = strawberry.field(description="The day it took place.")
    note: str
    logged_at: dt.datetime
    by_key: strawberry.Private[str]

    @classmethod
    def from_record(cls, record: progress.CheckIn) -> CheckIn:
        return cls(
            key=record.key, on=record.on, note=record.note, logged_at=record.at, by_key=record.by
        )

    @strawberry.field(description="Who logged it (null if you may not see them).")
    async def by(self, info: Info) -> Person | None:
        return await person_by_key(info, self.by_key)


@strawberry.type(
    description="A pair inside a programme: proposed by an admin, answered by both, then run "
    "through its guided steps. Seen by its two sides and the programme's admins who may see "
    "both."
)
class ProgrammeMentorship(Node):
    record: strawberry.Private[pairings.Pairing]
    key: str
    state: ProgrammeMentorshipState
    programme_key: str = strawberry.field(description="The programme's key.")
    mentor_accepted: bool | None = strawberry.field(description="The mentor's answer, if any.")
    mentee_accepted: bool | None = strawberry.field(description="The mentee's answer, if any.")
    proposed_at: dt.datetime
    started_on: dt.date | None = strawberry.field(description="When both had accepted.")
    ended_at: dt.datetime | None

    @classmethod
    def from_record(cls, record: pairings.Pairing) -> ProgrammeMentorship:
        return cls(
            record=record,
            key=record.key,
            state=ProgrammeMentorshipState(record.state),
            programme_key=record.programme,
            mentor_accepted=record.mentor_accepted,
            mentee_accepted=record.mentee_accepted,
            proposed_at=record.proposed_at,
            started_on=record.started_on,
            ended_at=record.ended_at,
        )

    @strawberry.field(description="The mentor (null if you may not see them).")
    async def mentor(self, info: Info) -> Person | None:
        return await person_by_key(info, self.record.mentor)

    @strawberry.field(description="The mentee (null if you may not see them).")
    async def mentee(self, info: Info) -> Person | None:
        return await person_by_key(info, self.record.mentee)

    @strawberry.field(
        description="The template's guided steps, by index, from the start (none before).",
        extensions=[MaxItems(MAX_STEPS)],
    )
    async def steps(self, info: Info) -> list[GuidedStep]:
        found = await info.context.loaders.programme_steps.load(self.key)
        return [GuidedStep.from_record(step) for step in found]

    @strawberry.field(description="Check-ins, newest first.")
    @paged(read_key)
    async def check_ins(self, info: Info, window: Window[str]) -> Connection[CheckIn]:
        found = await progress.check_ins_of_pairing(info.context.database, self.key, window)
        return connection(found, window, lambda c: (c.key,), CheckIn.from_record)


@strawberry.type(description="A member of a programme, on one side.")
class ProgrammeMember:
    person: Person
    role: ProgrammeRole
    capacity: int | None = strawberry.field(description="A mentor's places in this programme.")
    goals: list[str] = strawberry.field(
        description="A mentee's goals for this programme (skill keys): what matching inside "
        "it ranks for.",
        extensions=[MaxItems(MAX_GOALS)],
    )

    @classmethod
    def from_record(cls, record: programmes.Member) -> ProgrammeMember:
        return cls(
            person=Person.from_record(record.person),
            role=ProgrammeRole(record.role),
            capacity=record.capacity,
            goals=list(record.goals),
        )


@strawberry.type(
    description="A programme's feedback, pooled and never attributed. Below 3 people having "
    "answered, only how many did: a mean, a distribution or a text of one or two answers "
    "would tell whose they are (docs/programmes.md)."
)
class ProgrammeFeedback:
    answers: int = strawberry.field(description="How many people answered.")
    mean_rating: float | None = strawberry.field(description="From 3 answers: the mean, 1-5.")
    distribution: list[int] = strawberry.field(
        description="From 3 answers: how many ratings of 1, 2, 3, 4 and 5 (empty below).",
        extensions=[MaxItems(5)],
    )
    texts: list[str] = strawberry.field(
        description="From 3 answers: the texts, sorted, without who wrote them.",
        extensions=[MaxItems(1000)],
    )

    @classmethod
    def from_record(cls, record: feedback.FeedbackSummary) -> ProgrammeFeedback:
        return cls(
            answers=record.answers,
            mean_rating=record.mean,
            distribution=list(record.distribution or ()),
            texts=list(record.texts),
        )


@strawberry.type(
    description="A mentorship programme run by a community's admins: a cohort of mentors and "
    "mentees, matched inside it and walked through its template's guided steps."
)
class Programme(Node):
    record: strawberry.Private[programmes.Programme]
    key: str
    name: str
    template: ProgrammeTemplate
    starts_on: dt.date
    ends_on: dt.date
    visibility: ProgrammeVisibility
    state: ProgrammeState
    viewer_is_admin: bool = strawberry.field(description="Whether you admin this programme.")
    viewer_role: ProgrammeRole | None = strawberry.field(
        description="Your side in it, if you are a member."
    )

    @classmethod
    def from_record(cls, record: programmes.Programme) -> Programme:
        return cls(
            record=record,
            key=record.key,
            name=record.name,
            template=ProgrammeTemplate(record.template),
            starts_on=record.starts_on,
            ends_on=record.ends_on,
            visibility=ProgrammeVisibility(record.visibility),
            state=ProgrammeState(record.state),
            viewer_is_admin=record.viewer_is_admin,
            viewer_role=ProgrammeRole(record.viewer_role) if record.viewer_role else None,
        )

    @strawberry.field(
        description="The template's guided steps, in order.", extensions=[MaxItems(MAX_STEPS)]
    )
    def template_steps(self) -> list[TemplateStep]:
        steps = TEMPLATES[self.record.template].steps
        return [TemplateStep(title=s.title, week=s.week) for s in steps]

    @strawberry.field(description="Members you may see, by person key.")
    @paged(read_key)
    async def members(
        self, info: Info, window: Window[str], role: ProgrammeRole | None = None
    ) -> Connection[ProgrammeMember]:
        ctx = info.context
        found = await programmes.members_of_programme(
            ctx.database, self.key, ctx.viewer, window, role=role.value if role else None
        )
        return connection(found, window, lambda m: (m.person.key,), ProgrammeMember.from_record)

    @strawberry.field(
        description="Its mentorships and proposals, newest first: all of them for its admins, "
        "your own for a member."
    )
    @paged(read_key)
    async def mentorships(
        self, info: Info, window: Window[str], state: ProgrammeMentorshipState | None = None
    ) -> Connection[ProgrammeMentorship]:
        ctx = info.context
        found = await pairings.pairings_of_programme(
            ctx.database,
            self.key,
            ctx.viewer,
            window,
            admin=self.record.viewer_is_admin,
            state=state.value if state else None,
        )
        return connection(found, window, lambda p: (p.key,), ProgrammeMentorship.from_record)

    @strawberry.field(
        description="Its feedback, pooled (its admins only).",
        permission_classes=[IsProgrammeAdmin],
    )
    async def feedback(self, info: Info) -> ProgrammeFeedback:
        ctx = info.context
        found = await feedback.programme_feedback(ctx.database, self.key, ctx.viewer_key())
        return ProgrammeFeedback.from_record(found)
