"""Feedback at a programme mentorship's end, and what of it the programme's admins see.

Each side of an ENDED mentorship leaves one rating (1-5) and an optional text. Only
the programme's admins read feedback, pooled over the programme and never attributed.
Fewer than 3 people having answered (`queries/rules/feedback_shown.cypher`, which the
analysts' explorations apply too), they see only how many did: with one or two answers a
mean, a distribution or a text would let anyone who knows who took part (or who answered
themself) read someone's rating. From 3, the count, the mean, the distribution and the
texts, sorted so their order tells nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.errors import BadInput, Conflict
from graph.events.change_log import Changes, write_changes
from graph.outcomes import record_outcomes
from graph.programmes.pairings import pairing_for
from graph.registry import statement

_LEAVE_FEEDBACK = statement("programmes/leave_feedback")
_FEEDBACK_OF_PROGRAMME = statement("programmes/feedback_of_programme")

RATINGS = range(1, 6)


@dataclass(frozen=True)
class FeedbackSummary:
    answers: int
    """How many people answered (each person counts once)."""
    mean: float | None
    """The mean rating; `None` below 3 people."""
    distribution: tuple[int, ...] | None
    """How many ratings of 1, 2, 3, 4 and 5; `None` below 3 people."""
    texts: tuple[str, ...]
    """The texts, unattributed and sorted; none below 3 people."""


async def leave_feedback(
    database: Database, key: str, person: str, *, rating: int, text: str | None
) -> None:
    """One answer per side, once the mentorship has ENDED."""
    if rating not in RATINGS:
        raise BadInput("a rating is 1 to 5", field="rating")

    async def work(tx: AsyncManagedTransaction) -> tuple[None, Changes]:
        pairing, _ = await pairing_for(tx, key, person, sides_only=True)
        if pairing.state != "ENDED":
            raise Conflict(f"the mentorship is {pairing.state}: feedback comes at its end")
        params = {
            "key": key,
            "side": pairing.side_of(person),
            "person": person,
            "rating": rating,
            "text": text or None,
        }
        (row,) = await run(tx, _LEAVE_FEEDBACK, params)
        if not row["given"]:
            raise Conflict("you have already left feedback on this mentorship")
        # A mentee's rating is an outcome of the mentor's (graph.outcomes).
        return None, await record_outcomes(tx, [pairing.mentor])

    await write_changes(database, work)


async def programme_feedback(database: Database, programme: str, admin: str) -> FeedbackSummary:
    """What `admin` may see of the programme's feedback (the caller checked they are one):
    pooled over the mentorships whose people they may all see."""
    params = {"programme": programme, "viewer": admin}
    (row,) = await database.read(_FEEDBACK_OF_PROGRAMME, params)
    people = int(row["people"])
    if not row["shown"]:
        return FeedbackSummary(answers=people, mean=None, distribution=None, texts=())
    ratings = [int(r) for r in row["ratings"]]
    return FeedbackSummary(
        answers=people,
        mean=round(sum(ratings) / len(ratings), 2),
        distribution=tuple(ratings.count(r) for r in RATINGS),
        texts=tuple(sorted(row["texts"])),
    )
