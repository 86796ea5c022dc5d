"""A person the viewer may not see is indistinguishable from a key that is nobody's.

For every operation of the schema that names a person by key, each kind of hidden
person (PRIVATE, CONNECTIONS without a connection, blocked by the viewer, blocking
the viewer) gets the same answer as an absent key, key aside, and an answer that
refuses writes nothing (docs/privacy.md, "What you may do to someone you cannot
see"). Each hidden person is made as present as possible: connected to the viewer
where the kind allows it, asking the viewer to connect, an open mentor, sharing
connections with the viewer.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from graphql import GraphQLInputObjectType, GraphQLNonNull, GraphQLObjectType, GraphQLSchema
from starlette.applications import Starlette

from api.node import global_id, pair_key
from api.node_lookup import LOOKUPS
from api.schema import build_schema
from graph.database import Database
from graph.events.store import NewMatch, event_key, record_matches
from graph.programmes.drafts import draft_assignment
from graph.programmes.pairings import Pair, propose_pairs
from graph.programmes.programmes import create_programme, join_programme, set_programme_state
from graph.ranking.signals import Signal
from graph.registry import statement
from graph.server.stats import content_hash
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, mentor, person

VIEWER, FRIEND, ABSENT = "viewer", "friend", "t-absent"
HIDDEN = ("t-private", "t-connections", "t-blocked", "t-blocker")
_REQUEST_CONNECTION = statement("connections/request_connection")

OPERATIONS: dict[str, tuple[str, dict[str, Any]]] = {  # name: (document, extra variables)
    "Query.person": ("query($k: String!) { person(key: $k) { key } }", {}),
    "Person.mutualConnections": (
        "query($k: String!) { viewer { mutualConnections(with: $k) { key } } }",
        {},
    ),
    "Mutation.requestConnection": (
        "mutation($k: String!) { requestConnection(input: {person: $k}) { connected } }",
        {},
    ),
    "Mutation.respondToConnectionRequest": (
        "mutation($k: String!) { respondToConnectionRequest(input: {person: $k, accept: true})"
        " { connected } }",
        {},
    ),
    "Mutation.removeConnection": (
        "mutation($k: String!) { removeConnection(input: {person: $k}) { connected } }",
        {},
    ),
    "Mutation.requestMentorship": (
        "mutation($k: String!) { requestMentorship(input: {mentor: $k}) { request { state } } }",
        {},
    ),
    "Mutation.reportPerson": (
        "mutation($k: String!) { reportPerson(input: {person: $k, reason: HARASSMENT})"
        " { heldFromMatching } }",
        {},
    ),
    "Mutation.blockPerson": (
        "mutation($k: String!) { blockPerson(input: {person: $k}) { person } }",
        {},
    ),
    "Mutation.unblockPerson": (
        "mutation($k: String!) { unblockPerson(input: {person: $k}) { person } }",
        {},
    ),
    "Mutation.endMentorship": (
        "mutation($k: String!) { endMentorship(input: {person: $k, outcome: COMPLETED,"
        ' reason: "done"}) { mentorship { status } } }',
        {},
    ),
    # A programme's key, not a person's: absent and a hidden person's key answer alike.
    "Query.programme": ("query($k: String!) { programme(key: $k) { key } }", {}),
    "Mutation.addToProgramme": (
        "mutation($k: String!, $p: String!) { addToProgramme(input: {programme: $p,"
        " person: $k, as: ADMIN}) { programme { key } } }",
        {"p": "pg-none"},
    ),
    # A draft's key, not a person's, as above.
    "Query.cohortDraft": ("query($k: String!) { cohortDraft(key: $k) { key } }", {}),
    "Mutation.editCohortAssignment": (
        "mutation($k: String!, $d: String!) { editCohortAssignment(input: {draft: $d,"
        " mentee: $k, mentor: $k}) { draft { key } } }",
        {"d": "cd-none"},
    ),
}
"""Every place that takes a person's key; the walk below proves the list is complete."""

WRITES_ANYWAY = {"Mutation.blockPerson", "Mutation.unblockPerson"}
"""Blocking a hidden person, and lifting it, take effect (a harasser may hide); both answer
alike for any key."""

REVEALED = {"Mutation.respondToConnectionRequest": {"t-private", "t-connections"}}
"""Who asked the viewer to connect revealed themselves to the viewer: their requests can be
answered (test_a_hidden_person_s_request_can_be_answered), unlike anyone else's."""

PERSON_KEY_NAMES = {"key", "with", "person", "mentor"}


def _person_key_places(schema: GraphQLSchema) -> set[str]:
    """Fields whose arguments, or whose input's fields, name a person by key."""
    places = set()
    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for field_name, field in type_.fields.items():
            for arg_name, arg in field.args.items():
                arg_type = arg.type.of_type if isinstance(arg.type, GraphQLNonNull) else arg.type
                names = (
                    set(arg_type.fields)
                    if isinstance(arg_type, GraphQLInputObjectType)
                    else {arg_name}
                )
                if names & PERSON_KEY_NAMES:
                    places.add(f"{type_.name}.{field_name}")
    return places


