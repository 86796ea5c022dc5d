"""`Person.dataExport`: everything stored about the person, naming nobody they may not see."""

from __future__ import annotations

import json
from typing import Any

from graph.database import Database
from graph.registry import statement
from tests.api.graphql import GraphQLClient
from tests.builders import build, mentor, person

_REQUEST_CONNECTION = statement("connections/request_connection")
HIDDEN = ("t-private", "t-blocker")


async def _export(gql: GraphQLClient, key: str) -> dict[str, Any]:
    data = await gql.data("{ viewer { dataExport } }", as_=key)
    export: dict[str, Any] = data["viewer"]["dataExport"]
    return export


async def test_the_export_holds_everything_and_names_only_visible_people(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(
        empty_graph,
        people=[
            person("ann", seekingMentor=True),
            person("friend"),
            mentor("t-private", visibility="PRIVATE"),
            mentor("t-blocker"),
            mentor("max"),
            person("asker"),
            person("asked"),
        ],
        knows=[
            {"a": "ann", "b": "friend", "since": None},
            {"a": "ann", "b": "t-private", "since": None},
        ],
        mentors=[
            {"mentor": "t-private", "mentee": "ann", "status": "ACTIVE", "since": None},
            {"mentor": "max", "mentee": "ann", "status": "ACTIVE", "since": None},
        ],
        mentorship_requests=[
            {"key": "r1", "mentee": "ann", "mentor": "t-blocker", "state": "PENDING"},
            {"key": "r2", "mentee": "ann", "mentor": "max", "state": "DECLINED"},
        ],
    )
    for sender, target in (("asker", "ann"), ("ann", "asked"), ("t-private", "ann")):
        await empty_graph.write(_REQUEST_CONNECTION, {"from": sender, "to": target})
    block = 'mutation { blockPerson(input: {person: "ann"}) { person } }'
    await gql.data(block, as_="t-blocker")  # withdraws r1, which still names them
    export = await _export(gql, "ann")

    assert sorted(c["person"] or "" for c in export["connections"]) == ["", "friend"]
    assert [c["person"] for c in export["connectionRequestsSent"]] == ["asked"]
    received = sorted(c["person"] or "" for c in export["connectionRequestsReceived"])
    assert received == ["", "asker"]
    sent = {r["key"]: (r["mentor"], r["state"]) for r in export["requestsSent"]}
    assert sent == {"r1": (None, "WITHDRAWN"), "r2": ("max", "DECLINED")}
    mentors = sorted(m["mentor"] or "" for m in export["mentorships"])
    assert mentors == ["", "max"]
    text = json.dumps(export)
    assert [key for key in HIDDEN if key in text] == []
