"""Outcomes teach the ranking and the moderators.

An outcome is an answer a mentor gave (a request or proposal accepted or declined), a
mentorship that ended, a rating, a block. Each mutation that records one calls
`record_outcomes` in its own transaction for the people whose record it touched, so:

- their **track record** (acceptance, completion, rating: `queries/rules/track_record.cypher`)
  is recomputed from the graph, never counted up, so it cannot drift; the ranking reads
  it as three signals with their shares (docs/ranking.md, "Outcomes"), and a record that
  moved is a `MentorChanged` change, which refreshes the pages and events that name them;
- a **pattern that may point to abuse** (many declines after contact, mentorships ended by
  many mentees, blocked by many) files a report by nobody for the admins' queue, once per
  person and pattern while one is open (docs/privacy.md, "Reviews").
"""

from __future__ import annotations

from collections.abc import Iterable

from neo4j import AsyncManagedTransaction

from graph.database import run
from graph.events.domain import MentorChanged
from graph.keys import new_key
from graph.registry import statement

_REFRESH_TRACK_RECORDS = statement("outcomes/refresh_track_records")
_FLAG_PATTERNS = statement("outcomes/flag_patterns")

PRIOR = 2
"""Pseudo-outcomes of each kind a record starts from: a newcomer is at 0.5, and one decline
moves them to 0.4, not to 0."""
MIN_RATINGS = 5
"""A mentor's ratings count once this many mentees rated them, rounded to one decimal: a
mentee cannot read one rating, theirs or another's, out of a match (docs/programmes.md)."""

PATTERNS = ("DECLINES_AFTER_CONTACT", "ENDED_BY_MENTEES", "BLOCKED_BY_MANY")
REVIEW_DECLINES = 10
"""Distinct mentees who wrote to someone and were declined, for DECLINES_AFTER_CONTACT."""
REVIEW_MENTORSHIPS_ENDED = 3
"""Distinct mentees who ended a mentorship with them, for ENDED_BY_MENTEES."""
REVIEW_BLOCKS = 5
"""People who block them, for BLOCKED_BY_MANY."""


async def record_outcomes(
    tx: AsyncManagedTransaction, people: Iterable[str]
) -> list[MentorChanged]:
    """Refresh the track record of `people` and put up for review those a pattern points to;
    the changes for those whose record moved."""
    keys = sorted(set(people))
    rows = await run(
        tx, _REFRESH_TRACK_RECORDS, {"people": keys, "prior": PRIOR, "minRatings": MIN_RATINGS}
    )
    await run(
        tx,
        _FLAG_PATTERNS,
        {
            "people": keys,
            "declines": REVIEW_DECLINES,
            "mentorshipsEnded": REVIEW_MENTORSHIPS_ENDED,
            "blocks": REVIEW_BLOCKS,
            "keys": {key: {pattern: new_key("rp") for pattern in PATTERNS} for key in keys},
        },
    )
    return [MentorChanged(mentor=row["person"]) for row in rows if row["changed"]]
