from __future__ import annotations

import datetime as dt

import pytest

from graph.database import Database
from graph.errors import BadInput, Conflict, Forbidden, NotFound
from graph.programmes.due_steps import take_due_steps
from graph.programmes.feedback import leave_feedback, programme_feedback
from graph.programmes.pairings import (
    Pair,
    answer_proposal,
    end_programme_mentorship,
    propose_pairs,
)
from graph.programmes.programmes import join_programme, leave_programme, set_programme_state
from graph.programmes.progress import complete_step, log_check_in, steps_of_pairings
from graph.programmes.templates import TEMPLATES
from tests.builders import build, person
from tests.graph.programmes.cohort import cohort


async def _active(database: Database, programme: str, mentor: str, mentee: str) -> str:
    (proposal,) = await propose_pairs(database, programme, "ada", [Pair(mentor, mentee)])
    await answer_proposal(database, proposal.key, mentor, accept=True)
    started = await answer_proposal(database, proposal.key, mentee, accept=True)
    assert started.state == "ACTIVE"
    return started.key


async def test_both_accept_and_the_mentorship_starts_with_its_steps_due_from_today(
    empty_graph: Database,
) -> None:
    key = await cohort(empty_graph)
    (proposal,) = await propose_pairs(empty_graph, key, "ada", [Pair("mo", "ann")])
    assert proposal.state == "PROPOSED"
    with pytest.raises(NotFound):  # not a side, not an admin
        await answer_proposal(empty_graph, proposal.key, "bob", accept=True)
    with pytest.raises(Forbidden):  # an admin, not a side
        await answer_proposal(empty_graph, proposal.key, "ada", accept=True)
    half = await answer_proposal(empty_graph, proposal.key, "ann", accept=True)
    assert (half.state, half.mentee_accepted, half.mentor_accepted) == ("PROPOSED", True, None)
    started = await answer_proposal(empty_graph, proposal.key, "mo", accept=True)
    today = dt.date.today()
    assert (started.state, started.started_on) == ("ACTIVE", today)
    ((*steps,),) = await steps_of_pairings(empty_graph, [started.key])
    assert [(s.title, s.due_on) for s in steps] == [
        (s.title, today + dt.timedelta(weeks=s.week)) for s in TEMPLATES["CAREER"].steps
    ]
    done = await complete_step(empty_graph, started.key, "ann", 1)
    again = await complete_step(empty_graph, started.key, "mo", 1)
    assert done.done_at is not None and again.done_at == done.done_at
    with pytest.raises(NotFound):
        await complete_step(empty_graph, started.key, "ann", 99)
    check_in = await log_check_in(empty_graph, started.key, "mo", on=today, note="went well")
    assert (check_in.by, check_in.note) == ("mo", "went well")
    with pytest.raises(Conflict):  # an active mentorship: leave after it ends
        await leave_programme(empty_graph, key, "ann")


async def test_a_decline_is_final(empty_graph: Database) -> None:
    key = await cohort(empty_graph)
    (proposal,) = await propose_pairs(empty_graph, key, "ada", [Pair("mo", "ann")])
    declined = await answer_proposal(empty_graph, proposal.key, "mo", accept=False)
    assert declined.state == "DECLINED"
    with pytest.raises(Conflict):
        await answer_proposal(empty_graph, proposal.key, "ann", accept=True)
    (again,) = await propose_pairs(empty_graph, key, "ada", [Pair("mo", "ann")])
    assert again.state == "PROPOSED"


async def test_propose_pairs_takes_all_or_none_and_holds_programme_capacity(
    empty_graph: Database,
) -> None:
    key = await cohort(empty_graph, mentees=("ann", "bob", "cy"))
    with pytest.raises(Conflict):  # max has 1 place
        await propose_pairs(empty_graph, key, "ada", [Pair("max", "ann"), Pair("max", "bob")])
    with pytest.raises(NotFound):  # out is no member
        await propose_pairs(empty_graph, key, "ada", [Pair("mo", "ann"), Pair("mo", "out")])
    with pytest.raises(NotFound):  # a mentee is not a mentor
        await propose_pairs(empty_graph, key, "ada", [Pair("ann", "bob")])
    with pytest.raises(Forbidden):
        await propose_pairs(empty_graph, key, "ann", [Pair("mo", "bob")])
    with pytest.raises(BadInput):
        await propose_pairs(empty_graph, key, "ada", [Pair("mo", "bob"), Pair("mo", "bob")])
    proposed = await propose_pairs(
        empty_graph, key, "ada", [Pair("max", "ann"), Pair("mo", "bob"), Pair("mo", "cy")]
    )
    assert [(p.mentor, p.mentee, p.state) for p in proposed] == [
        ("max", "ann", "PROPOSED"), ("mo", "bob", "PROPOSED"), ("mo", "cy", "PROPOSED")
    ]  # fmt: skip
    with pytest.raises(Conflict):  # already proposed
        await propose_pairs(empty_graph, key, "ada", [Pair("max", "ann")])
    for pairing in proposed[:1]:
        for side in (pairing.mentor, pairing.mentee):
            await answer_proposal(empty_graph, pairing.key, side, accept=True)
    with pytest.raises(Conflict):  # max is full
        await propose_pairs(empty_graph, key, "ada", [Pair("max", "bob")])


