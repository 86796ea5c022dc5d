from __future__ import annotations

import asyncio
import dataclasses

import httpx

from api.app import create_app
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, mentor, person
from tests.servers import lifespan

REQUEST = """mutation($mentor: String!) {
  requestMentorship(input: {mentor: $mentor, message: "hi", goals: ["python"]}) {
    request { key state mentee { key } mentor { key } } } }"""
RESPOND = """mutation($key: String!, $accept: Boolean!) {
  respondToMentorshipRequest(input: {request: $key, accept: $accept, reason: "ok"}) {
    request { key state reason } } }"""
WITHDRAW = """mutation($key: String!) {
  withdrawMentorshipRequest(input: {request: $key}) { request { state } } }"""
END = """mutation($person: String!, $outcome: MentorshipEnd!) {
  endMentorship(input: {person: $person, outcome: $outcome, reason: "done"}) {
    status mentor { key } mentee { key } } }"""
LISTS = """query($k: String!) { person(key: $k) {
  mentors { key } mentees { key }
  mentorshipRequests(role: MENTEE) { nodes { state mentor { key } } } } }"""


async def _request(gql: GraphQLClient, mentee: str, mentor_key: str) -> str:
    data = await gql.data(REQUEST, {"mentor": mentor_key}, as_=mentee)
    return str(data["requestMentorship"]["request"]["key"])


async def test_a_request_is_accepted_and_becomes_a_mentorship_that_ends(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann"), mentor("max")])
    key = await _request(gql, "ann", "max")
    assert await gql.error_code(REQUEST, {"mentor": "max"}, as_="ann") == "CONFLICT"
    assert await gql.error_code(RESPOND, {"key": key, "accept": True}, as_="ann") == "FORBIDDEN"
    accepted = await gql.data(RESPOND, {"key": key, "accept": True}, as_="max")
    assert accepted["respondToMentorshipRequest"]["request"]["state"] == "ACCEPTED"
    assert await gql.error_code(RESPOND, {"key": key, "accept": False}, as_="max") == "CONFLICT"
    lists = await gql.data(LISTS, {"k": "ann"}, as_="ann")
    assert lists["person"]["mentors"] == [{"key": "max"}]
    assert lists["person"]["mentorshipRequests"]["nodes"] == [
        {"state": "ACCEPTED", "mentor": {"key": "max"}}
    ]
    ended = await gql.data(END, {"person": "max", "outcome": "COMPLETED"}, as_="ann")
    assert ended["endMentorship"] == {
        "status": "COMPLETED",
        "mentor": {"key": "max"},
        "mentee": {"key": "ann"},
    }
    assert await gql.error_code(END, {"person": "max", "outcome": "CANCELLED"}, as_="ann") == (
        "NOT_FOUND"
    )


async def test_declined_and_withdrawn_requests_are_final(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann"), mentor("max"), mentor("mo")])
    declined = await _request(gql, "ann", "max")
    data = await gql.data(RESPOND, {"key": declined, "accept": False}, as_="max")
    assert data["respondToMentorshipRequest"]["request"]["state"] == "DECLINED"
    withdrawn = await _request(gql, "ann", "mo")
    assert await gql.error_code(WITHDRAW, {"key": withdrawn}, as_="mo") == "FORBIDDEN"
    data = await gql.data(WITHDRAW, {"key": withdrawn}, as_="ann")
    assert data["withdrawMentorshipRequest"]["request"]["state"] == "WITHDRAWN"
    assert await gql.error_code(RESPOND, {"key": withdrawn, "accept": True}, as_="mo") == (
        "CONFLICT"
    )


async def test_others_cannot_read_someones_requests(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann"), person("eve")])
    assert await gql.error_code(LISTS, {"k": "ann"}, as_="eve") == "FORBIDDEN"
    assert (await gql.data(LISTS, {"k": "ann"}, as_="eve", role="admin"))["person"]["mentors"] == []


async def test_a_mentee_has_at_most_five_open_requests(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    mentors = [mentor(f"m{i}") for i in range(6)]
    await build(empty_graph, people=[person("ann"), *mentors])
    for i in range(5):
        await _request(gql, "ann", f"m{i}")
    assert await gql.error_code(REQUEST, {"mentor": "m5"}, as_="ann") == "FORBIDDEN"


async def test_not_open_to_mentoring_is_a_conflict(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann"), person("bob")])
    assert await gql.error_code(REQUEST, {"mentor": "bob"}, as_="ann") == "CONFLICT"
    assert await gql.error_code(REQUEST, {"mentor": "ghost"}, as_="ann") == "NOT_FOUND"


async def test_accepts_racing_for_the_last_slot_give_one_success(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    mentees = [f"mentee{i}" for i in range(4)]
    mentors = [f"max{round_}" for round_ in range(5)]
    await build(
        empty_graph,
        people=[*map(person, mentees), *(mentor(key, capacity=1) for key in mentors)],
    )
    for mentor_key in mentors:  # several rounds, so that a missing lock shows
        keys = [await _request(gql, mentee, mentor_key) for mentee in mentees]
        bodies = await asyncio.gather(
            *(gql.send(RESPOND, {"key": key, "accept": True}, as_=mentor_key) for key in keys)
        )
        codes = [body["errors"][0]["extensions"]["code"] for body in bodies if "errors" in body]
        assert codes == ["CONFLICT"] * 3
        now = await gql.data(LISTS, {"k": mentor_key}, as_=mentor_key)
        assert len(now["person"]["mentees"]) == 1


async def test_a_pending_request_expires_after_its_time(
    settings: Settings, api_settings: ApiSettings, empty_graph: Database
) -> None:
    rules = dataclasses.replace(settings.mentorship_rules, request_ttl_days=0)
    expiring = dataclasses.replace(settings, mentorship_rules=rules)
    await build(empty_graph, people=[person("ann"), mentor("max")])
    async with lifespan(create_app(expiring, api_settings)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            gql = GraphQLClient(http, api_settings.jwt_secret)
            key = await _request(gql, "ann", "max")
            assert await gql.error_code(RESPOND, {"key": key, "accept": True}, as_="max") == (
                "CONFLICT"
            )
            listed = await gql.data(LISTS, {"k": "ann"}, as_="ann")
            assert listed["person"]["mentorshipRequests"]["nodes"] == [
                {"state": "EXPIRED", "mentor": {"key": "max"}}
            ]
            # An expired request no longer blocks a new one.
            await _request(gql, "ann", "max")


async def test_a_withdrawn_request_keeps_its_id_so_a_normalised_cache_shows_its_new_state(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    """Apollo's and Relay's stores key an object by `id`: the payload's request is the list's."""
    await build(empty_graph, people=[person("ann"), mentor("max")])
    key = await _request(gql, "ann", "max")
    listed = """query { viewer { mentorshipRequests(role: MENTEE) { nodes { id state } } } }"""
    (before,) = (await gql.data(listed, as_="ann"))["viewer"]["mentorshipRequests"]["nodes"]
    withdraw = """mutation($key: String!) {
      withdrawMentorshipRequest(input: {request: $key}) { request { id state } } }"""
    payload = (await gql.data(withdraw, {"key": key}, as_="ann"))["withdrawMentorshipRequest"]
    assert payload["request"] == {"id": before["id"], "state": "WITHDRAWN"}
    refetch = "query($id: ID!) { node(id: $id) { id ... on MentorshipRequest { state } } }"
    for viewer in ("ann", "max"):
        found = await gql.data(refetch, {"id": before["id"]}, as_=viewer)
        assert found["node"] == payload["request"], viewer
