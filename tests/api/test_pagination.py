"""Every connection pages by keyset in the one cursor format (`graph.pages`)."""

from __future__ import annotations

import base64
import datetime as dt
import json
from string import Template
from typing import Any

import pytest
from graphql import GraphQLObjectType, get_named_type

from api.schema import build_schema
from graph.database import Database
from graph.events.store import NewMatch, record_matches
from graph.pages import encode_cursor
from graph.programmes.drafts import draft_assignment
from graph.programmes.pairings import Pair, answer_proposal, propose_pairs
from graph.programmes.programmes import (
    add_person,
    create_programme,
    join_programme,
    set_programme_state,
)
from graph.programmes.progress import log_check_in
from graph.ranking.signals import Signal
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, mentor, person, skill

# field: (the type it hangs off, reached through ROOTS, extra arguments)
CONNECTIONS = {
    "people": ("Query", ""),
    "skills": ("Query", ""),
    "employers": ("Query", ""),
    "reports": ("Query", ""),
    "connections": ("Person", ""),
    "mentorMatches": ("Person", ""),
    "suggestedConnections": ("Person", ""),
    "mentorshipRequests": ("Person", "role: MENTEE, "),
    "matchEvents": ("Person", ""),
    "programmes": ("Query", ""),
    "members": ("Programme", ""),
    "mentorships": ("Programme", ""),
    "checkIns": ("ProgrammeMentorship", ""),
    "pairs": ("CohortDraft", ""),
}
# type: (the selection around a connection on it, the path to it in the answer); $programme
# and $draft are the keys the `roots` fixture made.
ROOTS: dict[str, tuple[Template, tuple[str | int, ...]]] = {
    "Query": (Template("$selection"), ()),
    "Person": (Template('person(key: "ann") { $selection }'), ("person",)),
    "Programme": (Template('programme(key: "$programme") { $selection }'), ("programme",)),
    "ProgrammeMentorship": (
        Template(
            'programme(key: "$programme") '
            "{ mentorships(state: ACTIVE, first: 1) { nodes { $selection } } }"
        ),
        ("programme", "mentorships", "nodes", 0),
    ),
    "CohortDraft": (Template('cohortDraft(key: "$draft") { $selection }'), ("cohortDraft",)),
}
PAGE = "edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"


def test_every_connection_is_listed_and_pages_both_ways() -> None:
    schema = build_schema()._schema
    found = set()
    for kind in schema.type_map.values():
        if not isinstance(kind, GraphQLObjectType) or kind.name.startswith("__"):
            continue
        for name, field in kind.fields.items():
            if get_named_type(field.type).name.endswith("Connection"):
                found.add(name)
                assert {"first", "after", "last", "before"} <= set(field.args), name
    assert found == set(CONNECTIONS)


@pytest.fixture
async def roots(gql: GraphQLClient, empty_graph: Database) -> dict[str, str]:
    """At least two rows in every list, all of them the admin "ann"'s to read; the keys of
    the programme and the cohort draft they hang off (ann admins both programmes)."""
    await build(
        empty_graph,
        people=[
            person("ann", seekingMentor=True), person("bob"), person("cy"),
            mentor("max"), mentor("mia"), mentor("mo"), mentor("mel"),
        ],
        skills=[skill("python"), skill("sql")],
        employers=[{"key": k, "name": k.title(), "industry": "Software"} for k in ("acme", "beta")],
        knows=knows(("ann", "bob"), ("ann", "cy"), ("bob", "max"), ("cy", "mia")),
        has_skill=[{"person": k, "skill": "python", "level": 4, "years": 1} for k in ("mo", "mel")],
    )  # fmt: skip
    request = "mutation($k: String!) { requestMentorship(input: {mentor: $k}) { request { key } } }"
    report = (
        "mutation($k: String!) { reportPerson(input: {person: $k, reason: SPAM}) "
        "{ report { key } } }"
    )
    for other in ("mo", "mel"):
        await gql.data(request, {"k": other}, as_="ann")
        await gql.data(report, {"k": other}, as_="ann")
    signals = (Signal("social", 1.0, 1.0),)
    await record_matches(empty_graph, [NewMatch("ann", k, 1.0, signals) for k in ("max", "mia")])
    running = await _programme(empty_graph, ("max", "mia"))
    active, _ = await propose_pairs(
        empty_graph, running, "ann", [Pair("max", "bob"), Pair("mia", "cy")]
    )
    for side in ("max", "bob"):
        await answer_proposal(empty_graph, active.key, side, accept=True)
    for day in (1, 2):
        await log_check_in(empty_graph, active.key, "bob", on=dt.date(2026, 2, day), note="")
    drafted = await _programme(empty_graph, ("mo", "mel"))
    draft = await draft_assignment(empty_graph, drafted, "ann", spread=0)
    assert draft.pairs == 2
    return {"programme": running, "draft": draft.key}


