"""A guided step falling due reaches both sides' `programmeStepDue`, from a real uvicorn
process whose periodic scan found it (MENTORGRAPH_STEP_SCAN_SECONDS)."""

from __future__ import annotations

import asyncio

from api.auth import issue_token
from api.settings import ApiSettings
from graph.database import Database
from graph.programmes.pairings import Pair, answer_proposal, propose_pairs
from graph.settings import Settings
from tests.graph.programmes.cohort import cohort
from tests.servers import api_server
from tests.ws import Socket

DUE = "subscription { programmeStepDue { mentorship programme step title dueOn } }"


async def test_a_due_step_is_announced_once_to_both_sides(
    settings: Settings, empty_graph: Database
) -> None:
    secret = ApiSettings.from_env().jwt_secret
    env = {
        "NEO4J_URI": settings.neo4j_uri,
        "MENTORGRAPH_JWT_SECRET": secret,
        "MENTORGRAPH_STEP_SCAN_SECONDS": "0.5",
    }
    key = await cohort(empty_graph)
    with api_server(env) as base:
        sockets = {}
        for who in ("mo", "ann"):
            sockets[who] = await Socket.open(base)
            ack = await sockets[who].init({"authorization": f"Bearer {issue_token(secret, who)}"})
            assert ack["type"] == "connection_ack", ack
            await sockets[who].subscribe("s", DUE)
        await asyncio.sleep(0.5)  # subscribed before the step can fall due
        (proposal,) = await propose_pairs(empty_graph, key, "ada", [Pair("mo", "ann")])
        for side in ("mo", "ann"):
            await answer_proposal(empty_graph, proposal.key, side, accept=True)
        for sock in sockets.values():
            due = (await sock.next_data("s", timeout=60))["programmeStepDue"]
            assert (due["mentorship"], due["programme"], due["step"]) == (proposal.key, key, 0)
            assert await sock.quiet(timeout=1.5)  # announced once: later scans send nothing
            await sock.close()
