"""A programme admin's answers hide a person hidden from them as if they never took part.

Two programmes over one graph, both run by `ada` with a second admin `bea`: in one the
hidden mentee `he` and the hidden mentor `hr` take part (proposed, paired, stepped,
checked in, ended, rated, then drawn into `ada`'s cohort draft), in the other they never
joined. Then they become hidden from `bea`, in each way one can be (docs/privacy.md): she
blocks them, they block her, they go PRIVATE, or CONNECTIONS with no connection to her.
Every answer `bea` gets about a programme (its members, mentorships with their steps and
check-ins, feedback, the cohort draft with its pairs, scores and totals, by field and by
`node(id:)`, editing and publishing it, and the mutations on a mentorship by key) must be
the same in both programmes, keys aside (docs/programmes.md, "Who sees what").
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from api.node import global_id
from graph.database import Database
from graph.pages import Window
from graph.people import ProfileFields, update_profile
from graph.programmes.drafts import draft_assignment
from graph.programmes.feedback import leave_feedback
from graph.programmes.pairings import (
    Pair,
    answer_proposal,
    end_programme_mentorship,
    pairings_of_programme,
    propose_pairs,
)
from graph.programmes.programmes import add_person
from graph.programmes.progress import complete_step, log_check_in
from graph.safety import block_person
from graph.viewer import Viewer
from tests.api.graphql import GraphQLClient
from tests.builders import build, mentor, person, skill
from tests.graph.programmes.cohort import ADMIN, open_programme

SECOND = "bea"
HIDDEN_MENTEE, HIDDEN_MENTOR = "he", "hr"
KINDS = ("blocked", "blocker", "private", "connections")
CONTROL = (("v1", "m1"), ("v3", "m2"))
"""Pairs of visible people, run through the same steps in both programmes."""
WITH_HIDDEN = ((HIDDEN_MENTEE, "m2"), ("v2", HIDDEN_MENTOR))
"""Pairs with a hidden person: a hidden mentee of a visible mentor, and the other way."""

DRAFT_FIELDS = """key state totalScore pairCount unmatchedCount spread
  pairs(first: 20) { nodes { score mentee { key } mentor { key }
                             signals { name value share } } }"""
PROGRAMME = f"""query($p: String!, $d: String!, $id: ID!) {{
  programme(key: $p) {{
    members(first: 20) {{ nodes {{ person {{ key }} role capacity goals }} }}
    mentorships(first: 20) {{ nodes {{ state mentorAccepted menteeAccepted
      mentor {{ key }} mentee {{ key }} steps {{ index title }}
      checkIns(first: 20) {{ nodes {{ note on by {{ key }} }} }} }} }}
    feedback {{ answers meanRating distribution texts }}
  }}
  cohortDraft(key: $d) {{ {DRAFT_FIELDS} }}
  node(id: $id) {{ ... on CohortDraft {{ {DRAFT_FIELDS} }} }}
}}"""
EDIT = """mutation($d: String!, $mentee: String!, $mentor: String) {
  editCohortAssignment(input: {draft: $d, mentee: $mentee, mentor: $mentor}) {
    draft { totalScore pairCount unmatchedCount } } }"""
PUBLISH = f"""mutation($d: String!) {{
  publishCohortAssignment(input: {{draft: $d}}) {{ draft {{ {DRAFT_FIELDS} }} }} }}"""
ON_MENTORSHIP = {
    "end": "mutation($m: String!) { endProgrammeMentorship(input: {mentorship: $m})"
    " { mentorship { state } } }",
    "check-in": "mutation($m: String!) { logProgrammeCheckIn(input: {mentorship: $m,"
    ' on: "2026-02-01", note: "hi"}) { checkIn { note } } }',
    "step": "mutation($m: String!) { completeProgrammeStep(input: {mentorship: $m, step: 0})"
    " { step { index } } }",
    "feedback": "mutation($m: String!) { leaveProgrammeFeedback(input: {mentorship: $m,"
    " rating: 3}) { mentorship { state } } }",
}


async def _people(database: Database) -> None:
    def has(who: str, what: str) -> dict[str, object]:
        return {"person": who, "skill": what, "level": 5, "years": 1}

    def wants(who: str, what: str) -> dict[str, object]:
        return {"person": who, "skill": what, "priority": 1}

    await build(
        database,
        people=[
            person(ADMIN),
            person(SECOND),
            *(mentor(key, capacity=3) for key in ("m1", "m2", HIDDEN_MENTOR)),
            *(person(key, seekingMentor=True) for key in ("v1", "v2", "v3", HIDDEN_MENTEE)),
        ],
        skills=[skill("python"), skill("go"), skill("rust")],
        has_skill=[has("m1", "python"), has("m2", "go"), has(HIDDEN_MENTOR, "rust")],
        wants_to_learn=[
            wants("v1", "python"), wants("v2", "rust"), wants("v3", "go"),
            wants(HIDDEN_MENTEE, "go"),
        ],
    )  # fmt: skip


async def _programme(database: Database, *, hidden: bool) -> str:
    """An OPEN programme `ada` and `bea` admin; with `hidden`, `he` and `hr` take part."""
    mentors = {"m1": 2, "m2": 2, **({HIDDEN_MENTOR: 1} if hidden else {})}
    mentees = {"v1": ("python",), "v2": ("rust",), "v3": ("go",)}
    if hidden:
        mentees[HIDDEN_MENTEE] = ("go",)
    name = "With" if hidden else "Without"
    key = await open_programme(database, mentors=mentors, mentees=mentees, name=name)
    await add_person(database, key, ADMIN, SECOND, as_="ADMINS")
    return key


async def _run_mentorships(database: Database, programme: str, pairs: tuple[Pair, ...]) -> None:
    """Each pair proposed, accepted, stepped, checked in, ended and rated by both sides."""
    for proposed in await propose_pairs(database, programme, ADMIN, pairs):
        for side in (proposed.mentee, proposed.mentor):
            await answer_proposal(database, proposed.key, side, accept=True)
        await complete_step(database, proposed.key, proposed.mentee, 0)
        await log_check_in(
            database, proposed.key, proposed.mentor, on=dt.date(2026, 2, 1), note="on track"
        )
        await end_programme_mentorship(database, proposed.key, ADMIN)
        for side, rating in ((proposed.mentee, 5), (proposed.mentor, 4)):
            await leave_feedback(database, proposed.key, side, rating=rating, text="good")


async def _hide(database: Database, kind: str) -> None:
    for key in (HIDDEN_MENTEE, HIDDEN_MENTOR):
        if kind == "blocked":
            await block_person(database, SECOND, key, reason=None)
        elif kind == "blocker":
            await block_person(database, key, SECOND, reason=None)
        else:
            visibility = "PRIVATE" if kind == "private" else "CONNECTIONS"
            await update_profile(database, key, ProfileFields(visibility=visibility))


def _same(answer: dict[str, Any], *keys: str) -> str:
    text = json.dumps(answer, sort_keys=True)
    for i, key in enumerate(keys):
        text = text.replace(key, f"<key {i}>")
    return text


@pytest.mark.parametrize("kind", KINDS)
async def test_a_second_admin_sees_a_programme_as_if_a_hidden_person_never_took_part(
    gql: GraphQLClient, empty_graph: Database, kind: str
) -> None:
    await _people(empty_graph)
    keys = {hidden: await _programme(empty_graph, hidden=hidden) for hidden in (True, False)}
    for hidden, programme in keys.items():
        run = CONTROL + (WITH_HIDDEN if hidden else ())
        await _run_mentorships(
            empty_graph, programme, tuple(Pair(mentor=m, mentee=e) for e, m in run)
        )
    pairing_sides = {  # each hidden mentorship, and its hidden side, who sees both sides
        p.key: p.mentee if p.mentee == HIDDEN_MENTEE else p.mentor
        for p in await pairings_of_programme(
            empty_graph, keys[True], Viewer(ADMIN), Window(20), admin=True, state=None
        )
        if {p.mentor, p.mentee} & {HIDDEN_MENTEE, HIDDEN_MENTOR}
    }
    hidden_pairings = list(pairing_sides)
    assert len(hidden_pairings) == 2
    drafts = {
        hidden: (await draft_assignment(empty_graph, programme, ADMIN, spread=0)).key
        for hidden, programme in keys.items()
    }
    drawn = await gql.data(
        "query($d: String!) { cohortDraft(key: $d) { pairCount unmatchedCount } }",
        {"d": drafts[True]},
        as_=ADMIN,
    )
    assert drawn["cohortDraft"] == {"pairCount": 4, "unmatchedCount": 0}, "all drawn in"
    await _hide(empty_graph, kind)

    async def answers(hidden: bool) -> dict[str, str]:
        programme, draft = keys[hidden], drafts[hidden]
        keyed = (programme, draft)
        read = {"p": programme, "d": draft, "id": global_id("CohortDraft", draft)}
        found = {"read": _same(await gql.send(PROGRAMME, read, as_=SECOND), *keyed)}
        for mentee, to in ((HIDDEN_MENTEE, "m2"), ("v2", None), ("v2", "m1")):
            edit = {"d": draft, "mentee": mentee, "mentor": to}
            found[f"edit {mentee} {to}"] = _same(await gql.send(EDIT, edit, as_=SECOND), *keyed)
        found["publish"] = _same(await gql.send(PUBLISH, {"d": draft}, as_=SECOND), *keyed)
        found["after"] = _same(await gql.send(PROGRAMME, read, as_=SECOND), *keyed)
        return found

    with_hidden, without = await answers(True), await answers(False)
    assert with_hidden == without
    assert '"pairCount": 2' in with_hidden["read"] and '"answers": 4' in with_hidden["read"]
    for name, document in ON_MENTORSHIP.items():
        absent = await gql.send(document, {"m": "pm-absent"}, as_=SECOND)
        assert absent["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        for pairing in hidden_pairings:
            answer = await gql.send(document, {"m": pairing}, as_=SECOND)
            assert _same(answer, pairing) == _same(absent, "pm-absent"), (name, pairing)
    node = "query($id: ID!) { node(id: $id) { id } }"
    absent_id = global_id("ProgrammeMentorship", "pm-absent")
    absent = await gql.send(node, {"id": absent_id}, as_=SECOND)
    assert absent["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    for pairing in hidden_pairings:
        hidden_id = global_id("ProgrammeMentorship", pairing)
        answer = await gql.send(node, {"id": hidden_id}, as_=SECOND)
        assert _same(answer, hidden_id) == _same(absent, absent_id), ("node", pairing)
        seen = await gql.data(node, {"id": hidden_id}, as_=pairing_sides[pairing])
        assert seen["node"] == {"id": hidden_id}, "the hidden mentorship is someone's"
    proposed = await pairings_of_programme(
        empty_graph, keys[True], Viewer(ADMIN), Window(20), admin=True, state="PROPOSED"
    )
    assert sorted((p.mentee, p.mentor) for p in proposed) == list(CONTROL), "only what bea sees"
