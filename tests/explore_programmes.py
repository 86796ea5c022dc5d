"""The programmes of the explore graph, whose health the tests can state by hand.

Built through the programmes' own graph functions over the people of
`tests/explore_graph.py`, plus `ada` (their admin) and the mentees `ivy`, `jon`, `kit`,
`lea`, who have no skills, connections or wishes, so no other exploration sees them. Then
the days are moved to those below (`tests/fixtures/date_programme_history.cypher`);
d(n) is n days before today, and "joined" the day a membership began.

    Careers (CAREER, PUBLIC, starts 2025-03-03): mentors ana 2, cy 2 (joined d(55));
      mentees dee, fay (d(50)), gus (d(48)), hal (d(45)).
      ana-fay  proposed d(40), started d(38), ACTIVE; check-ins d(30), d(20), d(3);
               steps 0 and 1 done (due d(38), d(24), d(3); the next d(-18))
      cy-dee   proposed d(45), started d(41), ENDED d(10); step 0 done (due by the end:
               d(41), d(27)); feedback dee 4, cy 5
      ana-gus  proposed d(46), started d(44), ENDED d(16); no step done (due d(44), d(30));
               feedback gus 2
      cy-hal   proposed d(30), DECLINED by hal
    Skills circle (SKILLS, MEMBERS, 2025-06-02): mentors bo 1, cy 1 (d(40)); mentees eli
      (d(35)), jon (d(25)).
      cy-eli   proposed d(30), started d(29), ACTIVE; check-in d(25); step 0 done (due
               d(29), d(15), d(1))
      bo-jon   proposed d(20), started d(18), ACTIVE; check-ins d(10), d(5); steps 0 and 1
               done (due d(18), d(4))
    Skills winter (SKILLS, MEMBERS, 2025-01-06): mentor bo 1, mentee lea; no proposal.
    Peer support (SUPPORT, MEMBERS, 2025-04-07): mentor bo 2 (d(30)); mentees kit, hal,
      ivy (d(20)): four members.
      bo-kit   proposed d(15), started d(12), ACTIVE; check-in d(7); no step done (due
               d(12), d(5))
    Careers next (CAREER, PUBLIC): a DRAFT.

Days are chosen away from the edges the explorations count by (weeks begun, due days,
the 14 silent days), so a run that crosses midnight UTC gives the same answers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.database import Database
from graph.pages import Window
from graph.programmes.feedback import leave_feedback
from graph.programmes.pairings import Pair, answer_proposal, end_programme_mentorship, propose_pairs
from graph.programmes.programmes import create_programme, visible_programmes
from graph.programmes.progress import complete_step, log_check_in
from graph.viewer import Viewer
from tests.builders import build, fixture_statement, person
from tests.graph.programmes.cohort import ADMIN, open_programme

_DATE_HISTORY = fixture_statement("date_programme_history")
MEMBERS_ONLY = ("Skills circle", "Skills winter", "Peer support")


def day(n: int) -> dt.date:
    """n days before today (UTC, as Neo4j's `date()`)."""
    return dt.datetime.now(dt.UTC).date() - dt.timedelta(days=n)


class _History:
    """What a programme's story writes, and the days it is then moved to."""

    def __init__(self, database: Database, programme: str) -> None:
        self.database = database
        self.programme = programme
        self.members: list[dict[str, Any]] = []
        self.pairings: list[dict[str, Any]] = []

    def joined(self, days_ago: int, *people: str) -> None:
        self.members += [
            {"programme": self.programme, "person": key, "joinedOn": day(days_ago)}
            for key in people
        ]

    async def pair(self, mentor: str, mentee: str, *, proposed: int, started: int | None) -> str:
        """Proposed `proposed` days ago; both accept (started that many days ago), or the
        mentee declines (`started` None)."""
        pairs = [Pair(mentor, mentee)]
        (proposal,) = await propose_pairs(self.database, self.programme, ADMIN, pairs)
        await answer_proposal(self.database, proposal.key, mentee, accept=started is not None)
        if started is not None:
            await answer_proposal(self.database, proposal.key, mentor, accept=True)
        self.pairings.append(
            {"key": proposal.key, "proposedOn": day(proposed), "endedOn": None,
             "startedOn": None if started is None else day(started)}
        )  # fmt: skip
        return proposal.key

    async def run(
        self, key: str, mentee: str, *, check_ins: tuple[int, ...] = (), done: tuple[int, ...] = ()
    ) -> None:
        for days_ago in check_ins:
            await log_check_in(self.database, key, mentee, on=day(days_ago), note="met")
        for index in done:
            await complete_step(self.database, key, mentee, index)

    async def end(self, key: str, days_ago: int, ratings: dict[str, int]) -> None:
        await end_programme_mentorship(self.database, key, ADMIN)
        (row,) = [p for p in self.pairings if p["key"] == key]
        row["endedOn"] = day(days_ago)
        for author, rating in ratings.items():
            await leave_feedback(self.database, key, author, rating=rating, text="said")

    async def date(self) -> None:
        params = {"members": self.members, "pairings": self.pairings}
        await self.database.write(_DATE_HISTORY, params)


async def build_explore_programmes(database: Database) -> None:
    await build(database, people=[person(key) for key in (ADMIN, "ivy", "jon", "kit", "lea")])
    await _careers(database)
    await _skills(database)
    await _support(database)
    await create_programme(
        database, ADMIN, name="Careers next", template="CAREER", starts_on=dt.date(2025, 9, 1),
        ends_on=None, visibility="PUBLIC",
    )  # fmt: skip


async def _careers(database: Database) -> None:
    key = await open_programme(
        database, name="Careers", starts_on=dt.date(2025, 3, 3), mentors={"ana": 2, "cy": 2},
        mentees={"dee": (), "fay": (), "gus": (), "hal": ()},
    )  # fmt: skip
    story = _History(database, key)
    story.joined(55, "ana", "cy")
    story.joined(50, "dee", "fay")
    story.joined(48, "gus")
    story.joined(45, "hal")
    fay = await story.pair("ana", "fay", proposed=40, started=38)
    dee = await story.pair("cy", "dee", proposed=45, started=41)
    gus = await story.pair("ana", "gus", proposed=46, started=44)
    await story.pair("cy", "hal", proposed=30, started=None)
    await story.run(fay, "fay", check_ins=(30, 20, 3), done=(0, 1))
    await story.run(dee, "dee", done=(0,))
    await story.end(dee, 10, {"dee": 4, "cy": 5})
    await story.end(gus, 16, {"gus": 2})
    await story.date()


async def _skills(database: Database) -> None:
    key = await open_programme(
        database, name="Skills circle", template="SKILLS", visibility="MEMBERS",
        starts_on=dt.date(2025, 6, 2), mentors={"bo": 1, "cy": 1},
        mentees={"eli": (), "jon": ()},
    )  # fmt: skip
    story = _History(database, key)
    story.joined(40, "bo", "cy")
    story.joined(35, "eli")
    story.joined(25, "jon")
    eli = await story.pair("cy", "eli", proposed=30, started=29)
    jon = await story.pair("bo", "jon", proposed=20, started=18)
    await story.run(eli, "eli", check_ins=(25,), done=(0,))
    await story.run(jon, "jon", check_ins=(10, 5), done=(0, 1))
    await story.date()
    await open_programme(
        database, name="Skills winter", template="SKILLS", visibility="MEMBERS",
        starts_on=dt.date(2025, 1, 6), mentors={"bo": 1}, mentees={"lea": ()},
    )  # fmt: skip


async def _support(database: Database) -> None:
    key = await open_programme(
        database, name="Peer support", template="SUPPORT", visibility="MEMBERS",
        starts_on=dt.date(2025, 4, 7), mentors={"bo": 2},
        mentees={"kit": (), "hal": (), "ivy": ()},
    )  # fmt: skip
    story = _History(database, key)
    story.joined(30, "bo")
    story.joined(20, "kit", "hal", "ivy")
    kit = await story.pair("bo", "kit", proposed=15, started=12)
    await story.run(kit, "kit", check_ins=(7,))
    await story.date()


async def programme_keys(database: Database) -> dict[str, str]:
    """Each programme's key by its name, as their admin lists them."""
    found = await visible_programmes(database, Viewer(ADMIN), Window(100))
    return {programme.name: programme.key for programme in found}
