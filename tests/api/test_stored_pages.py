"""Stored match pages through the real API: exclusions are exact on the very next read, on
two apps (each its own driver) sharing the database, with no invalidation: neither app runs a
change-log consumer, and the exclusions are written through a third driver, which no app
listens to."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import httpx
import pytest
from graphql import GraphQLField, get_named_type, is_leaf_type, is_object_type
from starlette.applications import Starlette

from api.app import create_app
from api.lookahead import MATCH_EVIDENCE
from api.matches import resolvers
from api.schema import build_schema
from api.settings import ApiSettings
from graph.database import Database
from graph.loading.rows import write_graph
from graph.mentorships import request_mentorship, respond_to_request
from graph.people import ProfileFields, set_mentor_preferences, update_profile
from graph.ranking.stored_pages import read_stored
from graph.safety import block_person, delete_account
from graph.settings import MentorshipRules, Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, mentor, person, skill
from tests.servers import lifespan

MENTORS = tuple(f"m{i}" for i in range(9))
MATCHES = "{ viewer { mentorMatches(first: 20) { edges { node { mentor { key } } } } } }"


async def _matched(gql: GraphQLClient) -> list[str]:
    data = await gql.data(MATCHES, as_="ann")
    return [e["node"]["mentor"]["key"] for e in data["viewer"]["mentorMatches"]["edges"]]


@asynccontextmanager
async def _client(
    settings: Settings, secret: str, api_settings: ApiSettings | None = None
) -> AsyncIterator[tuple[Starlette, GraphQLClient]]:
    app = create_app(settings, api_settings)
    async with lifespan(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield app, GraphQLClient(http, secret)


def _without_consumer(settings: Settings) -> Settings:
    """Apps that apply no change-log record: only the writer's own process invalidates."""
    return dataclasses.replace(
        settings, change_log=dataclasses.replace(settings.change_log, consumer=False)
    )


async def test_the_next_read_never_shows_an_excluded_mentor_on_any_app(
    empty_graph: Database, settings: Settings, api_settings: ApiSettings
) -> None:
    quiet = _without_consumer(settings)
    async with AsyncExitStack() as stack:
        app, gql = await stack.enter_async_context(_client(quiet, api_settings.jwt_secret))
        _, second = await stack.enter_async_context(_client(quiet, api_settings.jwt_secret))
        database = Database.connect(settings)
        stack.push_async_callback(database.close)
        await _check_exclusions(app, gql, second, database)


async def _check_exclusions(
    app: Starlette, gql: GraphQLClient, second: GraphQLClient, database: Database
) -> None:
    await build(
        database,
        people=[
            person("ann", seekingMentor=True),
            person("ben", seekingMentor=True),
            person("zed"),
            *(mentor(m, capacity=1 if m == "m6" else 3) for m in MENTORS),
        ],
        skills=[skill("python")],
        knows=knows(("ann", "zed"), *(("zed", m) for m in MENTORS)),
        has_skill=[{"person": m, "skill": "python", "level": 3, "years": 2} for m in MENTORS],
        wants_to_learn=[{"person": "ann", "skill": "python", "priority": 1}],
    )
    assert sorted(await _matched(gql)) == list(MENTORS), "live, and a refresh left behind"
    await app.state.events.drain()
    assert (await read_stored(database, "ann")).fresh

    rules = MentorshipRules()
    request = await request_mentorship(database, "ben", "m6", message="hi", goals=[], rules=rules)
    exclusions = [
        ("m0", lambda: block_person(database, "ann", "m0", reason=None)),
        ("m1", lambda: block_person(database, "m1", "ann", reason=None)),
        (
            "m2",
            lambda: request_mentorship(database, "ann", "m2", message="", goals=[], rules=rules),
        ),
        ("m3", lambda: update_profile(database, "m3", ProfileFields(visibility="PRIVATE"))),
        (
            "m4",
            lambda: update_profile(database, "m4", ProfileFields(visibility="CONNECTIONS")),
        ),
        (
            "m5",
            lambda: set_mentor_preferences(database, "m5", open_to_mentor=False, capacity=3),
        ),
        (
            "m6",
            lambda: respond_to_request(database, request.key, "m6", accept=True, reason=None),
        ),
        ("m7", lambda: write_graph(database, {"holds": [{"person": "m7", "held": True}]})),
        ("m8", lambda: delete_account(database, "m8")),
    ]
    gone: set[str] = set()
    for excluded, change in exclusions:
        await change()
        gone.add(excluded)
        for client in (gql, second):
            shown = await _matched(client)
            assert not gone & set(shown), (excluded, shown)
            assert sorted(shown) == sorted(set(MENTORS) - gone)
        assert (await read_stored(database, "ann")).fresh, "served from the page"


