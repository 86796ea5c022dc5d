"""A hidden or blocked person appears nowhere for the viewer (docs/privacy.md).

Each hidden person is made as present as possible (an open mentor with the skill
the viewer wants, a friend of the viewer's friend, at the viewer's employer, a
mutual connection of a visible mentor, the viewer's own mentor) and then every
place a person can appear is asked; a visible control person proves each place
does show people.
"""

from __future__ import annotations

import pytest

from graph.database import Database
from tests.api.graphql import GraphQLClient
from tests.builders import build, mentor, person, skill

VIEWER, FRIEND = "viewer", "friend"
CONTROL = "c-visible"  # a visible mentor, friend of a friend: every place should show it
KNOWN = "c-known"  # a visible connection of the viewer, friend of the mentor and the friend
HIDDEN = {
    "t-private": {"visibility": "PRIVATE"},
    "t-connections": {"visibility": "CONNECTIONS"},
    "t-blocked": {},
    "t-blocker": {},
}
# Connected to the viewer too (a CONNECTIONS person would become visible, so not that one).
KNOWS_VIEWER = ["t-private", "t-blocked", "t-blocker", KNOWN]

PLACES = {  # place: (document, the visible person it must show)
    "everyone, forwards": ("{ people(first: 50) { nodes { key } } }", CONTROL),
    "everyone, backwards": ("{ people(last: 50) { nodes { key } } }", CONTROL),
    "search by name": ('{ people(search: "Zed", first: 50) { nodes { key } } }', CONTROL),
    "search by skill": ('{ people(skill: "python", first: 50) { nodes { key } } }', CONTROL),
    "search by employer": ('{ people(employer: "acme", first: 50) { nodes { key } } }', CONTROL),
    "a friend's connections": (
        '{ person(key: "friend") { connections(first: 50) { nodes { key } } } }',
        CONTROL,
    ),
    "mutual connections": (
        '{ person(key: "friend") { mutualConnections(with: "viewer") { key } } }',
        KNOWN,
    ),
    "own connections": ("{ viewer { connections(first: 50) { nodes { key } } } }", KNOWN),
    "mentor matches": (
        "{ viewer { mentorMatches(first: 50) { edges { node { mentor { key } } } } } }",
        CONTROL,
    ),
    "match evidence": (
        "{ viewer { mentorMatches(first: 50) { edges { node { mutualConnections { key } } } } } }",
        KNOWN,
    ),
    "suggested connections": (
        "{ viewer { suggestedConnections(first: 50) { nodes { person { key } } } } }",
        CONTROL,
    ),
    "learning path mentors": (
        "{ viewer { learningPaths(mentorsPerStep: 10) { steps { mentors { key } } } } }",
        CONTROL,
    ),
    "own mentors": ("{ viewer { mentors { key } } }", CONTROL),
}


async def _graph(database: Database, *, mentoring: bool = False) -> None:
    """With `mentoring`, the hidden people and the control mentor the viewer."""
    mentors = [*HIDDEN, CONTROL]
    hidden = [mentor(key, capacity=3, name=f"Zed {key}", **extra) for key, extra in HIDDEN.items()]
    await build(
        database,
        people=[
            person(VIEWER, seekingMentor=True),
            person(FRIEND),
            person(KNOWN),
            mentor(CONTROL, capacity=3, name="Zed Control"),
            mentor("m-visible"),
            *hidden,
        ],
        skills=[skill("python")],
        employers=[{"key": "acme", "name": "Acme", "industry": "Software"}],
        knows=[
            {"a": VIEWER, "b": FRIEND, "since": None},
            *({"a": k, "b": FRIEND, "since": None} for k in [*mentors, KNOWN]),
            *({"a": k, "b": "m-visible", "since": None} for k in [*HIDDEN, KNOWN]),
            *({"a": k, "b": VIEWER, "since": None} for k in KNOWS_VIEWER),
        ],
        has_skill=[{"person": k, "skill": "python", "level": 5, "years": 5} for k in mentors],
        wants_to_learn=[{"person": VIEWER, "skill": "python", "priority": 1}],
        works_at=[
            {"person": k, "employer": "acme", "title": "Engineer", "since": None, "until": None}
            for k in mentors
        ],
        blocks=[
            {"person": VIEWER, "blocked": "t-blocked"},
            {"person": "t-blocker", "blocked": VIEWER},
        ],
    )
    if mentoring:
        rows = [{"mentor": k, "mentee": VIEWER, "status": "ACTIVE", "since": None} for k in mentors]
        await build(database, mentors=rows)


@pytest.mark.parametrize("place", PLACES)
async def test_hidden_people_appear_nowhere(
    gql: GraphQLClient, empty_graph: Database, place: str
) -> None:
    document, shown = PLACES[place]
    await _graph(empty_graph, mentoring=place == "own mentors")
    body = await gql.send(document, as_=VIEWER)
    assert "errors" not in body, body
    text = str(body["data"])
    assert [key for key in HIDDEN if key in text] == []
    assert shown in text, f"{place} shows nobody: the check would prove nothing"


@pytest.mark.parametrize("key", HIDDEN)
async def test_hidden_people_are_not_found_by_key_or_id(
    gql: GraphQLClient, empty_graph: Database, key: str
) -> None:
    await _graph(empty_graph)
    query = "query($k: String!) { person(key: $k) { key } }"
    assert await gql.error_code(query, {"k": key}, as_=VIEWER) == "NOT_FOUND"
    node_id = (await gql.data(query, {"k": key}, as_=key))["person"]
    assert node_id == {"key": key}, "each person still sees themself"
    own_id = (await gql.data(f'{{ person(key: "{key}") {{ id }} }}', as_=key))["person"]["id"]
    found = "query($id: ID!) { node(id: $id) { ... on Person { key } } }"
    assert await gql.error_code(found, {"id": own_id}, as_=VIEWER) == "NOT_FOUND"


async def test_admins_see_everyone(gql: GraphQLClient, empty_graph: Database) -> None:
    await _graph(empty_graph)
    data = await gql.data(PLACES["search by name"][0], as_="boss", role="admin")
    assert {n["key"] for n in data["people"]["nodes"]} >= set(HIDDEN)


async def test_contact_details_only_between_active_mentorship_partners(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(
        empty_graph,
        people=[person("ann"), mentor("max"), person("eve")],
        mentors=[{"mentor": "max", "mentee": "ann", "status": "ACTIVE", "since": None}],
    )
    await gql.data(
        'mutation { updateProfile(input: {email: "ann@example.org"}) { person { key } } }',
        as_="ann",
    )
    query = '{ person(key: "ann") { email } }'
    assert (await gql.data(query, as_="ann"))["person"]["email"] == "ann@example.org"
    assert (await gql.data(query, as_="max"))["person"]["email"] == "ann@example.org"
    assert (await gql.data(query, as_="eve"))["person"]["email"] is None
    assert (await gql.data(query))["person"]["email"] is None
    assert (await gql.data(query, as_="root", role="admin"))["person"]["email"] == (
        "ann@example.org"
    )
