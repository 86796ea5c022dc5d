from __future__ import annotations

import json

import pytest

from graph.database import Database
from graph.outcomes import REVIEW_BLOCKS
from graph.registry import statement
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, mentor, person, skill

BLOCK = """mutation($p: String!) { blockPerson(input: {person: $p, reason: "rude"}) {
  person } }"""
UNBLOCK = "mutation($p: String!) { unblockPerson(input: {person: $p}) { person } }"
REPORT = """mutation($p: String!) { reportPerson(input: {person: $p, reason: SPAM, details: "x"}) {
  report { key state } heldFromMatching } }"""
RESOLVE = """mutation($k: String!, $o: ReportOutcome!) {
  resolveReport(input: {report: $k, outcome: $o, note: "looked"}) {
    report { state reported { key } } heldFromMatching } }"""
PERSON = "query($k: String!) { person(key: $k) { key } }"


async def _held(database: Database, key: str) -> bool:
    export = await database.read(
        statement("safety/export_person"),
        {"key": key},
    )
    return bool(export[0]["profile"].get("heldFromMatching"))


async def test_a_block_hides_both_ways_and_ends_what_runs_between_them(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(
        empty_graph,
        people=[person("ann"), mentor("max"), person("cy")],
        knows=knows(("ann", "max"), ("ann", "cy"), ("max", "cy")),
    )
    key = (
        await gql.data(
            'mutation { requestMentorship(input: {mentor: "max"}) { request { key } } }', as_="ann"
        )
    )["requestMentorship"]["request"]["key"]
    blocked = await gql.data(BLOCK, {"p": "max"}, as_="ann")
    assert blocked["blockPerson"] == {"person": "max"}
    assert await gql.error_code(PERSON, {"k": "max"}, as_="ann") == "NOT_FOUND"
    assert await gql.error_code(PERSON, {"k": "ann"}, as_="max") == "NOT_FOUND"
    mutual = await gql.data(
        '{ person(key: "cy") { mutualConnections(with: "ann") { key } } }', as_="max"
    )
    assert mutual["person"]["mutualConnections"] == []
    request = await gql.data(
        "{ viewer { mentorshipRequests(role: MENTEE) { nodes { key state reason } } } }", as_="ann"
    )
    assert request["viewer"]["mentorshipRequests"]["nodes"] == [
        {"key": key, "state": "WITHDRAWN", "reason": "blocked"}
    ]
    again = 'mutation { requestMentorship(input: {mentor: "max"}) { request { key } } }'
    assert await gql.error_code(again, as_="ann") == "NOT_FOUND"
    await gql.data(UNBLOCK, {"p": "max"}, as_="ann")
    assert (await gql.data(PERSON, {"k": "max"}, as_="ann"))["person"]["key"] == "max"
    # Unblocking again answers as the first time: like blocking, alike for any key.
    assert (await gql.data(UNBLOCK, {"p": "max"}, as_="ann"))["unblockPerson"] == {"person": "max"}


async def test_a_block_cancels_an_active_mentorship_with_a_reason(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann"), mentor("max")])
    key = (
        await gql.data(
            'mutation { requestMentorship(input: {mentor: "max"}) { request { key } } }', as_="ann"
        )
    )["requestMentorship"]["request"]["key"]
    await gql.data(
        "mutation($k: String!) { respondToMentorshipRequest(input: {request: $k, accept: true})"
        " { request { state } } }",
        {"k": key},
        as_="max",
    )
    await gql.data(BLOCK, {"p": "ann"}, as_="max")
    export = await gql.data("{ viewer { dataExport } }", as_="ann")
    (mentorship,) = export["viewer"]["dataExport"]["mentorships"]
    assert (mentorship["status"], mentorship["reason"]) == ("CANCELLED", "blocked")


async def test_enough_distinct_reporters_hold_a_person_until_an_admin_decides(
    gql: GraphQLClient, empty_graph: Database, settings: Settings
) -> None:
    threshold = settings.safety.report_hold_threshold
    reporters = [f"r{i}" for i in range(threshold)]
    await build(empty_graph, people=[mentor("max"), *map(person, reporters)])
    keys = []
    for i, reporter in enumerate(reporters):
        await gql.data(REPORT, {"p": "max"}, as_=reporter)  # twice from one counts once
        data = await gql.data(REPORT, {"p": "max"}, as_=reporter)
        keys.append(data["reportPerson"]["report"]["key"])
        assert await _held(empty_graph, "max") is (i + 1 >= threshold)
    assert await gql.error_code(RESOLVE, {"k": keys[0], "o": "DISMISSED"}, as_="r0") == (
        "FORBIDDEN"
    )
    listed = await gql.data(
        "{ reports(state: OPEN, first: 100) { nodes { key } } }", as_="boss", role="admin"
    )
    assert len(listed["reports"]["nodes"]) == 2 * threshold
    open_keys = [node["key"] for node in listed["reports"]["nodes"]]
    for key in open_keys[:-1]:
        await gql.data(RESOLVE, {"k": key, "o": "DISMISSED"}, as_="boss", role="admin")
        assert await _held(empty_graph, "max")
    last = await gql.data(RESOLVE, {"k": open_keys[-1], "o": "DISMISSED"}, as_="boss", role="admin")
    assert last["resolveReport"]["heldFromMatching"] is False
    assert (
        await gql.error_code(
            RESOLVE, {"k": open_keys[-1], "o": "DISMISSED"}, as_="boss", role="admin"
        )
        == "NOT_FOUND"
    )


@pytest.mark.parametrize("who", ["self", "admin"])
async def test_data_export_holds_everything_about_the_viewer(
    gql: GraphQLClient, empty_graph: Database, who: str
) -> None:
    await build(
        empty_graph,
        people=[person("ann"), person("bob")],
        skills=[skill("sql")],
        knows=knows(("ann", "bob")),
        has_skill=[{"person": "ann", "skill": "sql", "level": 2, "years": 1}],
    )
    query = '{ person(key: "ann") { dataExport } }'
    data = await gql.data(
        query, as_="ann" if who == "self" else "boss", role="member" if who == "self" else "admin"
    )
    export = data["person"]["dataExport"]
    assert export["profile"]["key"] == "ann"
    assert export["skills"] == [{"skill": "sql", "level": 2, "years": 1}]
    assert [c["person"] for c in export["connections"]] == ["bob"]
    json.dumps(export)
    assert await gql.error_code(query, as_="bob") == "FORBIDDEN"


async def test_delete_account_removes_the_person_and_what_is_about_them(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann"), mentor("max")], knows=knows(("ann", "max")))
    await gql.data(
        'mutation { requestMentorship(input: {mentor: "max"}) { request { key } } }', as_="ann"
    )
    deleted = await gql.data("mutation { deleteAccount { deleted } }", as_="ann")
    assert deleted == {"deleteAccount": {"deleted": "ann"}}
    assert await gql.error_code(PERSON, {"k": "ann"}, as_="max") == "NOT_FOUND"
    received = await gql.data(
        "{ viewer { mentorshipRequests(role: MENTOR) { nodes { key } } "
        "connections { nodes { key } } } }",
        as_="max",
    )
    assert received["viewer"] == {"mentorshipRequests": {"nodes": []}, "connections": {"nodes": []}}
    # The key is retired: its tokens no longer act (tests/api/test_account_deletion.py).
    again = await gql.error_code("mutation { deleteAccount { deleted } }", as_="ann")
    assert again == "UNAUTHENTICATED"
    assert await gql.error_code("mutation { deleteAccount { deleted } }", as_="nobody") == (
        "NOT_FOUND"
    )


async def test_a_report_s_id_is_the_same_in_its_payload_the_list_and_node(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    """Caches normalise a report by `id`: the payload that filed it, `reports` and
    `node(id:)` name it alike, and `node(id:)` reads its state after a resolution."""
    await build(empty_graph, people=[mentor("max"), person("ann")])
    filed = await gql.data("""mutation { reportPerson(input: {person: "max", reason: SPAM})
      { report { id key } } }""", as_="ann")  # fmt: skip
    report = filed["reportPerson"]["report"]
    listed = await gql.data("{ reports { nodes { id } } }", as_="boss", role="admin")
    assert listed["reports"]["nodes"] == [{"id": report["id"]}]
    node = "query($id: ID!) { node(id: $id) { id ... on Report { key state } } }"
    found = await gql.data(node, {"id": report["id"]}, as_="boss", role="admin")
    assert found["node"] == {**report, "state": "OPEN"}
    await gql.data(RESOLVE, {"k": report["key"], "o": "DISMISSED"}, as_="boss", role="admin")
    found = await gql.data(node, {"id": report["id"]}, as_="boss", role="admin")
    assert found["node"]["state"] == "DISMISSED"


async def test_a_pattern_of_blocks_reaches_the_admins_queue_as_a_report_by_nobody(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    blockers = [f"b{i}" for i in range(REVIEW_BLOCKS)]
    await build(empty_graph, people=[mentor("max"), *map(person, blockers)])
    for blocker in blockers:
        await gql.data(BLOCK, {"p": "max"}, as_=blocker)
    listed = await gql.data(
        "{ reports(state: OPEN) { nodes { id pattern reason details reporter { key }"
        " reported { key } } } }",
        as_="boss",
        role="admin",
    )
    (report,) = listed["reports"]["nodes"]
    assert {k: v for k, v in report.items() if k != "id"} == {
        "pattern": "BLOCKED_BY_MANY",
        "reason": "OTHER",
        "details": f"BLOCKED_BY_MANY: {REVIEW_BLOCKS} people",
        "reporter": None,
        "reported": {"key": "max"},
    }
    assert not await _held(empty_graph, "max")
    node = "query($id: ID!) { node(id: $id) { ... on Report { pattern state } } }"
    found = await gql.data(node, {"id": report["id"]}, as_="boss", role="admin")
    assert found["node"] == {"pattern": "BLOCKED_BY_MANY", "state": "OPEN"}
