"""Headless Chromium (tools/browser.mjs) against a real uvicorn: GraphiQL with every other
host closed and under its Content-Security-Policy, and pages on other origins (CORS)."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from api.auth import issue_token
from api.graphiql.page import content_security_policy
from api.settings import ApiSettings
from graph.database import Database
from graph.pages import encode_cursor
from graph.settings import Settings
from tests.builders import build, person, skill
from tests.servers import ROOT, api_server

BROWSER = ROOT / "tools" / "browser.mjs"
ALLOWED = "http://localhost:3000"
DENIED = "http://localhost:4000"
SECRET = ApiSettings.from_env().jwt_secret
VIEWER = "{ viewer { key } }"
# From the first event on: whether it comes live or replayed, nothing races the trigger.
MATCHES = (
    f'subscription {{ mentorMatchAdded(after: "{encode_cursor((0,))}") '
    "{ mentee { key } mentor { key } } }"
)
OPT_IN = {
    "query": "mutation { setMentorPreferences(input: {openToMentor: true, capacity: 3}) "
    "{ person { key } } }",
    "token": issue_token(SECRET, "mo"),
}


@pytest.fixture(scope="module")
def server(settings: Settings, database: Database) -> Iterator[str]:
    env = {
        "NEO4J_URI": settings.neo4j_uri,
        "MENTORGRAPH_JWT_SECRET": SECRET,
        "MENTORGRAPH_GRAPHIQL": "true",
        "MENTORGRAPH_CORS_ORIGINS": ALLOWED,
    }
    with api_server(env) as base:
        yield base


@pytest.fixture
async def mentee(empty_graph: Database) -> str:
    """ana wants django, which mo knows well; mo's opting in to mentor (OPT_IN) matches them."""
    await build(
        empty_graph,
        skills=[skill("django")],
        people=[person("ana", seekingMentor=True), person("mo")],
        has_skill=[{"person": "mo", "skill": "django", "level": 5, "years": 1}],
        wants_to_learn=[{"person": "ana", "skill": "django", "priority": 1}],
    )
    return issue_token(SECRET, "ana")


def _browser(scenario: str, config: dict[str, Any]) -> Any:
    run = subprocess.run(
        ["node", str(BROWSER), scenario, json.dumps(config)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _match(payload: dict[str, Any]) -> tuple[str, str]:
    event = payload["data"]["mentorMatchAdded"]
    return event["mentee"]["key"], event["mentor"]["key"]


def test_graphiql_queries_and_subscribes_offline_under_its_csp(server: str, mentee: str) -> None:
    seen = _browser(
        "graphiql",
        {"base": server, "token": mentee, "query": VIEWER, "subscription": MATCHES,
         "trigger": OPT_IN},
    )  # fmt: skip
    nonce = re.search(r"'nonce-([\w-]+)'", seen["csp"])
    assert nonce and seen["csp"] == content_security_policy(nonce[1])
    assert seen["blocked"] == []
    assert seen["violations"] == []
    assert seen["consoleErrors"] == []
    assert json.loads(seen["queried"]) == {"data": {"viewer": {"key": "ana"}}}
    assert _match(json.loads(seen["subscribed"])) == ("ana", "mo")


def test_a_page_on_an_allowed_origin_queries_and_subscribes_and_others_are_refused(
    server: str, mentee: str
) -> None:
    seen = _browser(
        "cors",
        {"api": server, "allowed": ALLOWED, "denied": DENIED, "token": mentee,
         "query": VIEWER, "subscription": MATCHES, "trigger": OPT_IN},
    )  # fmt: skip
    allowed, denied = seen[ALLOWED], seen[DENIED]
    assert allowed["fetch"] == {"status": 200, "body": {"data": {"viewer": {"key": "ana"}}}}
    assert allowed["socket"]["message"]["type"] == "next"
    assert _match(allowed["socket"]["message"]["payload"]) == ("ana", "mo")
    assert allowed["consoleErrors"] == []
    assert "Failed to fetch" in denied["fetch"]["error"]
    assert denied["socket"] == {"opened": False, "closed": 1006}
    preflight, _, handshake = denied["consoleErrors"]
    assert "Response to preflight request doesn't pass access control check" in preflight
    assert "Unexpected response code: 403" in handshake
