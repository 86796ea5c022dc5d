"""Outcomes teach the ranking and the moderators (graph/outcomes.py), through the mutations
that record them: answers, ends and ratings move a mentor's track record, which ranks them
with its share in the explanation; patterns file a report by nobody, once, without a hold.

Track record values, with two pseudo-outcomes of each kind: (good + 2) / (all + 4)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from graph import mentorships, safety
from graph.database import Database
from graph.events.domain import MentorChanged
from graph.outcomes import MIN_RATINGS, REVIEW_BLOCKS, REVIEW_DECLINES, REVIEW_MENTORSHIPS_ENDED
from graph.pages import Window
from graph.people import get_people
from graph.programmes.feedback import leave_feedback
from graph.programmes.pairings import Pair, answer_proposal, end_programme_mentorship, propose_pairs
from graph.ranking.matches import mentor_matches
from graph.ranking.types import MentorMatch
from graph.settings import MentorshipRules
from graph.viewer import Viewer
from tests.builders import build, knows, mentor, person
from tests.graph.events.test_change_log import _changes
from tests.graph.programmes.cohort import ADMIN, open_programme

RULES = MentorshipRules(max_open_requests=50)
ASKERS = [f"a{i}" for i in range(12)]


def signal(match: MentorMatch, name: str) -> float:
    return next(s.value for s in match.signals if s.name == name)


async def _two_mentors(database: Database, capacity: int = 40) -> None:
    """`me` reaches `apt` and `zen` alike through `z`; `apt` sorts first on a tie."""
    await build(
        database,
        people=[person("me"), person("z"), *(person(k) for k in ASKERS), person(ADMIN),
                mentor("apt", capacity=capacity), mentor("zen", capacity=capacity)],
        knows=knows(("me", "z"), ("z", "apt"), ("z", "zen")),
    )  # fmt: skip


async def _ask(database: Database, mentee: str, mentor_key: str, message: str = "hi") -> str:
    made = await mentorships.request_mentorship(
        database, mentee, mentor_key, message=message, goals=(), rules=RULES
    )
    return made.key


async def _answer(database: Database, mentor_key: str, mentees: list[str], accept: bool) -> None:
    for mentee in mentees:
        key = await _ask(database, mentee, mentor_key)
        await mentorships.respond_to_request(database, key, mentor_key, accept=accept, reason=None)


async def _ranked(database: Database) -> list[str]:
    return [m.key for m in await mentor_matches(database, "me")]


async def test_a_mentor_who_declines_most_requests_ranks_below_one_who_accepts(
    empty_graph: Database,
) -> None:
    await _two_mentors(empty_graph)
    assert await _ranked(empty_graph) == ["apt", "zen"]  # newcomers tie, by key

    await _answer(empty_graph, "apt", ASKERS[:4], accept=False)
    await _answer(empty_graph, "zen", ASKERS[:4], accept=True)

    zen, apt = await mentor_matches(empty_graph, "me")
    assert (zen.key, apt.key) == ("zen", "apt")
    assert signal(apt, "acceptance") == pytest.approx(2 / 8)
    assert signal(zen, "acceptance") == pytest.approx(6 / 8)
    share = next(s.share for s in zen.signals if s.name == "acceptance")
    assert share == pytest.approx(0.3 * 6 / 8 / zen.score, abs=1e-6)
    assert sum(s.share for s in zen.signals) == pytest.approx(1.0)


async def test_mentorships_ended_early_lower_completion(empty_graph: Database) -> None:
    await _two_mentors(empty_graph)
    await _answer(empty_graph, "apt", ASKERS[:2], accept=True)
    await _answer(empty_graph, "zen", ASKERS[:2], accept=True)
    for mentee in ASKERS[:2]:
        await mentorships.end_mentorship(
            empty_graph, mentee, "apt", completed=False, reason="no show"
        )
        await mentorships.end_mentorship(empty_graph, "zen", mentee, completed=True, reason="done")

    zen, apt = await mentor_matches(empty_graph, "me")
    assert (zen.key, apt.key) == ("zen", "apt")
    assert (signal(apt, "completion"), signal(zen, "completion")) == pytest.approx((2 / 6, 4 / 6))
    assert signal(apt, "acceptance") == signal(zen, "acceptance") == pytest.approx(4 / 6)


async def test_ratings_count_once_enough_mentees_rated_rounded_to_a_tenth(
    empty_graph: Database,
) -> None:
    await _two_mentors(empty_graph, capacity=2)
    mentees = ASKERS[:MIN_RATINGS]
    programme = await open_programme(
        empty_graph, mentors={"apt": MIN_RATINGS}, mentees={k: () for k in mentees}
    )
    ratings = []
    for mentee, rating in zip(mentees, (5, 4, 5, 5, 4), strict=True):
        (proposal,) = await propose_pairs(empty_graph, programme, ADMIN, [Pair("apt", mentee)])
        await answer_proposal(empty_graph, proposal.key, "apt", accept=True)
        await answer_proposal(empty_graph, proposal.key, mentee, accept=True)
        await end_programme_mentorship(empty_graph, proposal.key, ADMIN)
        await leave_feedback(empty_graph, proposal.key, mentee, rating=rating, text=None)
        ratings.append(signal((await mentor_matches(empty_graph, "me"))[0], "rating"))

    # Below MIN_RATINGS the prior; then ((sum of (r - 1) / 4) + 2) / (n + 4), to a tenth.
    assert ratings[:-1] == [0.5] * (MIN_RATINGS - 1)
    assert ratings[-1] == round((4.5 + 2) / (5 + 4), 1) == 0.7
    # Each accepted proposal is an accepted answer too.
    (apt, *_) = await mentor_matches(empty_graph, "me")
    assert signal(apt, "acceptance") == pytest.approx((5 + 2) / (5 + 4))


Outcome = Callable[[Database], Awaitable[object]]


async def _decline(database: Database) -> None:
    await _answer(database, "apt", ["a0"], accept=False)


async def _accept(database: Database) -> None:
    await _answer(database, "apt", ["a0"], accept=True)


async def _complete(database: Database) -> None:
    await _accept(database)
    await mentorships.end_mentorship(database, "apt", "a0", completed=True, reason="done")


async def _block_mentor(database: Database) -> None:
    await _accept(database)
    await safety.block_person(database, "a0", "apt", reason=None)


async def _decline_proposal(database: Database) -> None:
    programme = await open_programme(database, mentors={"apt": 1}, mentees={"a0": ()})
    (proposal,) = await propose_pairs(database, programme, ADMIN, [Pair("apt", "a0")])
    await answer_proposal(database, proposal.key, "apt", accept=False)


# Every mutation that records an outcome of apt's; each moves apt's track record.
OUTCOMES: list[tuple[str, Outcome]] = [
    ("respondToMentorshipRequest decline", _decline),
    ("respondToMentorshipRequest accept", _accept),
    ("endMentorship", _complete),
    ("blockPerson ending a mentorship", _block_mentor),
    ("answerProgrammeProposal", _decline_proposal),
]


@pytest.mark.parametrize("outcome", [o[1] for o in OUTCOMES], ids=[o[0] for o in OUTCOMES])
async def test_every_outcome_moves_the_track_record_in_its_own_transaction(
    empty_graph: Database, outcome: Outcome
) -> None:
    await _two_mentors(empty_graph)
    before = (await mentor_matches(empty_graph, "me"))[0]
    await outcome(empty_graph)
    assert MentorChanged("apt") in await _changes(empty_graph)
    after = next(m for m in await mentor_matches(empty_graph, "me") if m.key == "apt")
    assert after.signals != before.signals


async def _pattern_reports(database: Database) -> list[safety.Report]:
    return [r for r in await safety.list_reports(database, Window(50), state=None) if r.pattern]


async def test_blocked_by_many_is_put_up_for_review_once_and_not_held(
    empty_graph: Database,
) -> None:
    await _two_mentors(empty_graph)
    for blocker in ASKERS[: REVIEW_BLOCKS - 1]:
        await safety.block_person(empty_graph, blocker, "apt", reason=None)
    assert await _pattern_reports(empty_graph) == []
    for blocker in ASKERS[REVIEW_BLOCKS - 1 : REVIEW_BLOCKS + 1]:
        await safety.block_person(empty_graph, blocker, "apt", reason=None)

    (report,) = await _pattern_reports(empty_graph)
    assert (report.pattern, report.reporter, report.reported, report.state) == (
        "BLOCKED_BY_MANY", None, "apt", "OPEN",
    )  # fmt: skip
    assert report.details == f"BLOCKED_BY_MANY: {REVIEW_BLOCKS} people"
    assert "apt" in await _ranked(empty_graph), "a review alone holds nobody"
    await safety.resolve_report(
        empty_graph, report.key, outcome="ACTION_TAKEN", note="seen", admin=ADMIN
    )
    assert await _ranked(empty_graph) == ["zen"]


async def test_mentorships_ended_by_many_mentees_are_put_up_for_review(
    empty_graph: Database,
) -> None:
    await _two_mentors(empty_graph)
    mentees = ASKERS[:REVIEW_MENTORSHIPS_ENDED]
    await _answer(empty_graph, "apt", mentees, accept=True)
    await _answer(empty_graph, "zen", mentees, accept=True)
    for mentee in mentees:
        await mentorships.end_mentorship(empty_graph, mentee, "apt", completed=False, reason="x")
        # Ended by the mentor, a mentorship counts against completion, not towards the review.
        await mentorships.end_mentorship(empty_graph, "zen", mentee, completed=False, reason="x")
    assert [(r.pattern, r.reported) for r in await _pattern_reports(empty_graph)] == [
        ("ENDED_BY_MENTEES", "apt")
    ]


async def test_declines_after_contact_are_put_up_for_review(empty_graph: Database) -> None:
    await _two_mentors(empty_graph)
    wrote = ASKERS[: REVIEW_DECLINES - 1]
    await _answer(empty_graph, "apt", wrote, accept=False)
    silent = await _ask(empty_graph, ASKERS[REVIEW_DECLINES - 1], "apt", message="")
    await mentorships.respond_to_request(empty_graph, silent, "apt", accept=False, reason=None)
    assert await _pattern_reports(empty_graph) == [], "a request without a message is no contact"

    await _answer(empty_graph, "apt", [ASKERS[REVIEW_DECLINES]], accept=False)
    (report,) = await _pattern_reports(empty_graph)
    assert (report.pattern, report.reported) == ("DECLINES_AFTER_CONTACT", "apt")


async def test_a_mentee_hidden_from_the_viewer_counts_only_in_the_one_aggregate(
    empty_graph: Database,
) -> None:
    """`hid` (CONNECTIONS: `pal` and the programme's admin know them) is hidden from `me`;
    the record counts them, and every viewer sees the same record, so no viewer's answer
    differs by a hidden person."""
    await _two_mentors(empty_graph, capacity=2)
    await build(
        empty_graph,
        people=[person("hid", visibility="CONNECTIONS"), person("pal")],
        knows=knows(("pal", "hid"), ("pal", "z"), (ADMIN, "hid")),
    )
    assert [p and p.key for p in await get_people(empty_graph, ["hid"], Viewer("me"))] == [None]

    async def apt_as_seen_by(viewer: str) -> dict[str, float]:
        apt = next(m for m in await mentor_matches(empty_graph, viewer) if m.key == "apt")
        return {s.name: s.value for s in apt.signals if s.name in ("acceptance", "rating")}

    await _answer(empty_graph, "apt", ["hid"], accept=False)
    # One decline, smoothed: (0 + 2) / (1 + 4); only a figure, the mentee is not named.
    assert await apt_as_seen_by("me") == {"acceptance": pytest.approx(2 / 5), "rating": 0.5}

    visible = ASKERS[: MIN_RATINGS - 1]
    programme = await open_programme(
        empty_graph, mentors={"apt": MIN_RATINGS}, mentees={k: () for k in ["hid", *visible]}
    )
    seen = []
    for mentee, rating in [("hid", 1), *((k, 5) for k in visible)]:
        (proposal,) = await propose_pairs(empty_graph, programme, ADMIN, [Pair("apt", mentee)])
        await answer_proposal(empty_graph, proposal.key, "apt", accept=True)
        await answer_proposal(empty_graph, proposal.key, mentee, accept=True)
        await end_programme_mentorship(empty_graph, proposal.key, ADMIN)
        await leave_feedback(empty_graph, proposal.key, mentee, rating=rating, text=None)
        seen.append((await apt_as_seen_by("me"))["rating"])

    # The hidden mentee's 1 alone, and with three others, shows as the prior: nothing of one
    # rating can be read before MIN_RATINGS mentees rated. The fifth rating shows the pooled,
    # smoothed mean to a tenth, ((0 + 4 * 1) + 2) / (5 + 4) = 0.67 -> 0.7, counting `hid`.
    assert seen == [0.5] * (MIN_RATINGS - 1) + [0.7]
    record = await apt_as_seen_by("me")
    # Five proposals accepted, one request declined: (5 + 2) / (6 + 4).
    assert record == {"acceptance": pytest.approx(7 / 10), "rating": 0.7}
    assert await apt_as_seen_by("pal") == record, "one record, whoever looks"
