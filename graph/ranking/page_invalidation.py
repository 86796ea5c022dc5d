"""Which stored match pages a committed change can affect, and making them stale.

`invalidate_pages(database, change)` is the change pipeline's one call per change. Each kind
of change names the sources of `queries/ranking/affected_match_pages.cypher` it reaches
(`reach`); the reasons, kind by kind, are docs/ranking.md's freshness contract. A change
whose reach passes `FANOUT` pages moves the global epoch instead, so no page is missed.
Over-reaching is safe (a page is only computed again); under-reaching is not.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from graph.database import Database
from graph.events.domain import (
    BlockChanged,
    Connected,
    Disconnected,
    DomainEvent,
    GoalsChanged,
    HoldChanged,
    MentorChanged,
    MentorshipEnded,
    PersonDeleted,
    ProfileChanged,
    RequestUpdated,
    SkillAdded,
    SkillRemoved,
)
from graph.registry import statement

FANOUT = 1000
"""Pages one change may invalidate one by one; past it, every page goes stale at once."""

_AFFECTED = statement("ranking/affected_match_pages")
_INVALIDATE = statement("ranking/invalidate_match_pages")
_BUMP_EPOCH = statement("ranking/bump_match_page_epoch")


@dataclass(frozen=True)
class Reach:
    """The sources of `ranking/affected_match_pages` a change reaches, as person or skill keys."""

    own: tuple[str, ...] = ()
    adjacent: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    listing: tuple[str, ...] = ()
    colleagues: tuple[str, ...] = ()
    teachers: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    everything: bool = False
    """Past what a traversal can follow: every page goes stale."""

    def __or__(self, other: Reach) -> Reach:
        joined = {name: keys + getattr(other, name) for name, keys in self._sources().items()}
        return Reach(**joined, everything=self.everything or other.everything)

    def params(self) -> dict[str, list[str]]:
        return {name: list(keys) for name, keys in self._sources().items()}

    def _sources(self) -> dict[str, tuple[str, ...]]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "everything"}


def as_mentor(person: str) -> Reach:
    """Everything that changes how `person` ranks as a mentor (opting in or out, capacity,
    visibility, a hold): the pages listing them, and those that could list them now:
    people a mutual connection away (and their connections), people who want what their
    skills reach, former colleagues."""
    one = (person,)
    return Reach(near=one, listing=one, colleagues=one, teachers=one)


def reach(change: DomainEvent) -> Reach:
    """The pages `change` can affect (docs/ranking.md, "The freshness contract")."""
    match change:
        case MentorChanged(mentor=mentor) | HoldChanged(person=mentor):
            return as_mentor(mentor)
        case SkillAdded(person=person, skill=skill) | SkillRemoved(person=person, skill=skill):
            return Reach(listing=(person,), skills=(skill,))
        case GoalsChanged(mentee=mentee):
            return Reach(own=(mentee,))
        case Connected(a=a, b=b) | Disconnected(a=a, b=b):
            return Reach(own=(a, b), adjacent=(a, b))
        case RequestUpdated(mentee=mentee, mentor=mentor, state="ACCEPTED"):
            return Reach(own=(mentee, mentor)) | as_mentor(mentor)
        case RequestUpdated(mentee=mentee, mentor=mentor):
            return Reach(own=(mentee, mentor))
        case MentorshipEnded(mentee=mentee, mentor=mentor):
            return Reach(own=(mentee, mentor)) | as_mentor(mentor)
        case BlockChanged(by=by, person=person):
            return Reach(own=(by, person))
        case ProfileChanged(person=person):
            return Reach(own=(person,)) | as_mentor(person)
        case PersonDeleted(connections=connections, truncated=truncated):
            return Reach(own=connections, adjacent=connections, everything=truncated)


async def invalidate_pages(
    database: Database, change: DomainEvent, *, fanout: int = FANOUT
) -> None:
    """Make stale every stored page `change` can affect; call it after the change committed."""
    found = reach(change)
    if not found.everything:
        rows = await database.read(_AFFECTED, {**found.params(), "limit": fanout + 1})
        if len(rows) <= fanout:
            if rows:
                # In key order, so invalidations that overlap lock their pages in one order
                # (the statement's UNWIND keeps it in practice, not by contract); the driver
                # retries a deadlock that is left (BENCHMARKS.md, "100k, 2026-12-03").
                mentees = sorted(row["mentee"] for row in rows)
                await database.write(_INVALIDATE, {"mentees": mentees})
            return
    await database.write(_BUMP_EPOCH)
