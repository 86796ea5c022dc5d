"""Programmes through the real app: visibility, admin-only work, proposals, steps, feedback."""

from __future__ import annotations

import datetime as dt

from api.node import global_id
from graph.database import Database
from graph.safety import block_person, unblock_person
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, mentor, person

CREATE = """mutation($t: ProgrammeTemplate!, $v: ProgrammeVisibility!) {
  createProgramme(input: {name: "Spring", template: $t, startsOn: "2026-01-05",
                          visibility: $v}) {
    programme { id key state endsOn viewerIsAdmin templateSteps { title week } } } }"""
STATE = """mutation($p: String!, $s: ProgrammeState!) {
  setProgrammeState(input: {programme: $p, state: $s}) { programme { state } } }"""
INVITE = """mutation($p: String!, $k: String!) {
  addToProgramme(input: {programme: $p, person: $k, as: INVITEE}) { programme { key } } }"""
JOIN = """mutation($p: String!, $r: ProgrammeRole!, $c: Int) {
  joinProgramme(input: {programme: $p, role: $r, capacity: $c}) {
    programme { viewerRole } } }"""
PROGRAMME = """query($p: String!) { programme(key: $p) {
  key members { nodes { person { key } role capacity } } } }"""
PROPOSE = """mutation($p: String!, $pairs: [ProposedPair!]!) {
  proposeProgrammePairs(input: {programme: $p, pairs: $pairs}) {
    mentorships { key state mentor { key } mentee { key } } } }"""
ANSWER = """mutation($m: String!, $a: Boolean!) {
  answerProgrammeProposal(input: {mentorship: $m, accept: $a}) {
    mentorship { state startedOn steps { index dueOn doneAt } } } }"""
END = """mutation($m: String!) {
  endProgrammeMentorship(input: {mentorship: $m}) { mentorship { state } } }"""
STEP = """mutation($m: String!) {
  completeProgrammeStep(input: {mentorship: $m, step: 0}) { step { index doneAt } } }"""
CHECK_IN = """mutation($m: String!) {
  logProgrammeCheckIn(input: {mentorship: $m, on: "2026-02-01", note: "talked"}) {
    checkIn { note by { key } } } }"""
FEEDBACK = """mutation($m: String!, $r: Int!) {
  leaveProgrammeFeedback(input: {mentorship: $m, rating: $r, text: "fine"}) {
    mentorship { state } } }"""
READ_FEEDBACK = """query($p: String!) { programme(key: $p) {
  feedback { answers meanRating distribution texts } } }"""
MENTORSHIPS = """query($p: String!) { programme(key: $p) {
  mentorships { nodes { key state checkIns { nodes { note } } } } } }"""
MATCHES = (
    """query($id: ID!) { viewer { mentorMatches(programme: $id) { nodes { mentor { key } } } } }"""
)
NODE = "query($id: ID!) { node(id: $id) { id } }"


async def _programme(
    gql: GraphQLClient, template: str = "CAREER", visibility: str = "PUBLIC"
) -> str:
    data = await gql.data(CREATE, {"t": template, "v": visibility}, as_="ada")
    key = str(data["createProgramme"]["programme"]["key"])
    await gql.data(STATE, {"p": key, "s": "OPEN"}, as_="ada")
    return key


async def _cohort(gql: GraphQLClient, database: Database, visibility: str = "PUBLIC") -> str:
    await build(
        database,
        people=[person("ada"), person("ann"), person("bob"), person("out"), mentor("mo"),
                person("f")],
        knows=knows(("ann", "f"), ("f", "mo")),
    )  # fmt: skip
    key = await _programme(gql, visibility=visibility)
    for who, role, capacity in (
        ("mo", "MENTOR", 1),
        ("ann", "MENTEE", None),
        ("bob", "MENTEE", None),
    ):
        await gql.data(INVITE, {"p": key, "k": who}, as_="ada")
        await gql.data(JOIN, {"p": key, "r": role, "c": capacity}, as_=who)
    return key