EVIDENCE = (
    "{ viewer { mentorMatches(first: 20) { nodes { mentor { key } mutualConnections { key } } } } }"
)


async def test_a_stored_page_never_shows_a_mutual_connection_hidden_since(
    empty_graph: Database, settings: Settings, api_settings: ApiSettings
) -> None:
    """A page's mutual connections are stored as keys and shown only if the mentee may see
    them now (rules/visible_to): after the page was stored, a connection who turns PRIVATE,
    or whom a block parts from the mentee either way, is gone from the very next read,
    which the stored page still answers. Written through a third driver, so no app
    invalidates anything."""
    await build(
        empty_graph,
        people=[person("ann", seekingMentor=True), *(person(z) for z in ("zed", "yan", "xia")),
                mentor("max")],
        knows=knows(("ann", "zed"), ("ann", "yan"), ("ann", "xia"),
                    ("zed", "max"), ("yan", "max"), ("xia", "max")),
    )  # fmt: skip
    async with AsyncExitStack() as stack:
        app, gql = await stack.enter_async_context(
            _client(_without_consumer(settings), api_settings.jwt_secret)
        )
        database = Database.connect(settings)
        stack.push_async_callback(database.close)

        async def shown() -> list[str]:
            nodes = (await gql.data(EVIDENCE, as_="ann"))["viewer"]["mentorMatches"]["nodes"]
            assert [node["mentor"]["key"] for node in nodes] == ["max"]
            return sorted(p["key"] for p in nodes[0]["mutualConnections"])

        assert await shown() == ["xia", "yan", "zed"], "live, and a refresh left behind"
        await app.state.events.drain()
        hidden: list[str] = []
        for who, hide in (
            ("zed", lambda: update_profile(database, "zed", ProfileFields(visibility="PRIVATE"))),
            ("yan", lambda: block_person(database, "ann", "yan", reason=None)),
            ("xia", lambda: block_person(database, "xia", "ann", reason=None)),
        ):
            await hide()
            hidden.append(who)
            assert await shown() == sorted({"xia", "yan", "zed"} - set(hidden)), who
            assert (await read_stored(database, "ann")).served, "from the stored page"


async def test_an_app_that_stops_leaves_no_page_work_running(
    empty_graph: Database, settings: Settings, api_settings: ApiSettings
) -> None:
    """A read that finds no stored page asks for a refresh after its response; an app that
    stops at once cancels it, rather than leave it running on a closed driver."""
    await build(
        empty_graph,
        people=[person("ann", seekingMentor=True), person("bob"), mentor("max")],
        knows=knows(("ann", "bob"), ("bob", "max")),
    )
    async with _client(settings, api_settings.jwt_secret) as (_, gql):
        assert await _matched(gql) == ["max"]
    left = [
        task
        for task in asyncio.all_tasks()
        if task.get_coro().__qualname__.startswith("PageKeeper.")  # type: ignore[union-attr]
    ]
    assert left == []


