"""Deleting an account sheds no moderation and leaves no trace of the key.

The key is retired for good (a tombstone holds a hash of it): no token for it acts
again and no profile is made under it; the reports it filed and the reports about it
stay, against the tombstone, so no hold is lost; and afterwards no property of any
node or relationship in the whole store equals or contains the key.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette

from graph.database import Database
from graph.errors import Conflict
from graph.events.store import NewMatch, record_matches
from graph.pages import Window
from graph.people import ProfileFields, create_profile
from graph.programmes.drafts import draft_pairs
from graph.ranking.signals import SIGNAL_NAMES
from graph.registry import statement
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, mentor, person, skill

DELETE = "mutation { deleteAccount { deleted } }"
CREATE = 'mutation { createProfile(input: {name: "Again"}) { person { key } } }'
REPORT = """mutation($p: String!) { reportPerson(input: {person: $p, reason: SPAM, details: "x"}) {
  report { key } } }"""
REPORTS = "{ reports(first: 100) { nodes { key state reporter { key } reported { key } } } }"
RESOLVE = """mutation($k: String!) {
  resolveReport(input: {report: $k, outcome: ACTION_TAKEN, note: "seen"}) { report { key } } }"""


async def _held(database: Database, key: str) -> bool:
    rows = await database.read(statement("safety/export_person"), {"key": key})
    return bool(rows[0]["profile"].get("heldFromMatching"))


async def _reports(gql: GraphQLClient) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = (await gql.data(REPORTS, as_="boss", role="admin"))["reports"][
        "nodes"
    ]
    return nodes


async def _max_and_reporters(database: Database, settings: Settings) -> list[str]:
    """A mentor, max, and as many people as it takes to hold him; their keys."""
    reporters = [f"r{i}" for i in range(settings.safety.report_hold_threshold)]
    await build(database, people=[mentor("max"), *map(person, reporters)])
    return reporters


async def test_a_reported_person_cannot_shed_reports_by_deleting_and_signing_up_again(
    gql: GraphQLClient, empty_graph: Database, settings: Settings
) -> None:
    reporters = await _max_and_reporters(empty_graph, settings)
    for reporter in reporters:
        await gql.data(REPORT, {"p": "max"}, as_=reporter)
    assert await _held(empty_graph, "max")

    assert (await gql.data(DELETE, as_="max"))["deleteAccount"] == {"deleted": "max"}
    body = await gql.send(CREATE, as_="max")  # a fresh token for the same key
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert body["errors"][0]["message"] == "this account was deleted"
    with pytest.raises(Conflict, match="deleted account"):  # below the API as well
        await create_profile(empty_graph, "max", ProfileFields(name="Max"))
    rows = await empty_graph.read(statement("stats/count_labels"), {})
    assert {row["label"]: row["count"] for row in rows}.get("Person") == len(reporters)

    reports = await _reports(gql)
    assert len(reports) == len(reporters), "every report on the deleted person is kept"
    assert {r["reporter"]["key"] for r in reports} == set(reporters)
    assert all(r["reported"] is None and r["state"] == "OPEN" for r in reports)
    # An admin can still decide them; no one is held by it.
    await gql.data(RESOLVE, {"k": reports[0]["key"]}, as_="boss", role="admin")


async def test_a_deleted_reporter_still_counts_towards_a_hold(
    gql: GraphQLClient, empty_graph: Database, settings: Settings
) -> None:
    reporters = await _max_and_reporters(empty_graph, settings)
    for reporter in reporters[:-1]:
        await gql.data(REPORT, {"p": "max"}, as_=reporter)
    assert not await _held(empty_graph, "max")
    await gql.data(DELETE, as_=reporters[0])
    await gql.data(REPORT, {"p": "max"}, as_=reporters[-1])
    assert await _held(empty_graph, "max"), "the deleted reporter's report still counts"
    reports = await _reports(gql)
    assert sorted(r["reporter"]["key"] if r["reporter"] else "" for r in reports) == [
        "",
        *reporters[1:],
    ]


KEY = "zed-4711"
"""A key no other value in the test graph contains."""


def _traces(value: object, key: str) -> bool:
    if isinstance(value, str):
        return key in value
    if isinstance(value, list | tuple):
        return any(_traces(item, key) for item in value)
    if isinstance(value, dict):
        return any(_traces(item, key) for item in value.values())
    return False


async def _store_holds(database: Database, key: str) -> list[object]:
    """Every node and relationship in the store whose properties (or ends) hold `key`."""
    nodes = await database.read(statement("stats/list_node_contents"), {})
    links = await database.read(statement("stats/list_relationship_contents"), {})
    return [row for row in nodes + links if _traces(row, key)]


async def test_delete_account_leaves_no_trace_of_the_key_anywhere_in_the_store(
    gql: GraphQLClient, app: Starlette, empty_graph: Database
) -> None:
    """The deleted person has been everywhere a key can be written: profile, skills,
    goals, employer, school, connections, connection requests both ways, mentorship
    requests both ways, mentorships both ways, blocks both ways, reports filed and
    received, a report resolved as admin, match events as mentee and as mentor."""
    await build(
        empty_graph,
        people=[mentor(KEY, capacity=3), mentor("mo"), person("ann"), person("cy"),
                person("dee"), person("eve"), person("fay"), person("gus")],
        skills=[skill("sql"), skill("go")],
        employers=[{"key": "acme", "name": "Acme", "industry": "tools"}],
        schools=[{"key": "uni", "name": "Uni"}],
        knows=knows((KEY, "ann"), ("cy", KEY)),
        has_skill=[{"person": KEY, "skill": "sql", "level": 4, "years": 3}],
        wants_to_learn=[{"person": KEY, "skill": "go", "priority": 1}],
        works_at=[{"person": KEY, "employer": "acme", "title": "dev", "since": None,
                   "until": None}],
        studied_at=[{"person": KEY, "school": "uni", "since": None, "until": None}],
        blocks=[{"person": KEY, "blocked": "fay"}, {"person": "gus", "blocked": KEY}],
    )  # fmt: skip
    await gql.data('mutation { requestConnection(input: {person: "dee"}) { __typename } }', as_=KEY)
    await gql.data(
        f'mutation {{ requestConnection(input: {{person: "{KEY}"}}) {{ __typename }} }}', as_="eve"
    )
    ask = "mutation($m: String!) { requestMentorship(input: {mentor: $m}) { request { key } } }"
    await gql.data(ask, {"m": "mo"}, as_=KEY)
    accepted = (await gql.data(ask, {"m": KEY}, as_="ann"))["requestMentorship"]["request"]["key"]
    await gql.data(
        "mutation($k: String!) { respondToMentorshipRequest(input: {request: $k, accept: true})"
        " { request { state } } }",
        {"k": accepted},
        as_=KEY,
    )
    await gql.data(ask, {"m": KEY}, as_="cy")  # pending, to the deleted person
    await gql.data(REPORT, {"p": "cy"}, as_=KEY)
    await gql.data(REPORT, {"p": KEY}, as_="dee")
    filed = await gql.data(REPORT, {"p": "eve"}, as_="ann")
    # The deleted person, as an admin, resolved someone else's report.
    await gql.data(RESOLVE, {"k": filed["reportPerson"]["report"]["key"]}, as_=KEY, role="admin")
    await record_matches(
        empty_graph,
        [NewMatch(KEY, "mo", 1.0, ()), NewMatch("dee", KEY, 1.0, ())],
    )
    assert len(await _store_holds(empty_graph, KEY)) > 15, "the key is everywhere at first"

    await gql.data(DELETE, as_=KEY)
    await app.state.events.drain()  # the change log names the key until its changes are applied
    assert await _store_holds(empty_graph, KEY) == []
    # What others own survives: their reports (one about the tombstone), their profiles.
    assert len(await _reports(gql)) == 3
    export = (await gql.data("{ viewer { dataExport } }", as_="dee"))["viewer"]["dataExport"]
    assert [report["reported"] for report in export["reportsFiled"]] == [None]
    assert (await gql.data('{ person(key: "ann") { key } }', as_="ann"))["person"] == {"key": "ann"}


async def test_delete_account_leaves_no_trace_in_programmes(
    gql: GraphQLClient, app: Starlette, empty_graph: Database
) -> None:
    """Programmes keep person keys as values (a draft's pairs and unmatched mentees, who drew
    a draft, who proposed a pairing, who left feedback, logged a check-in or completed a
    step), written here by
    the product's own statements; the drafts lose the deleted person's pairs only."""
    await build(empty_graph, people=[mentor(KEY, capacity=3), mentor("mo"), person("ann"),
                                     person("cy")])  # fmt: skip
    await empty_graph.write(statement("programmes/create_programme"), {
        "key": "pg", "admin": KEY, "name": "Pg", "template": "GENERAL", "startsOn": None,
        "endsOn": None, "visibility": "PUBLIC"})  # fmt: skip
    pair = {"values": [0.0] * len(SIGNAL_NAMES), "shares": [0.0] * len(SIGNAL_NAMES)}
    await empty_graph.write(statement("programmes/create_draft"), {
        "key": "d1", "programme": "pg", "createdBy": KEY, "spread": 1, "unmatched": [KEY],
        "pairs": [{**pair, "mentee": "ann", "mentor": KEY, "score": 1.0},
                  {**pair, "mentee": "cy", "mentor": "mo", "score": 2.0}]})  # fmt: skip
    await empty_graph.write(statement("programmes/create_proposals"), {
        "programme": "pg", "viewer": KEY,
        "pairs": [{"key": "pm1", "mentor": "mo", "mentee": "ann"}]})  # fmt: skip
    await empty_graph.write(statement("programmes/leave_feedback"), {
        "key": "pm1", "side": "MENTEE", "person": KEY, "rating": 4, "text": None})  # fmt: skip
    await empty_graph.write(statement("programmes/log_check_in"), {
        "key": "pm1", "checkIn": "ci1", "person": KEY, "on": None, "note": "n"})  # fmt: skip
    await empty_graph.write(statement("programmes/start_mentorship"), {
        "key": "pm1", "steps": [{"index": 0, "title": "Meet", "week": 1}]})  # fmt: skip
    await empty_graph.write(statement("programmes/complete_step"), {
        "key": "pm1", "index": 0, "person": KEY})  # fmt: skip
    assert len(await _store_holds(empty_graph, KEY)) >= 7

    await gql.data(DELETE, as_=KEY)
    await app.state.events.drain()
    assert await _store_holds(empty_graph, KEY) == []
    pairs = await draft_pairs(empty_graph, "d1", "ann", Window(10))
    assert [(p.mentee, p.mentor, p.score) for p in pairs] == [("cy", "mo", 2.0)]