async def test_a_members_programme_is_hidden_from_others_like_a_missing_key(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    key = await _cohort(gql, empty_graph, visibility="MEMBERS")
    members = await gql.data(PROGRAMME, {"p": key}, as_="ann")
    assert [m["person"]["key"] for m in members["programme"]["members"]["nodes"]] == [
        "ann", "bob", "mo"
    ]  # fmt: skip
    missing = await gql.send(PROGRAMME, {"p": "pg-nobody"}, as_="out")
    hidden = await gql.send(PROGRAMME, {"p": key}, as_="out")
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert str(hidden).replace(key, "K") == str(missing).replace("pg-nobody", "K")
    for document, variables in (
        (JOIN, {"p": key, "r": "MENTEE", "c": None}),
        (STATE, {"p": key, "s": "CLOSED"}),
        (INVITE, {"p": key, "k": "out"}),
    ):
        assert await gql.error_code(document, variables, as_="out") == "NOT_FOUND"
    absent_id, hidden_id = global_id("Programme", "pg-nobody"), global_id("Programme", key)
    absent = await gql.send(NODE, {"id": absent_id}, as_="out")
    node = await gql.send(NODE, {"id": hidden_id}, as_="out")
    assert str(node).replace(hidden_id, "ID") == str(absent).replace(absent_id, "ID")
    found = await gql.data(NODE, {"id": global_id("Programme", key)}, as_="bob")
    assert found["node"] == {"id": global_id("Programme", key)}
    listed = await gql.data("{ programmes { nodes { key } } }", as_="out", role="admin")
    assert listed["programmes"]["nodes"] == []


async def test_admin_work_is_forbidden_to_members_and_feedback_to_all_but_admins(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    key = await _cohort(gql, empty_graph)
    assert await gql.error_code(STATE, {"p": key, "s": "CLOSED"}, as_="ann") == "FORBIDDEN"
    pairs = [{"mentor": "mo", "mentee": "ann"}]
    assert await gql.error_code(PROPOSE, {"p": key, "pairs": pairs}, as_="ann") == "FORBIDDEN"
    assert await gql.error_code(READ_FEEDBACK, {"p": key}, as_="ann") == "FORBIDDEN"
    assert await gql.error_code(READ_FEEDBACK, {"p": key}, as_="out", role="admin") == ("FORBIDDEN")
    support = await gql.send(CREATE, {"t": "SUPPORT", "v": "PUBLIC"}, as_="ada")
    assert support["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_a_proposal_accepted_by_both_runs_to_feedback(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    key = await _cohort(gql, empty_graph)
    pairs = [{"mentor": "mo", "mentee": "ann"}, {"mentor": "mo", "mentee": "bob"}]
    assert await gql.error_code(PROPOSE, {"p": key, "pairs": pairs}, as_="ada") == "CONFLICT"
    data = await gql.data(PROPOSE, {"p": key, "pairs": pairs[:1]}, as_="ada")
    (proposal,) = data["proposeProgrammePairs"]["mentorships"]
    assert proposal["mentor"] == {"key": "mo"} and proposal["state"] == "PROPOSED"
    pairing = proposal["key"]
    await gql.data(ANSWER, {"m": pairing, "a": True}, as_="ann")
    started = (await gql.data(ANSWER, {"m": pairing, "a": True}, as_="mo"))[
        "answerProgrammeProposal"
    ]["mentorship"]
    assert started["state"] == "ACTIVE"
    assert started["steps"][0]["dueOn"] == started["startedOn"] == dt.date.today().isoformat()
    assert (await gql.data(STEP, {"m": pairing}, as_="ann"))["completeProgrammeStep"]["step"][
        "doneAt"
    ]
    assert await gql.error_code(STEP, {"m": pairing}, as_="bob") == "NOT_FOUND"
    logged = await gql.data(CHECK_IN, {"m": pairing}, as_="mo")
    assert logged["logProgrammeCheckIn"]["checkIn"] == {"note": "talked", "by": {"key": "mo"}}
    own = await gql.data(MENTORSHIPS, {"p": key}, as_="bob")
    assert own["programme"]["mentorships"]["nodes"] == []
    every = await gql.data(MENTORSHIPS, {"p": key}, as_="ada")
    assert every["programme"]["mentorships"]["nodes"] == [
        {"key": pairing, "state": "ACTIVE", "checkIns": {"nodes": [{"note": "talked"}]}}
    ]
    assert await gql.error_code(END, {"m": pairing}, as_="ann") == "FORBIDDEN"
    await gql.data(END, {"m": pairing}, as_="ada")
    for who, rating in (("ann", 5), ("mo", 3)):
        await gql.data(FEEDBACK, {"m": pairing, "r": rating}, as_=who)
    assert await gql.error_code(FEEDBACK, {"m": pairing, "r": 1}, as_="ann") == "CONFLICT"
    summary = await gql.data(READ_FEEDBACK, {"p": key}, as_="ada")
    assert summary["programme"]["feedback"] == {
        "answers": 2, "meanRating": None, "distribution": [], "texts": []
    }  # fmt: skip
    await gql.data(STATE, {"p": key, "s": "CLOSED"}, as_="ada")
    assert await gql.error_code(PROPOSE, {"p": key, "pairs": pairs[1:]}, as_="ada") == "CONFLICT"


async def test_matching_inside_a_programme_ranks_its_mentors_for_its_mentees(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    key = await _cohort(gql, empty_graph)
    await build(empty_graph, people=[mentor("other")], knows=knows(("f", "other")))
    programme_id = global_id("Programme", key)
    inside = await gql.data(MATCHES, {"id": programme_id}, as_="ann")
    assert inside["viewer"]["mentorMatches"]["nodes"] == [{"mentor": {"key": "mo"}}]
    assert await gql.error_code(MATCHES, {"id": programme_id}, as_="out") == "FORBIDDEN"
    wrong = global_id("Person", "mo")
    assert await gql.error_code(MATCHES, {"id": wrong}, as_="ann") == "BAD_USER_INPUT"


async def test_a_person_the_admin_may_not_see_is_in_neither_of_the_programme_s_lists(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    """Members and mentorships take the one rule (rules/visible_to_caller): a mentee who
    blocked the admin is in neither list, and is back in both once unblocked."""
    key = await _cohort(gql, empty_graph)
    data = await gql.data(PROPOSE, {"p": key, "pairs": [{"mentor": "mo", "mentee": "ann"}]},
                          as_="ada")  # fmt: skip
    (pairing,) = (m["key"] for m in data["proposeProgrammePairs"]["mentorships"])

    async def listed() -> tuple[set[str], list[str]]:
        members = await gql.data(PROGRAMME, {"p": key}, as_="ada")
        pairs = await gql.data(MENTORSHIPS, {"p": key}, as_="ada")
        return (
            {n["person"]["key"] for n in members["programme"]["members"]["nodes"]},
            [n["key"] for n in pairs["programme"]["mentorships"]["nodes"]],
        )

    assert await listed() == ({"mo", "ann", "bob"}, [pairing])
    await block_person(empty_graph, "ann", "ada", reason=None)
    assert await listed() == ({"mo", "bob"}, [])
    await unblock_person(empty_graph, "ann", "ada")
    assert await listed() == ({"mo", "ann", "bob"}, [pairing])
