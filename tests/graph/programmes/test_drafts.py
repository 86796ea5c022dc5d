"""Staged cohort assignment against the real server: draft, edit, publish
(tests/graph/programmes/cohort.py has the cohort and its worked-out optimum)."""

from __future__ import annotations

import pytest

from graph.database import Database
from graph.errors import Conflict, Forbidden, NotFound
from graph.pages import Window
from graph.programmes import drafts
from graph.programmes.assignment import Candidate, greedy
from graph.programmes.cohort import Cohort, cohort_candidates
from graph.programmes.programmes import set_programme_state
from tests.builders import build
from tests.graph.programmes.cohort import ADMIN, assignment_cohort, proposals


async def pairs_of(database: Database, key: str) -> dict[str, str]:
    found = await drafts.draft_pairs(database, key, ADMIN, Window(100))
    return {pair.mentee: pair.mentor for pair in found}


async def test_a_draft_holds_the_optimum_that_greedy_misses_and_asks_nobody(
    empty_graph: Database,
) -> None:
    programme = await assignment_cohort(empty_graph)

    draft = await drafts.draft_assignment(empty_graph, programme, ADMIN, spread=0)

    assert draft.state == "DRAFT" and draft.pairs == 2 and draft.unmatched == ()
    assert draft.total_score == pytest.approx(2.7)
    assert await pairs_of(empty_graph, draft.key) == {"ana": "quin", "ben": "pia"}
    first_come = greedy(
        [
            Candidate("ana", "pia", 1.65),
            Candidate("ana", "quin", 1.45),
            Candidate("ben", "pia", 1.25),
        ],
        {"pia": 1, "quin": 1},
    )
    assert first_come.total_score == pytest.approx(1.65) and first_come.unmatched == ("ben",)
    assert await proposals(empty_graph, programme) == []


async def test_the_candidates_are_the_rankings_scores_with_their_signals(
    empty_graph: Database,
) -> None:
    programme = await assignment_cohort(empty_graph)

    found = await cohort_candidates(
        empty_graph,
        programme,
        Cohort(free={"pia": 1, "quin": 1}, mentees=("ana", "ben")),
        per_mentee=5,
    )

    scores = {(s.candidate.mentee, s.candidate.mentor): s.candidate.score for s in found}
    # Each with a newcomer's track record, 0.45 (docs/ranking.md, "Outcomes").
    assert scores == pytest.approx(
        {("ana", "pia"): 1.65, ("ana", "quin"): 1.45, ("ben", "pia"): 1.25}
    )
    (ben,) = [s for s in found if s.candidate.mentee == "ben"]
    assert {s.name: s.share for s in ben.signals}["skills"] == pytest.approx(0.6 / 1.25)


async def test_edits_are_checked_against_the_mentors_programme_capacity(
    empty_graph: Database,
) -> None:
    programme = await assignment_cohort(empty_graph)
    draft = await drafts.draft_assignment(empty_graph, programme, ADMIN, spread=0)

    with pytest.raises(Conflict, match="places"):
        await drafts.move_pair(empty_graph, draft.key, "ana", "pia", ADMIN)
    with pytest.raises(Conflict, match="does not allow"):
        await drafts.move_pair(empty_graph, draft.key, "ben", "quin", ADMIN)
    removed = await drafts.remove_pair(empty_graph, draft.key, "ben", ADMIN)
    moved = await drafts.move_pair(empty_graph, draft.key, "ana", "pia", ADMIN)

    assert removed.unmatched == ("ben",) and removed.total_score == pytest.approx(1.45)
    assert moved.unmatched == ("ben",) and moved.total_score == pytest.approx(1.65)
    assert await pairs_of(empty_graph, draft.key) == {"ana": "pia"}
    with pytest.raises(NotFound):
        await drafts.move_pair(empty_graph, draft.key, "cy", "quin", ADMIN)


async def test_publishing_proposes_every_pair_in_one_transaction(empty_graph: Database) -> None:
    programme = await assignment_cohort(empty_graph)
    draft = await drafts.draft_assignment(empty_graph, programme, ADMIN, spread=0)

    published = await drafts.publish_draft(empty_graph, draft.key, ADMIN)

    assert published.state == "PUBLISHED"
    assert await proposals(empty_graph, programme) == [
        ("ana", "quin", "PROPOSED"),
        ("ben", "pia", "PROPOSED"),
    ]
    with pytest.raises(Conflict, match="PUBLISHED"):
        await drafts.publish_draft(empty_graph, draft.key, ADMIN)
    following = await drafts.draft_assignment(empty_graph, programme, ADMIN)
    assert following.pairs == 0 and following.unmatched == ()


async def test_a_pair_blocked_after_drafting_stops_the_whole_publication(
    empty_graph: Database,
) -> None:
    programme = await assignment_cohort(empty_graph)
    draft = await drafts.draft_assignment(empty_graph, programme, ADMIN, spread=0)
    await build(empty_graph, blocks=[{"person": "quin", "blocked": "ana"}])

    with pytest.raises(Conflict, match="ana"):
        await drafts.publish_draft(empty_graph, draft.key, ADMIN)

    assert await proposals(empty_graph, programme) == []
    assert (await drafts.get_draft(empty_graph, draft.key, ADMIN)).state == "DRAFT"


async def test_a_new_draft_discards_the_previous_one(empty_graph: Database) -> None:
    programme = await assignment_cohort(empty_graph)
    first = await drafts.draft_assignment(empty_graph, programme, ADMIN)

    await drafts.draft_assignment(empty_graph, programme, ADMIN)

    assert (await drafts.get_draft(empty_graph, first.key, ADMIN)).state == "DISCARDED"
    with pytest.raises(Conflict, match="DISCARDED"):
        await drafts.publish_draft(empty_graph, first.key, ADMIN)


async def test_a_closed_programme_takes_no_draft(empty_graph: Database) -> None:
    programme = await assignment_cohort(empty_graph)
    await set_programme_state(empty_graph, programme, ADMIN, "CLOSED")

    with pytest.raises(Conflict, match="CLOSED"):
        await drafts.draft_assignment(empty_graph, programme, ADMIN)


async def test_only_the_programmes_admins_draw_edit_or_publish(empty_graph: Database) -> None:
    programme = await assignment_cohort(empty_graph, visibility="MEMBERS")
    draft = await drafts.draft_assignment(empty_graph, programme, ADMIN)

    with pytest.raises(Forbidden):
        await drafts.draft_assignment(empty_graph, programme, "ana")
    with pytest.raises(Forbidden):
        await drafts.publish_draft(empty_graph, draft.key, "pia")
    with pytest.raises(NotFound):
        await drafts.draft_assignment(empty_graph, programme, "cy")
    with pytest.raises(NotFound):
        await drafts.remove_pair(empty_graph, draft.key, "ana", "cy")
    with pytest.raises(NotFound):
        await drafts.get_draft(empty_graph, draft.key, "cy")
    assert await proposals(empty_graph, programme) == []