async def _programme(database: Database, mentors: tuple[str, str]) -> str:
    """An OPEN programme ann admins: `mentors` with 2 places each, bob and cy its mentees."""
    created = await create_programme(
        database, "ann", name="Spring", template="CAREER", starts_on=dt.date(2026, 1, 5),
        ends_on=None, visibility="PUBLIC",
    )  # fmt: skip
    await set_programme_state(database, created.key, "ann", "OPEN")
    for key in (*mentors, "bob", "cy"):
        await add_person(database, created.key, "ann", key, as_="INVITED_TO")
    for key in mentors:
        await join_programme(database, created.key, key, role="MENTOR", capacity=2, goals=())
    for key in ("bob", "cy"):
        await join_programme(
            database, created.key, key, role="MENTEE", capacity=None, goals=("python",)
        )
    return created.key


async def _page(gql: GraphQLClient, roots: dict[str, str], field: str, **page: Any) -> Any:
    on, arguments = CONNECTIONS[field]
    selection = (
        f"{field}({arguments}first: $first, after: $after, last: $last, before: $before) "
        f"{{ {PAGE} }}"
    )
    around = ROOTS[on][0].substitute(roots, selection=selection)
    document = f"query($first: Int, $after: String, $last: Int, $before: String) {{ {around} }}"
    return await gql.send(document, page, as_="ann", role="admin")


def _connection(body: Any, field: str) -> Any:
    assert "errors" not in body, body
    found = body["data"]
    for step in ROOTS[CONNECTIONS[field][0]][1]:
        found = found[step]
    return found[field]


async def _walk(
    gql: GraphQLClient, roots: dict[str, str], field: str, size: int, *, backward: bool
) -> list[Any]:
    """Every page of a list, from the start forwards, or from the end backwards."""
    pages: list[Any] = []
    cursor = None
    for _ in range(20):
        if backward:
            page = _connection(await _page(gql, roots, field, last=size, before=cursor), field)
        else:
            page = _connection(await _page(gql, roots, field, first=size, after=cursor), field)
        pages.append(page)
        info = page["pageInfo"]
        cursors = [edge["cursor"] for edge in page["edges"]]
        assert 1 <= len(cursors) <= size, (field, page)
        assert (info["startCursor"], info["endCursor"]) == (cursors[0], cursors[-1])
        if not (info["hasPreviousPage"] if backward else info["hasNextPage"]):
            return pages
        cursor = info["startCursor"] if backward else info["endCursor"]
    raise AssertionError(f"{field}: more pages than rows")


def _rows(pages: list[Any]) -> list[str]:
    return [edge["cursor"] for page in pages for edge in page["edges"]]


@pytest.mark.parametrize("field", CONNECTIONS)
async def test_every_connection_walks_the_same_rows_forwards_and_backwards(
    gql: GraphQLClient, roots: dict[str, str], field: str
) -> None:
    forwards = await _walk(gql, roots, field, 1, backward=False)
    backwards = await _walk(gql, roots, field, 1, backward=True)
    rows = _rows(forwards)
    assert len(rows) >= 2 and len(set(rows)) == len(rows), "pages meet without overlap"
    assert _rows(backwards[::-1]) == rows, "the same rows, in the same order"
    assert len(_rows(await _walk(gql, roots, field, 100, backward=True))) == len(rows)
    # At each end, the side nothing lies beyond says so; elsewhere both sides say there is more.
    infos = [page["pageInfo"] for page in forwards]
    assert [i["hasNextPage"] for i in infos] == [True] * (len(infos) - 1) + [False]
    assert [i["hasPreviousPage"] for i in infos] == [False] + [True] * (len(infos) - 1)
    infos = [page["pageInfo"] for page in backwards]
    assert [i["hasPreviousPage"] for i in infos] == [True] * (len(infos) - 1) + [False]
    assert [i["hasNextPage"] for i in infos] == [False] + [True] * (len(infos) - 1)


@pytest.mark.parametrize("field", CONNECTIONS)
async def test_every_connection_pages_with_one_cursor_format(
    gql: GraphQLClient, roots: dict[str, str], field: str
) -> None:
    first = _connection(await _page(gql, roots, field, first=1), field)
    (edge,) = first["edges"]
    assert first["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": edge["cursor"],
        "endCursor": edge["cursor"],
    }
    cursor = edge["cursor"]
    keyset = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    assert isinstance(keyset, list) and keyset, "a cursor is the JSON array of a keyset"
    (second,) = _connection(await _page(gql, roots, field, first=1, after=cursor), field)["edges"]
    assert second["cursor"] != cursor, "the next page starts after the cursor"
    before = await _page(gql, roots, field, last=1, before=second["cursor"])
    (back,) = _connection(before, field)["edges"]
    assert back["cursor"] == cursor, "the page before the second is the first"
    for bad in ("not a cursor", encode_cursor(()), encode_cursor((True, False, None))):
        for side, size in (("after", "first"), ("before", "last")):
            errors = (await _page(gql, roots, field, **{side: bad, size: 1}))["errors"]
            assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": side}, (
                bad,
                errors,
            )


