"""The match watcher: from a domain event to the new matches it makes, recorded and sent.

1. **Affected pairs**, by a bounded traversal from what changed
   (`queries/events/`): a mentor who opened up or freed a slot → mentees near
   them (shared connection, wanted skill within 2 steps, shared employer); an
   ended mentorship → the same, and the pair again; a new skill → mentees who
   want it or what it leads to; a new connection → the two people and each one
   with the other's connections; new learning goals → the mentee's best mentors
   (`graph.ranking.mentor_matches`); a declined or withdrawn request, or a block
   lifted → that pair again (both ways for the block); a profile change or a hold
   put on or lifted → the person both as a mentor and as a mentee. What only
   takes matches away (a skill removed, a disconnection, a block, a deletion)
   makes none. At most `fanout` pairs per change.
2. **Re-scored** (`graph.ranking.pair_scores`), with the ranking's exclusions (blocks
   either way, existing mentors, pending requests, …), `score_chunk` mentees per
   statement: a change near a thousand mentees runs ten short statements, each within
   its timeout, instead of one that a loaded server cannot finish.
3. **Kept** when the score reaches `threshold`: at most `per_mentee` per mentee
   per change, best first.
4. **Recorded** once per pair (`graph.events.store`; concurrent changes share a
   transaction), chunk by chunk, and only what was newly recorded is **published**,
   after the transaction committed. A retry after a later chunk failed re-scores the
   earlier ones but sends nothing twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from graph.database import Database
from graph.errors import NotFound
from graph.events.bus import EventBus
from graph.events.domain import (
    BlockChanged,
    Connected,
    DomainEvent,
    GoalsChanged,
    HoldChanged,
    MatchEvent,
    MentorChanged,
    MentorshipEnded,
    ProfileChanged,
    RequestUpdated,
    SkillAdded,
    match_topic,
)
from graph.events.store import GroupRecorder, NewMatch
from graph.pages import MAX_FIRST, Window
from graph.ranking.matches import mentor_matches
from graph.ranking.pair_scores import PairScore, score_pairs
from graph.ranking.types import Filters
from graph.registry import statement
from graph.settings import WatchSettings

_MENTEES_NEAR_MENTOR = statement("events/mentees_near_mentor")
_MENTEES_WANTING_SKILL = statement("events/mentees_wanting_skill")
_PAIRS_THROUGH_CONNECTION = statement("events/pairs_through_connection")

Pair = tuple[str, str]
"""(mentee, mentor)"""

REOPENING_STATES = frozenset({"DECLINED", "WITHDRAWN", "EXPIRED"})


def mentee_chunks(pairs: Sequence[Pair], size: int) -> list[list[Pair]]:
    """`pairs` in mentee order, cut into lists of at most `size` mentees each (a mentee's
    pairs stay together, so `per_mentee` holds within a list)."""
    by_mentee: dict[str, list[Pair]] = defaultdict(list)
    for pair in sorted(set(pairs)):
        by_mentee[pair[0]].append(pair)
    mentees = list(by_mentee)
    return [
        [pair for mentee in mentees[i : i + size] for pair in by_mentee[mentee]]
        for i in range(0, len(mentees), size)
    ]


class MatchWatcher:
    def __init__(self, database: Database, bus: EventBus, settings: WatchSettings) -> None:
        self.database = database
        self.bus = bus
        self.settings = settings
        self.recorder = GroupRecorder(database)

    async def handle(self, event: DomainEvent, *, timeout: float | None = None) -> list[MatchEvent]:
        """Record and publish the new matches `event` made; return them in `seq` order.

        `timeout`: seconds for each statement (the database's default when None).
        """
        database = self.database.with_timeout(timeout) if timeout else self.database
        pairs = await self.affected_pairs(event, database)
        recorded: list[MatchEvent] = []
        for chunk in mentee_chunks(pairs, self.settings.score_chunk):
            scores = await score_pairs(database, chunk, hub_degree_cap=self.settings.hub_degree_cap)
            new = await self.recorder.record(self._keep(scores), timeout=timeout)
            for match_event in new:
                await self.bus.publish(match_topic(match_event.mentee), match_event.to_message())
            recorded.extend(new)
        return recorded

    async def close(self) -> None:
        """Cancel a recording in progress (at shutdown, after the changes in hand)."""
        await self.recorder.close()

    async def affected_pairs(self, event: DomainEvent, database: Database) -> list[Pair]:
        if isinstance(event, MentorChanged):
            return await self._mentees_near(event.mentor, database)
        if isinstance(event, MentorshipEnded):
            near = await self._mentees_near(event.mentor, database)
            return [(event.mentee, event.mentor), *near][: self.settings.fanout]
        if isinstance(event, SkillAdded):
            rows = await database.read(
                _MENTEES_WANTING_SKILL,
                {"mentor": event.person, "skill": event.skill, "limit": self.settings.fanout},
            )
            return [(row["mentee"], event.person) for row in rows]
        if isinstance(event, Connected):
            rows = await database.read(
                _PAIRS_THROUGH_CONNECTION, {"a": event.a, "b": event.b, **self._limits()}
            )
            return [(row["mentee"], row["mentor"]) for row in rows]
        if isinstance(event, GoalsChanged):
            return await self._best_mentors(event.mentee, database)
        if isinstance(event, RequestUpdated) and event.state in REOPENING_STATES:
            return [(event.mentee, event.mentor)]
        if isinstance(event, BlockChanged) and not event.blocked:
            return [(event.by, event.person), (event.person, event.by)]
        if isinstance(event, ProfileChanged | HoldChanged):
            as_mentee = await self._best_mentors(event.person, database)
            as_mentor = await self._mentees_near(event.person, database)
            return [*as_mentee, *as_mentor][: self.settings.fanout]
        return []

    def _limits(self) -> dict[str, int]:
        return {"limit": self.settings.fanout, "hubDegreeCap": self.settings.hub_degree_cap}

    async def _mentees_near(self, mentor: str, database: Database) -> list[Pair]:
        rows = await database.read(_MENTEES_NEAR_MENTOR, {"mentor": mentor, **self._limits()})
        return [(row["mentee"], mentor) for row in rows]

    async def _best_mentors(self, mentee: str, database: Database) -> list[Pair]:
        first = min(2 * self.settings.per_mentee, MAX_FIRST)
        try:
            found = await mentor_matches(
                database,
                mentee,
                filters=Filters(min_score=self.settings.threshold),
                window=Window(first),
                hub_degree_cap=self.settings.hub_degree_cap,
            )
        except NotFound:
            return []
        return [(mentee, match.key) for match in found[:first]]

    def _keep(self, scores: Sequence[PairScore]) -> list[NewMatch]:
        by_mentee: dict[str, list[PairScore]] = defaultdict(list)
        for score in scores:
            if score.score >= self.settings.threshold:
                by_mentee[score.mentee].append(score)
        kept: list[NewMatch] = []
        for mentee in sorted(by_mentee):
            best = sorted(by_mentee[mentee], key=lambda s: (-s.score, s.mentor))
            kept.extend(
                NewMatch(mentee=s.mentee, mentor=s.mentor, score=s.score, signals=s.signals)
                for s in best[: self.settings.per_mentee]
            )
        return kept
