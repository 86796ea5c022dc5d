"""relay-compiler over tools/clients/relay/ against schema.graphql, and relay-runtime
running what it generated against the server."""

from __future__ import annotations

import json
from pathlib import Path

from graph.database import Database
from tests.api.graphql import GraphQLClient
from tests.builders import build, mentor, person
from tests.clients.node import CLIENTS, ROOT, node, token, tool

REQUEST = """mutation($mentor: String!) {
  requestMentorship(input: {mentor: $mentor}) { request { key } } }"""


def _compile(artifacts: Path) -> None:
    """relay-compiler's artifacts for tools/clients/relay/, in `artifacts` (not the repo)."""
    artifacts.mkdir()
    config = artifacts.parent / "relay.config.json"
    config.write_text(
        json.dumps(
            {
                "src": str(CLIENTS / "relay"),
                "schema": str(ROOT / "schema.graphql"),
                "language": "javascript",
                "artifactDirectory": str(artifacts),
                "eagerEsModules": False,  # CommonJS, which Node loads without a bundler
            }
        )
    )
    tool("relay-compiler", str(config))


async def test_compiled_fragments_page_refetch_and_take_a_new_node(
    server: str, api: GraphQLClient, empty_graph: Database, tmp_path: Path
) -> None:
    artifacts = tmp_path / "__generated__"
    _compile(artifacts)
    await build(empty_graph, people=[person("ana")] + [mentor(f"m{i}") for i in range(5)])
    for i in range(4):
        await api.data(REQUEST, {"mentor": f"m{i}"}, as_="ana")
    seen = await node("relay.mjs", server, str(artifacts), "requests", "m4", token=token("ana"))
    assert seen == {
        "firstPage": {"keys": ["m3", "m2"], "hasNextPage": True},
        "bothPages": {"keys": ["m3", "m2", "m1", "m0"], "hasNextPage": False},
        "afterMutation": {"keys": ["m4", "m3", "m2", "m1", "m0"], "hasNextPage": False},
    }


async def test_a_directory_pages_backwards_and_takes_a_signed_up_person_at_its_end(
    server: str, empty_graph: Database, tmp_path: Path
) -> None:
    """`last`/`before` as Relay's loadPrevious sends them, and `@appendNode`."""
    artifacts = tmp_path / "__generated__"
    _compile(artifacts)
    await build(empty_graph, people=[person(key) for key in ("ana", "bo", "cy", "dan", "eve")])
    seen = await node("relay.mjs", server, str(artifacts), "signup", "Zed", token=token("zed"))
    assert seen == {
        "lastPage": {"keys": ["dan", "eve"], "hasPreviousPage": True},
        "bothPages": {"keys": ["bo", "cy", "dan", "eve"], "hasPreviousPage": True},
        "afterMutation": {"keys": ["bo", "cy", "dan", "eve", "zed"], "hasPreviousPage": True},
    }