@pytest.mark.parametrize(
    ("page", "field"),
    [
        ({"first": 1, "last": 1}, "last"),
        ({"after": "x", "before": "y"}, "before"),
        ({"first": 1, "before": "y"}, "first"),
        ({"last": 1, "after": "x"}, "after"),
        ({"last": 0}, "last"),
        ({"last": 101}, "last"),
        ({"first": 101}, "first"),
    ],
)
async def test_a_page_goes_one_way_with_1_to_100_rows(
    gql: GraphQLClient, roots: dict[str, str], page: dict[str, Any], field: str
) -> None:
    for name in CONNECTIONS:
        errors = (await _page(gql, roots, name, **page))["errors"]
        assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": field}, (name, page)


# The lists of people, with where each names the person (on Person "ann").
PEOPLE_LISTS = {
    "people": ("Query", "", "key"),
    "connections": ("Person", "", "key"),
    "mentorMatches": ("Person", "", "mentor { key }"),
    "suggestedConnections": ("Person", "", "person { key }"),
    "matchEvents": ("Person", "", "mentor { key }"),
}
INFO = "hasNextPage hasPreviousPage startCursor endCursor"
HIDDEN = {"hid", "blk", "far"}
"""PRIVATE, blocked by ann, and CONNECTIONS without being ann's connection."""


@pytest.fixture
async def hiding_graph(gql: GraphQLClient, empty_graph: Database) -> Database:
    """Every list of people would hold `HIDDEN` were they visible to the member "ann"."""
    await build(
        empty_graph,
        people=[
            person("ann", seekingMentor=True), person("bob"), person("cy"),
            *(mentor(k) for k in ("max", "mia", "hid", "blk", "far")),
        ],
        knows=knows(("ann", "bob"), ("ann", "cy"), ("ann", "hid"), ("ann", "blk"),
                    *(("bob", k) for k in ("max", "mia", "hid", "blk", "far")), ("cy", "far")),
    )  # fmt: skip
    signals = (Signal("social", 1.0, 1.0),)
    mentors = ("max", "mia", *sorted(HIDDEN))
    await record_matches(empty_graph, [NewMatch("ann", k, 1.0, signals) for k in mentors])
    # Hidden once their events are recorded (an event is not recorded for a hidden mentor).
    await gql.data('mutation { blockPerson(input: {person: "blk"}) { person } }', as_="ann")
    hide = "mutation($v: Visibility!) { updateProfile(input: {visibility: $v}) { person { key } } }"
    await gql.data(hide, {"v": "PRIVATE"}, as_="hid")
    await gql.data(hide, {"v": "CONNECTIONS"}, as_="far")
    return empty_graph


async def _keys(gql: GraphQLClient, field: str, *, backward: bool) -> list[str]:
    """The people "ann" reads in a list, page by page (2 rows a page), either way."""
    on, arguments, names = PEOPLE_LISTS[field]
    selection = (
        f"{field}({arguments}first: $first, after: $after, last: $last, before: $before) "
        f"{{ nodes {{ {names} }} pageInfo {{ {INFO} }} }}"
    )
    if on == "Person":
        selection = f'person(key: "ann") {{ {selection} }}'
    document = f"query($first: Int, $after: String, $last: Int, $before: String) {{ {selection} }}"
    pages: list[list[str]] = []
    cursor = None
    for _ in range(20):
        page = {"last": 2, "before": cursor} if backward else {"first": 2, "after": cursor}
        body = await gql.send(document, page, as_="ann")
        assert "errors" not in body, body
        data = body["data"]["person"][field] if on == "Person" else body["data"][field]
        pages.append([json.dumps(node, sort_keys=True) for node in data["nodes"]])
        info = data["pageInfo"]
        if not (info["hasPreviousPage"] if backward else info["hasNextPage"]):
            return [row for found in (pages[::-1] if backward else pages) for row in found]
        cursor = info["startCursor"] if backward else info["endCursor"]
    raise AssertionError(f"{field}: more pages than rows")


@pytest.mark.parametrize("field", PEOPLE_LISTS)
async def test_no_reading_of_a_list_of_people_shows_a_hidden_person(
    gql: GraphQLClient, hiding_graph: Database, field: str
) -> None:
    """Both readings of each statement (`{{forwards|backwards}}`) apply the visibility
    rule: a member walking either way sees the same visible people, none of `HIDDEN`."""
    forwards = await _keys(gql, field, backward=False)
    assert forwards, field
    assert await _keys(gql, field, backward=True) == forwards
    assert not any(f'"{key}"' in row for row in forwards for key in HIDDEN), (field, forwards)
    # Once visible, they are in the list: the graph places them there.
    await gql.data('mutation { unblockPerson(input: {person: "blk"}) { person } }', as_="ann")
    public = "mutation { updateProfile(input: {visibility: PUBLIC}) { person { key } } }"
    for key in ("hid", "far"):
        await gql.data(public, as_=key)
    shown = await _keys(gql, field, backward=True)
    assert any(f'"{key}"' in row for row in shown for key in HIDDEN), (field, shown)