def _ways_of_asking(asked: str) -> list[tuple[str, dict[str, bool], bool]]:
    """(query, variables, whether `asked` is shown) for each way of selecting it: alone,
    under `edges`, in an inline and a named fragment, under `@include` and `@skip`."""
    matches = "query{} {{ viewer {{ mentorMatches(first: 20) {{ {} }} }} }}"
    show, flag = "($show: Boolean!)", {"show": True}
    return [
        (matches.format("", f"nodes {{ {asked} }}"), {}, True),
        (matches.format("", f"edges {{ node {{ {asked} }} }}"), {}, True),
        (matches.format("", f"nodes {{ ... on MentorMatch {{ {asked} }} }}"), {}, True),
        (matches.format("", "nodes { ...Asked }") + f" fragment Asked on MentorMatch {{ {asked} }}",
         {}, True),
        (matches.format(show, f"nodes {{ ... @include(if: $show) {{ {asked} }} }}"), flag, True),
        (matches.format(show, f"nodes {{ id ... @skip(if: $show) {{ {asked} }} }}"), flag, False),
    ]  # fmt: skip


def _selection(field: GraphQLField) -> str:
    """A field's selection: of a node, its `id` (some of a person's fields are theirs
    alone); of another object, every scalar one level down."""
    named = get_named_type(field.type)
    if not is_object_type(named):
        return ""
    if "id" in named.fields:
        return "{ id }"
    leaves = [name for name, f in named.fields.items() if is_leaf_type(get_named_type(f.type))]
    return "{ " + " ".join(leaves or ["__typename"]) + " }"


async def test_a_stored_page_shows_every_match_field_as_a_full_read(
    empty_graph: Database,
    settings: Settings,
    api_settings: ApiSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The look-ahead reads a stored page without the matches' evidence when the selection
    shows none (`api.lookahead.MATCH_EVIDENCE`). Every field of `MentorMatch`, in every way
    of selecting it, is read with the evidence exactly when it is one of those, and answers
    as an app without the look-ahead (which always reads it) answers: a field that needs
    the evidence and is missing from that set fails here."""
    await build(
        empty_graph,
        employers=[{"key": "acme", "name": "Acme", "industry": "Software"}],
        people=[person("ann", seekingMentor=True), person("zed"), *(mentor(m) for m in MENTORS)],
        skills=[skill("python")],
        knows=knows(("ann", "zed"), *(("zed", m) for m in MENTORS)),
        has_skill=[{"person": m, "skill": "python", "level": 3, "years": 2} for m in MENTORS],
        wants_to_learn=[{"person": "ann", "skill": "python", "priority": 1}],
        works_at=[{"person": p, "employer": "acme", "title": "dev", "since": None, "until": None}
                  for p in ("ann", "m0")],
    )  # fmt: skip
    evidence_asked: list[bool] = []
    served = resolvers.served_matches

    async def noting(*args: Any, **kwargs: Any) -> Any:
        evidence_asked.append(kwargs["evidence"])
        return await served(*args, **kwargs)

    monkeypatch.setattr(resolvers, "served_matches", noting)
    plain = dataclasses.replace(api_settings, lookahead=False)
    async with AsyncExitStack() as stack:
        app, gql = await stack.enter_async_context(_client(settings, api_settings.jwt_secret))
        _, full = await stack.enter_async_context(_client(settings, plain.jwt_secret, plain))
        assert sorted(await _matched(gql)) == list(MENTORS), "live, and a refresh left behind"
        await app.state.events.drain()
        match = build_schema()._schema.get_type("MentorMatch")
        assert is_object_type(match)
        shown: dict[str, Any] = {}
        for name, field in match.fields.items():
            for query, variables, visible in _ways_of_asking(f"{name} {_selection(field)}"):
                evidence_asked.clear()
                ours = await gql.data(query, variables, as_="ann")
                assert evidence_asked == [visible and name in MATCH_EVIDENCE], query
                assert ours == await full.data(query, variables, as_="ann"), query
                shown.setdefault(name, ours["viewer"]["mentorMatches"])
            # A complete page (9 mentors, fewer than it keeps), still fresh: read from it.
            assert (await read_stored(empty_graph, "ann")).fresh
    for name in MATCH_EVIDENCE:
        assert any(node[name] for node in shown[name]["nodes"]), name
