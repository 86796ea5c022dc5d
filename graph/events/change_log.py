"""The change log: a durable record of every committed change that can change someone's matches.

    (:Change {id, kind, payload, at, attempts, claimedBy, leaseUntil, dead, error})

- **Written with the change (an outbox).** A mutation's transaction writes its change
  records beside its own writes (`write_changes`), so a committed write always has its
  records and a failed one has none. Each record is a node of its own: writers share no
  node, hence no lock, and the log imposes no order on them.
- **Claimed with a lease** by a consumer (`graph.events.consumer`), renewed while it
  applies them: a claim takes the write lock on the oldest claimable records, then reads
  their lease again under it, so two consumers claiming at once do not share a record; a
  lease that expires (its consumer died) makes the record claimable again.
- **Trimmed** once applied; a failed attempt is counted and the record waits out a
  backoff (its lease); a record that failed for another reason than time or an
  unavailable Neo4j is parked as dead after its last attempt (kept, bounded).

Payloads are JSON of the `DomainEvent` dataclasses, named by their class (`kind`).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, get_args

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.events.domain import (
    DomainEvent,
)
from graph.keys import new_key
from graph.registry import statement

_RECORD_CHANGE = statement("events/record_change")
_LOCK_CHANGES = statement("events/lock_changes")
_CLAIM_CHANGES = statement("events/claim_changes")
_TRIM_CHANGES = statement("events/trim_changes")
_FAIL_CHANGES = statement("events/fail_changes")
_RELEASE_CHANGES = statement("events/release_changes")
_RENEW_LEASES = statement("events/renew_leases")
_PRUNE_DEAD_CHANGES = statement("events/prune_dead_changes")
_COUNT_CHANGES = statement("events/count_changes")
_PENDING_CHANGES = statement("events/pending_changes")

T = TypeVar("T")
Changes = Sequence[DomainEvent]
"""The changes a mutation made (none when it changed nothing)."""

KINDS: dict[str, type[DomainEvent]] = {kind.__name__: kind for kind in get_args(DomainEvent)}
"""Every kind of change, by the name a record stores: the members of `DomainEvent`."""


@dataclass(frozen=True)
class Change:
    """A record of the log as a consumer claimed it."""

    id: str
    event: DomainEvent
    attempts: int
    """Failed attempts so far."""


@dataclass(frozen=True)
class LogSize:
    pending: int
    """Records not yet applied, claimed or not."""
    dead: int
    """Records parked after their last attempt."""


def payload(event: DomainEvent) -> str:
    """The JSON text a record stores for `event`."""
    return json.dumps(dataclasses.asdict(event), separators=(",", ":"), sort_keys=True)


def parse(kind: str, text: str) -> DomainEvent:
    """The event a record stores; the inverse of `kind`'s name and `payload`."""
    fields: dict[str, Any] = json.loads(text)
    values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}
    return KINDS[kind](**values)


async def record(tx: AsyncManagedTransaction, changes: Sequence[DomainEvent]) -> list[str]:
    """Write `changes` to the log in the caller's transaction; their ids."""
    rows = [
        {"id": new_key("ch"), "kind": type(event).__name__, "payload": payload(event)}
        for event in changes
    ]
    if rows:
        await run(tx, _RECORD_CHANGE, {"changes": rows})
    return [row["id"] for row in rows]


async def write_changes(
    database: Database,
    work: Callable[[AsyncManagedTransaction], Awaitable[tuple[T, Changes]]],
) -> T:
    """Run a mutation's `work` in one write transaction with the change records it returns.

    `work` returns its result and the changes it made (none when it changed nothing). Once
    the transaction commits, the database's change listeners hear of the new records (the
    local consumer wakes at once instead of at its next poll).
    """
    ids: list[str] = []
    recorded: list[DomainEvent] = []

    async def unit(tx: AsyncManagedTransaction) -> T:
        result, changes = await work(tx)
        ids[:] = await record(tx, changes)  # a retried transaction records anew
        recorded[:] = changes
        return result

    result = await database.write_transaction(unit)
    if ids:
        for listener in tuple(database.change_listeners):
            listener(ids, recorded)
    return result


_CLAIM_ROUNDS = 4
"""Lock-and-claim rounds per claim: records another consumer took while this one waited for
their lock are replaced by the next claimable ones."""


