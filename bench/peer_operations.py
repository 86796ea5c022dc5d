"""The operations `bench.bench_peer` sends to both sides, and what each answer says.

Each operation is asked about a subject (a mentee for the matches, the key a screen starts
after) in each side's own GraphQL; each side's answer is read into the same plain value,
so the harness can check that both sides say the same before it times them:

- matches: the mentee's top 10 as (mentor key, score), best first. Ours asks as the
  mentee (`viewer`, with the mentee's token); the peer names the mentee in an argument of
  its `@cypher` field, which runs our statement (bench/peer/server.mjs).
- screen: the 20 people after a key, by key, each with their skills (key, level; strongest
  first), employment (employer, title, dates) and first 10 connections by key with their
  skills. Employment is compared as a set: both sides order it newest first, and stints
  without dates tie in no particular order; a stint without a title is "" on ours (the
  schema's `title: String!`), null on the peer's.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from api.auth import issue_token
from graph.pages import encode_cursor

Answer = Mapping[str, Any]
"""The `data` of a GraphQL response."""


@dataclass(frozen=True)
class Reading:
    """How one side asks an operation about a subject, and what its answer says."""

    document: str
    variables: Callable[[str], dict[str, Any]]
    said: Callable[[Answer], Any]


@dataclass(frozen=True)
class Operation:
    name: str
    ours: Reading
    peer: Reading


@dataclass(frozen=True)
class Request:
    """One POST of a load: what `bench/peer/load.mjs` sends."""

    headers: dict[str, str]
    body: str


def request(reading: Reading, subject: str, *, secret: str | None = None) -> Request:
    """The POST asking `reading` about `subject`; with `secret`, as the subject (our side)."""
    headers = {} if secret is None else {"Authorization": f"Bearer {issue_token(secret, subject)}"}
    body = json.dumps({"query": reading.document, "variables": reading.variables(subject)})
    return Request(headers, body)


def _our_person(node: Answer) -> tuple[str, str, tuple[tuple[str, int], ...]]:
    return (
        node["key"],
        node["name"],
        tuple((s["skill"]["key"], s["level"]) for s in node["skills"]),
    )


def _peer_person(node: Answer) -> tuple[str, str, tuple[tuple[str, int], ...]]:
    edges = node["skillsConnection"]["edges"]
    return (
        node["key"],
        node["name"],
        tuple((e["node"]["key"], e["properties"]["level"]) for e in edges),
    )


def _screen_row(
    person: tuple[Any, ...], employment: list[tuple[Any, ...]], connections: list[Any]
) -> Any:
    return (*person, frozenset(employment), tuple(connections))


def _our_screen(data: Answer) -> Any:
    return [
        _screen_row(
            _our_person(node),
            [
                (w["employer"]["key"], w["employer"]["name"], w["title"], w["since"], w["until"])
                for w in node["employment"]
            ],
            [_our_person(edge["node"]) for edge in node["connections"]["edges"]],
        )
        for node in (edge["node"] for edge in data["people"]["edges"])
    ]


def _peer_screen(data: Answer) -> Any:
    return [
        _screen_row(
            _peer_person(node),
            [
                (
                    e["node"]["key"],
                    e["node"]["name"],
                    e["properties"]["title"] or "",
                    e["properties"]["since"],
                    e["properties"]["until"],
                )
                for e in node["employersConnection"]["edges"]
            ],
            [_peer_person(friend) for friend in node["knows"]],
        )
        for node in data["people"]
    ]


_OUR_SKILLS = "skills { skill { key } level }"
_PEER_SKILLS = (
    "skillsConnection(first: 30, sort: [{edge: {level: DESC}}, {node: {key: ASC}}]) "
    "{ edges { properties { level } node { key } } }"
)

MATCHES = Operation(
    name="mentorMatches",
    ours=Reading(
        document="query Matches { viewer { mentorMatches(first: 10) "
        "{ edges { node { mentor { key } score } } } } }",
        variables=lambda mentee: {},
        said=lambda data: [
            (edge["node"]["mentor"]["key"], edge["node"]["score"])
            for edge in data["viewer"]["mentorMatches"]["edges"]
        ],
    ),
    peer=Reading(
        document="query Matches($mentee: String!) "
        "{ mentorMatches(menteeKey: $mentee) { key score } }",
        variables=lambda mentee: {"mentee": mentee},
        said=lambda data: [(match["key"], match["score"]) for match in data["mentorMatches"]],
    ),
)

SCREEN = Operation(
    name="screen",
    ours=Reading(
        document="query Screen($after: String) { people(first: 20, after: $after) "
        f"{{ edges {{ node {{ key name {_OUR_SKILLS} "
        "employment { employer { key name } title since until } "
        f"connections(first: 10) {{ edges {{ node {{ key name {_OUR_SKILLS} }} }} }} }} }} }} }}",
        variables=lambda after: {"after": encode_cursor((after,))},
        said=_our_screen,
    ),
    peer=Reading(
        document="query Screen($after: String!) "
        "{ people(limit: 20, sort: [{key: ASC}], where: {key: {gt: $after}}) "
        f"{{ key name {_PEER_SKILLS} "
        "employersConnection(first: 20, sort: [{edge: {since: DESC}}]) "
        "{ edges { properties { title since until } node { key name } } } "
        f"knows(limit: 10, sort: [{{key: ASC}}]) {{ key name {_PEER_SKILLS} }} }} }}",
        variables=lambda after: {"after": after},
        said=_peer_screen,
    ),
)

OPERATIONS = (MATCHES, SCREEN)