async def test_a_second_acceptance_over_capacity_conflicts(empty_graph: Database) -> None:
    key = await cohort(empty_graph, mentors={"max": 1})
    first = await propose_pairs(empty_graph, key, "ada", [Pair("max", "ann")])
    second = await propose_pairs(empty_graph, key, "ada", [Pair("max", "bob")])
    for pairing in (*first, *second):
        await answer_proposal(empty_graph, pairing.key, pairing.mentee, accept=True)
    await answer_proposal(empty_graph, first[0].key, "max", accept=True)
    with pytest.raises(Conflict):
        await answer_proposal(empty_graph, second[0].key, "max", accept=True)


async def test_blocked_or_hidden_pairs_are_never_proposed(empty_graph: Database) -> None:
    key = await cohort(empty_graph, mentees=("ann", "bob"))
    await build(empty_graph, blocks=[{"person": "ann", "blocked": "mo"}])
    with pytest.raises(Conflict):
        await propose_pairs(empty_graph, key, "ada", [Pair("mo", "ann")])
    await build(empty_graph, people=[person("bob", visibility="PRIVATE")])
    with pytest.raises(NotFound):  # the admin may not see bob
        await propose_pairs(empty_graph, key, "ada", [Pair("mo", "bob")])


async def test_a_closed_programme_takes_no_proposals_and_ends_its_mentorships(
    empty_graph: Database,
) -> None:
    key = await cohort(empty_graph)
    active = await _active(empty_graph, key, "mo", "ann")
    (open_,) = await propose_pairs(empty_graph, key, "ada", [Pair("max", "bob")])
    await set_programme_state(empty_graph, key, "ada", "CLOSED")
    with pytest.raises(Conflict):
        await propose_pairs(empty_graph, key, "ada", [Pair("mo", "bob")])
    with pytest.raises(Conflict):
        await answer_proposal(empty_graph, open_.key, "bob", accept=True)
    with pytest.raises(Conflict):
        await join_programme(empty_graph, key, "out", role="MENTEE", capacity=None, goals=())
    await leave_feedback(empty_graph, active, "ann", rating=4, text="kind")
    with pytest.raises(Conflict):
        await leave_feedback(empty_graph, active, "ann", rating=5, text=None)


async def test_feedback_shows_only_a_count_below_three_people(empty_graph: Database) -> None:
    key = await cohort(empty_graph, mentors={"mo": 3}, mentees=("ann", "bob", "cy"))
    ann = await _active(empty_graph, key, "mo", "ann")
    bob = await _active(empty_graph, key, "mo", "bob")
    with pytest.raises(Conflict):  # feedback comes at the end
        await leave_feedback(empty_graph, ann, "ann", rating=5, text=None)
    with pytest.raises(Forbidden):  # the admin is no side
        await end_programme_mentorship(empty_graph, ann, "ann")
    for pairing in (ann, bob):
        await end_programme_mentorship(empty_graph, pairing, "ada")
    with pytest.raises(BadInput):
        await leave_feedback(empty_graph, ann, "ann", rating=6, text=None)
    await leave_feedback(empty_graph, ann, "ann", rating=5, text="great")
    await leave_feedback(empty_graph, ann, "mo", rating=4, text="keen")
    await leave_feedback(empty_graph, bob, "mo", rating=2, text=None)  # mo again: still 2 people
    two = await programme_feedback(empty_graph, key, "ada")
    assert (two.answers, two.mean, two.distribution, two.texts) == (2, None, None, ())
    await leave_feedback(empty_graph, bob, "bob", rating=1, text="late")
    three = await programme_feedback(empty_graph, key, "ada")
    assert (three.answers, three.mean, three.distribution, three.texts) == (
        3, 3.0, (1, 1, 0, 1, 1), ("great", "keen", "late")
    )  # fmt: skip


async def test_each_due_step_is_taken_once(empty_graph: Database) -> None:
    key = await cohort(empty_graph)
    pairing = await _active(empty_graph, key, "mo", "ann")
    due = await take_due_steps(empty_graph)  # the first step is due at the start (week 0)
    assert [(d.step.pairing, d.step.index, d.mentor, d.mentee) for d in due] == [
        (pairing, 0, "mo", "ann")
    ]
    assert await take_due_steps(empty_graph) == []