def test_the_walk_covers_every_place_that_takes_a_person_key() -> None:
    schema = build_schema(introspection=True)._schema
    places = _person_key_places(schema)
    assert {"Query.person", "Mutation.blockPerson"} <= places, "the walk finds nothing?"
    assert places == set(OPERATIONS)


async def _graph(database: Database) -> None:
    hidden = [
        mentor("t-private", visibility="PRIVATE"),
        mentor("t-connections", visibility="CONNECTIONS"),
        mentor("t-blocked"),
        mentor("t-blocker"),
    ]
    await build(
        database,
        people=[person(VIEWER, seekingMentor=True), person(FRIEND), *hidden],
        knows=[
            {"a": VIEWER, "b": FRIEND, "since": None},
            {"a": VIEWER, "b": "t-private", "since": None},
            *({"a": key, "b": FRIEND, "since": None} for key in HIDDEN),
        ],
        blocks=[
            {"person": VIEWER, "blocked": "t-blocked"},
            {"person": "t-blocker", "blocked": VIEWER},
        ],
    )
    for key in ("t-private", "t-connections"):
        await database.write(_REQUEST_CONNECTION, {"from": key, "to": VIEWER})


def _answer(body: dict[str, Any], key: str) -> str:
    return json.dumps(body, sort_keys=True).replace(key, "<key>")


@pytest.mark.parametrize("operation", OPERATIONS)
async def test_a_hidden_person_answers_as_an_absent_key(
    gql: GraphQLClient, app: Starlette, empty_graph: Database, operation: str
) -> None:
    document, extra = OPERATIONS[operation]
    await _graph(empty_graph)
    for key in [key for key in HIDDEN if key not in REVEALED.get(operation, set())]:
        # The previous write's change is applied and trimmed in the background: not a write.
        await app.state.events.drain()
        before = await content_hash(empty_graph)
        absent = await gql.send(document, {"k": ABSENT, **extra}, as_=VIEWER)
        assert await content_hash(empty_graph) == before, f"{operation} wrote for nobody"
        hidden = await gql.send(document, {"k": key, **extra}, as_=VIEWER)
        assert _answer(hidden, key) == _answer(absent, ABSENT), (operation, key)
        if operation not in WRITES_ANYWAY:
            assert await content_hash(empty_graph) == before, f"{operation} wrote for {key}"