async def claim(database: Database, owner: str, *, limit: int, lease: float) -> list[Change]:
    """Up to `limit` claimable records, oldest first, leased to `owner` for `lease` seconds.

    A record whose payload cannot be read is parked as dead at once: one bad record must not
    stop the consumer."""

    async def work(tx: AsyncManagedTransaction) -> list[Change]:
        claimed: list[Change] = []
        for _ in range(_CLAIM_ROUNDS):
            wanted = limit - len(claimed)
            locked = await run(tx, _LOCK_CHANGES, {"owner": owner, "limit": wanted})
            if not locked:
                break
            ids = [row["id"] for row in locked]
            params = {"ids": ids, "owner": owner, "leaseMs": _ms(lease)}
            rows = await run(tx, _CLAIM_CHANGES, params)
            for row in rows:
                change = await _readable(tx, owner, row)
                if change is not None:
                    claimed.append(change)
            if len(rows) == len(locked) or len(claimed) >= limit:
                break
        return claimed

    return await database.write_transaction(work)


async def _readable(tx: AsyncManagedTransaction, owner: str, row: dict[str, Any]) -> Change | None:
    try:
        event = parse(row["kind"], row["payload"])
    except (KeyError, TypeError, ValueError) as exc:
        unreadable = f"unreadable: {exc}"
        params = _fail_params(owner, {row["id"]: 0.0}, unreadable, defect=True, max_attempts=1)
        await run(tx, _FAIL_CHANGES, params)
        return None
    return Change(row["id"], event, int(row["attempts"] or 0))


async def trim(database: Database, ids: Sequence[str]) -> None:
    """Delete applied records."""
    if ids:
        await database.write(_TRIM_CHANGES, {"ids": list(ids)})


@dataclass(frozen=True)
class Failure:
    """A failed attempt counted at a change."""

    id: str
    attempts: int
    dead: bool
    """Parked: at `max_attempts` defects."""


async def fail(
    database: Database,
    owner: str,
    backoffs: Mapping[str, float],
    *,
    error: str,
    defect: bool,
    max_attempts: int,
) -> list[Failure]:
    """Count `owner`'s failed attempt at each change of `backoffs` (id: seconds until it is
    claimable again), in one write: the changes of one application fail together. A change
    is parked as dead at `max_attempts` defects (a failure for want of time is no defect).
    The failures counted; none for a change gone, parked or claimed by another since."""
    params = _fail_params(owner, backoffs, error, defect=defect, max_attempts=max_attempts)
    rows = await database.write(_FAIL_CHANGES, params)
    return [Failure(row["id"], int(row["attempts"]), bool(row["dead"])) for row in rows]


def _fail_params(
    owner: str, backoffs: Mapping[str, float], error: str, *, defect: bool, max_attempts: int
) -> dict[str, Any]:
    """events/fail_changes' parameters, the changes in the order given (the claim's)."""
    return {
        "changes": [{"id": id_, "backoffMs": _ms(backoff)} for id_, backoff in backoffs.items()],
        "owner": owner,
        "error": error[:1000],
        "defect": defect,
        "maxAttempts": max_attempts,
    }


async def release(database: Database, owner: str, ids: Sequence[str]) -> None:
    """Give back `owner`'s claims on `ids`: claimable by anyone at once."""
    if ids:
        await database.write(_RELEASE_CHANGES, {"owner": owner, "ids": list(ids)})


async def renew(database: Database, owner: str, ids: Sequence[str], *, lease: float) -> None:
    """Extend `owner`'s leases on `ids` (changes it is still applying) by `lease` seconds."""
    if ids:
        params = {"owner": owner, "ids": list(ids), "leaseMs": _ms(lease)}
        await database.write(_RENEW_LEASES, params)


async def prune_dead(database: Database, *, keep: int, max_age: float) -> int:
    """Delete the dead records past the newest `keep` or older than `max_age` seconds."""
    rows = await database.write(_PRUNE_DEAD_CHANGES, {"keep": keep, "maxAgeSeconds": int(max_age)})
    return int(rows[0]["pruned"])


async def log_size(database: Database) -> LogSize:
    (row,) = await database.read(_COUNT_CHANGES)
    return LogSize(pending=int(row["pending"]), dead=int(row["dead"]))


async def pending(database: Database, ids: Sequence[str]) -> set[str]:
    """Which of `ids` are still waiting (neither trimmed nor dead)."""
    (row,) = await database.read(_PENDING_CHANGES, {"ids": list(ids)})
    return set(row["pending"])


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))
