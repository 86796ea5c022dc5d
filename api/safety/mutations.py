"""Blocking, reporting, and deleting one's account."""

from __future__ import annotations

import strawberry

from api import validation
from api.context import Info
from api.permissions import IsAdmin, IsAuthenticated
from api.safety.types import Report, ReportOutcome, ReportReason
from graph import safety


@strawberry.input
class BlockInput:
    person: str
    reason: str | None = None

    def __post_init__(self) -> None:
        validation.key(self.person, field="person")


@strawberry.input
class UnblockInput:
    person: str

    def __post_init__(self) -> None:
        validation.key(self.person, field="person")


@strawberry.input
class ReportInput:
    person: str
    reason: ReportReason
    details: str = ""

    def __post_init__(self) -> None:
        validation.key(self.person, field="person")


@strawberry.input
class ResolveReportInput:
    report: str
    outcome: ReportOutcome
    note: str

    def __post_init__(self) -> None:
        validation.key(self.report, field="report")


@strawberry.type(
    description=(
        "The same for any key, someone's or not: what the block ended (a connection, "
        "requests, a mentorship) shows in each party's own lists."
    )
)
class BlockPayload:
    person: str = strawberry.field(description="The key of the person blocked.")


@strawberry.type
class UnblockPayload:
    person: str


@strawberry.type
class ReportPayload:
    report: Report
    held_from_matching: bool


@strawberry.type
class DeleteAccountPayload:
    deleted: str = strawberry.field(description="The key of the deleted person.")


@strawberry.type
class SafetyMutation:
    @strawberry.mutation(
        description="Hide each of you from the other everywhere; ends what runs between you.",
        permission_classes=[IsAuthenticated],
    )
    async def block_person(self, info: Info, input: BlockInput) -> BlockPayload:
        reason = validation.text(input.reason, field="reason", max_length=500)
        await safety.block_person(
            info.context.database, info.context.viewer_key(), input.person, reason=reason
        )
        return BlockPayload(person=input.person)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def unblock_person(self, info: Info, input: UnblockInput) -> UnblockPayload:
        await safety.unblock_person(info.context.database, info.context.viewer_key(), input.person)
        return UnblockPayload(person=input.person)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def report_person(self, info: Info, input: ReportInput) -> ReportPayload:
        ctx = info.context
        details = validation.text(input.details, field="details", max_length=2000) or ""
        filed = await safety.report_person(
            ctx.database,
            ctx.viewer_key(),
            input.person,
            reason=input.reason.value,
            details=details,
            hold_threshold=ctx.settings.safety.report_hold_threshold,
        )
        # The reporter learns nothing about the hold: that is for admins.
        return ReportPayload(report=Report.from_record(filed.report), held_from_matching=False)

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def resolve_report(self, info: Info, input: ResolveReportInput) -> ReportPayload:
        ctx = info.context
        note = validation.text(input.note, field="note", max_length=2000, required=True) or ""
        filed = await safety.resolve_report(
            ctx.database,
            input.report,
            outcome=input.outcome.value,
            note=note,
            admin=ctx.viewer_key(),
        )
        return ReportPayload(report=Report.from_record(filed.report), held_from_matching=filed.held)

    @strawberry.mutation(
        description="Delete your profile and everything about you. Cannot be undone.",
        permission_classes=[IsAuthenticated],
    )
    async def delete_account(self, info: Info) -> DeleteAccountPayload:
        key = info.context.viewer_key()
        await safety.delete_account(info.context.database, key)
        return DeleteAccountPayload(deleted=key)