async def test_blocking_a_hidden_person_takes_effect(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await _graph(empty_graph)
    query = "query($k: String!) { person(key: $k) { key } }"
    assert (await gql.data(query, {"k": VIEWER}, as_="t-private"))["person"] == {"key": VIEWER}
    await gql.data(OPERATIONS["Mutation.blockPerson"][0], {"k": "t-private"}, as_=VIEWER)
    assert await gql.error_code(query, {"k": VIEWER}, as_="t-private") == "NOT_FOUND"


async def test_a_hidden_person_s_request_can_be_answered(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    """Asking to connect reveals the sender to the recipient alone: a PRIVATE person's request
    can be accepted; the payload then names nobody, as the viewer still may not see them."""
    await _graph(empty_graph)
    await build(empty_graph, people=[person("t-shy", visibility="PRIVATE")])
    await empty_graph.write(_REQUEST_CONNECTION, {"from": "t-shy", "to": VIEWER})
    document = (
        "mutation($k: String!) { respondToConnectionRequest(input: {person: $k, accept: true})"
        " { connected person { key } } }"
    )
    answer = await gql.data(document, {"k": "t-shy"}, as_=VIEWER)
    assert answer["respondToConnectionRequest"] == {"connected": True, "person": None}
    (row,) = await empty_graph.read(
        statement("connections/connection_facts"), {"from": "t-shy", "to": VIEWER}
    )
    assert row["connected"]


def test_node_finds_every_node_type_again() -> None:
    schema = build_schema(introspection=True)._schema
    implementations = {t.name for t in schema.get_possible_types(schema.get_type("Node"))}
    assert implementations == set(LOOKUPS)


async def test_node_answers_a_hidden_object_as_an_absent_id(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    """`node(id:)` applies each type's own visibility: a hidden person, a request between two
    others, a report to a member, another's match or event, a match or an event whose mentor
    the viewer may not see, a programme mentorship of others or, in the viewer's own
    programme, with a side hidden from them, are NOT_FOUND exactly as an ID that is
    nobody's."""
    await _graph(empty_graph)
    request = 'mutation { requestMentorship(input: {mentor: "t-blocked"}) { request { key } } }'
    others = (await gql.data(request, as_=FRIEND))["requestMentorship"]["request"]["key"]
    report = (
        'mutation { reportPerson(input: {person: "t-blocked", reason: SPAM}) { report { key } } }'
    )
    filed = (await gql.data(report, as_=FRIEND))["reportPerson"]["report"]["key"]
    await build(
        empty_graph,
        people=[mentor("t-open"), person("t-between"), mentor("t-later")],
        knows=knows((FRIEND, "t-between"), ("t-between", "t-open")),
    )
    signals = (Signal("social", 1.0, 1.0),)
    pairs = [(VIEWER, "t-open"), (FRIEND, "t-open"), (VIEWER, "t-later")]
    recorded = await record_matches(empty_graph, [NewMatch(*pair, 1.0, signals) for pair in pairs])
    assert len(recorded) == len(pairs)
    await gql.data(OPERATIONS["Mutation.blockPerson"][0], {"k": "t-later"}, as_=VIEWER)
    members_only = await create_programme(
        empty_graph, FRIEND, name="Peers", template="SUPPORT", starts_on=dt.date(2026, 1, 5),
        ends_on=None, visibility="MEMBERS",
    )  # fmt: skip
    public = await create_programme(
        empty_graph, FRIEND, name="Open", template="CAREER", starts_on=dt.date(2026, 1, 5),
        ends_on=None, visibility="PUBLIC",
    )  # fmt: skip
    drafts = []
    for programme in (members_only.key, public.key):
        await set_programme_state(empty_graph, programme, FRIEND, "OPEN")
        drafts.append((await draft_assignment(empty_graph, programme, FRIEND)).key)
    await join_programme(empty_graph, public.key, "t-open", role="MENTOR", capacity=2, goals=())
    await join_programme(empty_graph, public.key, "t-between", role="MENTEE", capacity=None,
                         goals=())  # fmt: skip
    (others_pairing,) = await propose_pairs(
        empty_graph, public.key, FRIEND, [Pair(mentor="t-open", mentee="t-between")]
    )
    own = await create_programme(
        empty_graph, VIEWER, name="Mine", template="CAREER", starts_on=dt.date(2026, 1, 5),
        ends_on=None, visibility="PUBLIC",
    )  # fmt: skip
    await set_programme_state(empty_graph, own.key, VIEWER, "OPEN")
    # Proposed before the viewer blocked its mentor: the statement, as propose_in would have.
    await empty_graph.write(statement("programmes/create_proposals"), {
        "programme": own.key, "viewer": VIEWER,
        "pairs": [{"key": "pm-hidden-side", "mentor": "t-blocked", "mentee": FRIEND}]})  # fmt: skip
    hidden = {
        "Person": HIDDEN,
        "MentorshipRequest": (others,),
        "Report": (filed,),
        "MentorMatch": tuple(
            pair_key(*pair) for pair in ((FRIEND, "t-open"), *((VIEWER, key) for key in HIDDEN))
        ),
        "ConnectionSuggestion": tuple(
            pair_key(*pair) for pair in ((FRIEND, "t-open"), *((VIEWER, key) for key in HIDDEN))
        ),
        "MentorMatchEvent": (event_key(FRIEND, "t-open"), event_key(VIEWER, "t-later")),
        "Programme": (members_only.key,),
        # One of a programme the viewer may not see, one of a programme they see but do
        # not admin.
        "CohortDraft": tuple(drafts),
        # One of others in a programme the viewer sees, one of the viewer's own programme
        # whose mentor they blocked.
        "ProgrammeMentorship": (others_pairing.key, "pm-hidden-side"),
    }
    assert set(hidden) | {"Skill", "Employer"} == set(LOOKUPS), "Skill, Employer: public"
    absent_keys = {
        "MentorMatch": pair_key(VIEWER, ABSENT),
        "ConnectionSuggestion": pair_key(VIEWER, ABSENT),
        "MentorMatchEvent": event_key(VIEWER, ABSENT),
    }
    document = "query($id: ID!) { node(id: $id) { id } }"
    for type_name, keys in hidden.items():
        absent_id = global_id(type_name, absent_keys.get(type_name, ABSENT))
        absent = await gql.send(document, {"id": absent_id}, as_=VIEWER)
        assert absent["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        for key in keys:
            hidden_id = global_id(type_name, key)
            answer = await gql.send(document, {"id": hidden_id}, as_=VIEWER)
            assert _answer(answer, hidden_id) == _answer(absent, absent_id), (type_name, key)
    present = {
        (FRIEND, "member"): [global_id("MentorshipRequest", others),
                             global_id("MentorMatch", pair_key(FRIEND, "t-open")),
                             global_id("ConnectionSuggestion", pair_key(FRIEND, "t-open")),
                             global_id("MentorMatchEvent", event_key(FRIEND, "t-open")),
                             global_id("Programme", members_only.key),
                             *(global_id("CohortDraft", key) for key in drafts),
                             global_id("ProgrammeMentorship", others_pairing.key),
                             global_id("ProgrammeMentorship", "pm-hidden-side")],
        (VIEWER, "member"): [global_id("MentorMatchEvent", event_key(VIEWER, "t-open"))],
        ("boss", "admin"): [global_id("Report", filed)],
    }  # fmt: skip
    for (viewer, role), ids in present.items():
        for id_ in ids:
            found = await gql.data(document, {"id": id_}, as_=viewer, role=role)
            assert found["node"] == {"id": id_}, "the hidden objects above are someone's"
