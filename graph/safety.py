"""Safety: blocking, reports and the hold on matching, and a person's own data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import BadInput, NotFound
from graph.events.change_log import Changes, write_changes
from graph.events.domain import BlockChanged, HoldChanged, PersonDeleted
from graph.keys import new_key
from graph.outcomes import record_outcomes
from graph.pages import Window
from graph.registry import paged_statement, statement
from graph.tombstones import tombstone_hash
from graph.values import native, plain

_BLOCK_PERSON = statement("safety/block_person")
_UNBLOCK_PERSON = statement("safety/unblock_person")
_REPORT_PERSON = statement("safety/report_person")
_LIST_REPORTS = paged_statement("safety/list_reports")
_RESOLVE_REPORT = statement("safety/resolve_report")
_GET_REPORT = statement("safety/get_report")
_DELETE_ACCOUNT = statement("safety/delete_account")
_EXPORT_PERSON = statement("safety/export_person")
_CONNECTIONS_OF_DELETED = statement("events/connections_of_deleted")

DELETED_CONNECTIONS = 1000
"""At most this many of a deleted person's connections ride on its change (the watcher's
fan-out)."""

ReportOutcome = Literal["DISMISSED", "ACTION_TAKEN"]
ReportState = Literal["OPEN", "DISMISSED", "ACTION_TAKEN"]


@dataclass(frozen=True)
class Report:
    key: str
    reporter: str | None
    """`None` once the reporter deleted their account (the report stays, with its tombstone)."""
    reported: str | None
    """`None` once the reported person deleted their account."""
    pattern: str | None
    """Set on a report filed by nobody: the pattern that put the person up for review
    (graph/outcomes.py); `reporter` is then `None`."""
    reason: str
    details: str
    state: ReportState
    created_at: dt.datetime
    note: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Report:
        return cls(
            key=row["key"],
            reporter=row["reporter"],
            reported=row["reported"],
            pattern=row.get("pattern"),
            reason=row["reason"],
            details=row.get("details") or "",
            state=row["state"],
            created_at=native(row["createdAt"]),
            note=row.get("note"),
        )


@dataclass(frozen=True)
class Filed:
    report: Report
    held: bool
    """Whether the reported person is now held out of matching."""


async def block_person(
    database: Database, blocker: str, blocked: str, *, reason: str | None
) -> None:
    """Block `blocked`, whom the blocker may not even see (a harasser who went PRIVATE or
    blocked them first). It succeeds alike for any key, one of nobody included, so that
    blocking tells nobody whether a key is someone's (docs/privacy.md)."""
    if blocker == blocked:
        raise BadInput("you cannot block yourself", field="person")
    params = {"blocker": blocker, "blocked": blocked, "reason": reason}

    async def work(tx: AsyncManagedTransaction) -> tuple[None, Changes]:
        rows = await run(tx, _BLOCK_PERSON, params)
        if not (rows and rows[0]["created"]):
            return None, []
        # The block may have ended a mentorship either way, and counts towards a review.
        outcomes = await record_outcomes(tx, [blocker, blocked])
        return None, [BlockChanged(by=blocker, person=blocked, blocked=True), *outcomes]

    await write_changes(database, work)


async def unblock_person(database: Database, blocker: str, blocked: str) -> None:
    """Lift a block; like blocking, it succeeds alike for any key."""

    async def work(tx: AsyncManagedTransaction) -> tuple[None, Changes]:
        (row,) = await run(tx, _UNBLOCK_PERSON, {"blocker": blocker, "blocked": blocked})
        lifted = row["removed"] > 0
        return None, [BlockChanged(by=blocker, person=blocked, blocked=False)] if lifted else []

    await write_changes(database, work)


async def report_person(
    database: Database,
    reporter: str,
    reported: str,
    *,
    reason: str,
    details: str,
    hold_threshold: int,
) -> Filed:
    if reporter == reported:
        raise BadInput("you cannot report yourself", field="person")
    key = new_key("rp")
    params = {
        "key": key,
        "reporter": reporter,
        "reported": reported,
        "reason": reason,
        "details": details,
        "threshold": hold_threshold,
    }

    async def work(tx: AsyncManagedTransaction) -> tuple[Filed, Changes]:
        rows = await run(tx, _REPORT_PERSON, params)
        if not rows:
            raise NotFound(f"no person {reported!r}")
        return _filed(rows[0])

    return await write_changes(database, work)


def _filed(row: dict[str, Any]) -> tuple[Filed, Changes]:
    """A report as filed or decided, and the hold's change when it put one on or lifted it."""
    report = Report.from_row(row["report"])
    held = [HoldChanged(report.reported)] if row["holdChanged"] and report.reported else []
    return Filed(report, bool(row["held"])), held


async def list_reports(
    database: Database, window: Window[str], *, state: ReportState | None
) -> list[Report]:
    """The reports of `window`, newest first (`window.limit` at most: one flags more)."""
    rows = await database.read(
        _LIST_REPORTS.reading(backward=window.backward),
        {"state": state, **window.bounds(), "limit": window.limit},
    )
    return [Report.from_row(row["report"]) for row in rows]


async def get_report(database: Database, key: str) -> Report | None:
    """The report with `key`, or `None`; whether the viewer may see it is the caller's rule."""
    rows = await database.read(_GET_REPORT, {"key": key})
    return Report.from_row(rows[0]["report"]) if rows else None


async def resolve_report(
    database: Database, key: str, *, outcome: ReportOutcome, note: str, admin: str
) -> Filed:
    params = {"key": key, "outcome": outcome, "note": note, "admin": admin}

    async def work(tx: AsyncManagedTransaction) -> tuple[Filed, Changes]:
        rows = await run(tx, _RESOLVE_REPORT, params)
        if not rows:
            raise NotFound(f"no open report {key!r}")
        return _filed(rows[0])

    return await write_changes(database, work)


async def delete_account(database: Database, key: str) -> None:
    """Delete the person and retire their key for good (`graph.tombstones`); their change
    carries the connections read in the same transaction, before they go."""

    async def work(tx: AsyncManagedTransaction) -> tuple[None, Changes]:
        (known,) = await run(
            tx, _CONNECTIONS_OF_DELETED, {"key": key, "limit": DELETED_CONNECTIONS}
        )
        (row,) = await run(tx, _DELETE_ACCOUNT, {"key": key, "hash": tombstone_hash(key)})
        if row["deleted"] == 0:
            raise NotFound(f"no person {key!r}")
        connections = tuple(known["connections"])
        deleted = PersonDeleted(
            person=key,
            connections=connections[:DELETED_CONNECTIONS],
            truncated=len(connections) > DELETED_CONNECTIONS,
        )
        return None, [deleted]

    await write_changes(database, work)


async def export_person(database: Database, key: str) -> dict[str, Any]:
    """Everything stored about a person, as JSON-ready values."""
    rows = await database.read(_EXPORT_PERSON, {"key": key})
    if not rows:
        raise NotFound(f"no person {key!r}")
    export: dict[str, Any] = plain(rows[0])
    return export
