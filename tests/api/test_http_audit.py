"""The GraphQL-over-HTTP audit (npm `graphql-http`'s `auditServer`) against a real uvicorn."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from graph.database import Database
from graph.settings import Settings
from tests.servers import api_server

AUDIT = Path(__file__).resolve().parents[2] / "tools" / "audit.mjs"


def test_the_graphql_over_http_audit_finds_no_errors_and_no_warnings(
    settings: Settings, database: Database
) -> None:
    with api_server({"NEO4J_URI": settings.neo4j_uri}) as url:
        run = subprocess.run(
            ["node", str(AUDIT), f"{url}/graphql"],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    results = json.loads(run.stdout)
    assert len(results) > 40, "the audit ran its checks"
    # Warnings are the spec's SHOULDs: `application/graphql-response+json` and its codes.
    not_ok = [
        f"{r['id']} {r['status']}: {r['name']}: {r['reason']}"
        for r in results
        if r["status"] != "ok"
    ]
    assert not_ok == [], "\n".join(not_ok)
