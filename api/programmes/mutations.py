"""Programme mutations: each one call into `graph.programmes`, one transaction."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry

from api import validation
from api.context import Info
from api.list_bounds import MaxItems
from api.permissions import IsAuthenticated
from api.programmes.enums import (
    ProgrammeRole,
    ProgrammeState,
    ProgrammeTemplate,
    ProgrammeVisibility,
)
from api.programmes.types import MAX_GOALS, CheckIn, GuidedStep, Programme, ProgrammeMentorship
from graph.errors import BadInput
from graph.programmes import feedback, pairings, programmes, progress


@strawberry.input
class CreateProgrammeInput:
    name: str
    template: ProgrammeTemplate
    starts_on: dt.date
    ends_on: dt.date | None = strawberry.field(
        default=None, description="Default: the start plus the template's suggested weeks."
    )
    visibility: ProgrammeVisibility = ProgrammeVisibility.MEMBERS


@strawberry.enum(description="What adding someone to a programme makes them.")
class ProgrammeAddition(Enum):
    ADMIN = "ADMIN"
    INVITEE = "INVITEE"


@strawberry.input
class ProgrammeKeyInput:
    """The shape of every input that names one programme: its key, checked."""

    programme: str = strawberry.field(description="The programme's key.")

    def __post_init__(self) -> None:
        validation.key(self.programme, field="programme")


@strawberry.input
class ProgrammePersonInput(ProgrammeKeyInput):
    person: str = strawberry.field(description="The person's key.")
    as_: ProgrammeAddition = strawberry.field(name="as")

    def __post_init__(self) -> None:
        super().__post_init__()
        validation.key(self.person, field="person")


@strawberry.input
class JoinProgrammeInput(ProgrammeKeyInput):
    role: ProgrammeRole
    capacity: int | None = strawberry.field(
        default=None, description="A mentor's places in this programme (1 to 20)."
    )
    goals: list[str] = strawberry.field(
        default_factory=list, description="A mentee's goals for it: skill keys."
    )

    def __post_init__(self) -> None:
        super().__post_init__()
        if len(self.goals) > MAX_GOALS:
            raise BadInput(f"at most {MAX_GOALS} goals", field="goals")
        for goal in self.goals:
            validation.key(goal, field="goals")


@strawberry.input
class ProgrammeStateInput(ProgrammeKeyInput):
    state: ProgrammeState


@strawberry.input
class ProposedPair:
    mentor: str = strawberry.field(description="A MENTOR member's key.")
    mentee: str = strawberry.field(description="A MENTEE member's key.")

    def __post_init__(self) -> None:
        validation.key(self.mentor, field="mentor")
        validation.key(self.mentee, field="mentee")


@strawberry.input
class ProposePairsInput(ProgrammeKeyInput):
    pairs: list[ProposedPair] = strawberry.field(
        description=f"1 to {pairings.MAX_PAIRS} pairs, proposed all together or not at all."
    )


@strawberry.input
class ProgrammeMentorshipInput:
    mentorship: str = strawberry.field(description="The programme mentorship's key.")

    def __post_init__(self) -> None:
        validation.key(self.mentorship, field="mentorship")


@strawberry.input
class AnswerProposalInput(ProgrammeMentorshipInput):
    accept: bool


@strawberry.input
class CompleteStepInput(ProgrammeMentorshipInput):
    step: int = strawberry.field(description="The step's index.")


@strawberry.input
class LogCheckInInput(ProgrammeMentorshipInput):
    on: dt.date = strawberry.field(description="The day it took place.")
    note: str


@strawberry.input
class LeaveFeedbackInput(ProgrammeMentorshipInput):
    rating: int = strawberry.field(description="1 (poor) to 5 (excellent).")
    text: str | None = None


@strawberry.type
class ProgrammePayload:
    programme: Programme


@strawberry.type
class LeaveProgrammePayload:
    programme: Programme | None = strawberry.field(
        description="The programme as you now see it; null when it is members-only."
    )


@strawberry.type
class ProposePairsPayload:
    mentorships: list[ProgrammeMentorship] = strawberry.field(
        description="The proposals, in the order of the pairs.",
        extensions=[MaxItems(pairings.MAX_PAIRS)],
    )


@strawberry.type
class ProgrammeMentorshipPayload:
    mentorship: ProgrammeMentorship


@strawberry.type
class CompleteStepPayload:
    step: GuidedStep


@strawberry.type
class LogCheckInPayload:
    check_in: CheckIn


async def _mentorship(info: Info, key: str) -> ProgrammeMentorship:
    (found,) = await pairings.get_pairings(info.context.database, [key], info.context.viewer.key)
    assert found is not None  # the mutation has just written it, as one of its sides
    return ProgrammeMentorship.from_record(found)


@strawberry.type
class ProgrammesMutation:
    @strawberry.mutation(
        description="Start a DRAFT programme from a template; you are its first admin.",
        permission_classes=[IsAuthenticated],
    )
    async def create_programme(self, info: Info, input: CreateProgrammeInput) -> ProgrammePayload:
        ctx = info.context
        created = await programmes.create_programme(
            ctx.database,
            ctx.viewer_key(),
            name=validation.text(input.name, field="name", max_length=200, required=True) or "",
            template=input.template.value,
            starts_on=input.starts_on,
            ends_on=input.ends_on,
            visibility=input.visibility.value,
        )
        return ProgrammePayload(programme=Programme.from_record(created))

    @strawberry.mutation(
        description="Move your programme on: a DRAFT one to OPEN, an OPEN one to CLOSED (no "
        "more joins or proposals; its mentorships end, its proposals are cancelled). Its "
        "admins only; CONFLICT for any other move.",
        permission_classes=[IsAuthenticated],
    )
    async def set_programme_state(self, info: Info, input: ProgrammeStateInput) -> ProgrammePayload:
        ctx = info.context
        found = await programmes.set_programme_state(
            ctx.database, input.programme, ctx.viewer_key(), input.state.value
        )
        return ProgrammePayload(programme=Programme.from_record(found))

    @strawberry.mutation(
        description="Make someone you may see an admin of your programme (ADMIN), or invite "
        "them to it (INVITEE: a members-only programme becomes visible to them, so they may "
        "join it). Its admins only.",
        permission_classes=[IsAuthenticated],
    )
    async def add_to_programme(self, info: Info, input: ProgrammePersonInput) -> ProgrammePayload:
        ctx = info.context
        found = await programmes.add_person(
            ctx.database,
            input.programme,
            ctx.viewer_key(),
            input.person,
            as_="ADMINS" if input.as_ is ProgrammeAddition.ADMIN else "INVITED_TO",
        )
        return ProgrammePayload(programme=Programme.from_record(found))

    @strawberry.mutation(
        description="Join an OPEN programme you may see, as MENTOR (with a capacity) or MENTEE "
        "(with goals). NOT_FOUND for one you may not see.",
        permission_classes=[IsAuthenticated],
    )
    async def join_programme(self, info: Info, input: JoinProgrammeInput) -> ProgrammePayload:
        ctx = info.context
        found = await programmes.join_programme(
            ctx.database,
            input.programme,
            ctx.viewer_key(),
            role=input.role.value,
            capacity=input.capacity,
            goals=input.goals,
        )
        return ProgrammePayload(programme=Programme.from_record(found))

    @strawberry.mutation(
        description="Leave a programme (not while a mentorship of yours in it is ACTIVE); "
        "your open proposals in it are cancelled.",
        permission_classes=[IsAuthenticated],
    )
    async def leave_programme(self, info: Info, input: ProgrammeKeyInput) -> LeaveProgrammePayload:
        ctx = info.context
        found = await programmes.leave_programme(ctx.database, input.programme, ctx.viewer_key())
        return LeaveProgrammePayload(programme=Programme.from_record(found) if found else None)

    @strawberry.mutation(
        description="Propose pairs of your programme's mentors and mentees, all or none: "
        "CONFLICT over a mentor's programme capacity or for a pair the ranking excludes, "
        "CONFLICT when the programme is not OPEN.",
        permission_classes=[IsAuthenticated],
    )
    async def propose_programme_pairs(
        self, info: Info, input: ProposePairsInput
    ) -> ProposePairsPayload:
        ctx = info.context
        pairs = [pairings.Pair(mentor=p.mentor, mentee=p.mentee) for p in input.pairs]
        found = await pairings.propose_pairs(ctx.database, input.programme, ctx.viewer_key(), pairs)
        return ProposePairsPayload(mentorships=[ProgrammeMentorship.from_record(p) for p in found])

    @strawberry.mutation(
        description="Accept or decline a proposal made to you; when both sides have accepted, "
        "the mentorship starts (CONFLICT when the mentor has no free place left).",
        permission_classes=[IsAuthenticated],
    )
    async def answer_programme_proposal(
        self, info: Info, input: AnswerProposalInput
    ) -> ProgrammeMentorshipPayload:
        ctx = info.context
        found = await pairings.answer_proposal(
            ctx.database, input.mentorship, ctx.viewer_key(), accept=input.accept
        )
        return ProgrammeMentorshipPayload(mentorship=ProgrammeMentorship.from_record(found))

    @strawberry.mutation(
        description="End an ACTIVE mentorship of your programme (its admins only); then each "
        "side may leave feedback.",
        permission_classes=[IsAuthenticated],
    )
    async def end_programme_mentorship(
        self, info: Info, input: ProgrammeMentorshipInput
    ) -> ProgrammeMentorshipPayload:
        ctx = info.context
        found = await pairings.end_programme_mentorship(
            ctx.database, input.mentorship, ctx.viewer_key()
        )
        return ProgrammeMentorshipPayload(mentorship=ProgrammeMentorship.from_record(found))

    @strawberry.mutation(
        description="Mark a guided step of your ACTIVE programme mentorship done.",
        permission_classes=[IsAuthenticated],
    )
    async def complete_programme_step(
        self, info: Info, input: CompleteStepInput
    ) -> CompleteStepPayload:
        ctx = info.context
        found = await progress.complete_step(
            ctx.database, input.mentorship, ctx.viewer_key(), input.step
        )
        return CompleteStepPayload(step=GuidedStep.from_record(found))

    @strawberry.mutation(
        description="Log a check-in of your ACTIVE programme mentorship.",
        permission_classes=[IsAuthenticated],
    )
    async def log_programme_check_in(self, info: Info, input: LogCheckInInput) -> LogCheckInPayload:
        ctx = info.context
        note = validation.text(input.note, field="note", max_length=2000, required=True) or ""
        found = await progress.log_check_in(
            ctx.database, input.mentorship, ctx.viewer_key(), on=input.on, note=note
        )
        return LogCheckInPayload(check_in=CheckIn.from_record(found))

    @strawberry.mutation(
        description="Rate your ENDED programme mentorship (1-5, once), with an optional text: "
        "only the programme's admins see feedback, pooled and unattributed.",
        permission_classes=[IsAuthenticated],
    )
    async def leave_programme_feedback(
        self, info: Info, input: LeaveFeedbackInput
    ) -> ProgrammeMentorshipPayload:
        ctx = info.context
        text = validation.text(input.text, field="text", max_length=2000)
        await feedback.leave_feedback(
            ctx.database, input.mentorship, ctx.viewer_key(), rating=input.rating, text=text
        )
        return ProgrammeMentorshipPayload(mentorship=await _mentorship(info, input.mentorship))
