"""The screen of issue 17 through the ASGI app, look-ahead on and off, side by side.

    python -m bench.bench_screen --load --pages 200 --runs 5

The screen: a page of 20 people with their skills and employers, and 10 connections of
each with their skills. The server is the one `MENTORGRAPH_NEO4J_*` / `NEO4J_URI` name;
`--load` replaces its graph with ego-Facebook. Two apps run in this process over the same
driver settings: `MENTORGRAPH_LOOKAHEAD` on (`api.lookahead`: nested parts read with the
page) and off (each level from its own loader, as before). Each run sends the same pages
(`--pages`, each after a random person's key) to each app in turn, one at a time,
anonymously and signed in, and reports round trips per request and the median latency;
the table gives min / median over the runs.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import random
import statistics
import time
from collections.abc import Sequence

import httpx
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette

from api.app import create_app
from api.auth import issue_token
from api.settings import ApiSettings
from bench.ranking_support import connect, ego_edges, load_ego_facebook, machine_load, spread
from graph.database import Database
from graph.loading.ego_facebook import person_key
from graph.pages import encode_cursor
from graph.settings import Settings

SCREEN = """query($after: String) { people(first: 20, after: $after) { nodes {
  key skills { level skill { key } } employment { title employer { key } }
  connections(first: 10) { nodes { key skills { level skill { key } } } } } } }"""


async def _run(
    app: Starlette, http: httpx.AsyncClient, after: Sequence[str], token: str | None
) -> tuple[float, float]:
    """(round trips per request, median latency in ms) over the pages."""
    database: Database = app.state.database
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    before, times = database.round_trips, []
    for cursor in after:
        began = time.perf_counter()
        response = await http.post(
            "/graphql", json={"query": SCREEN, "variables": {"after": cursor}}, headers=headers
        )
        times.append(time.perf_counter() - began)
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise RuntimeError(f"bad answer: {response.status_code} {body}")
    return (database.round_trips - before) / len(after), statistics.median(times) * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--load", action="store_true", help="load ego-Facebook first")
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    settings, api_settings = Settings.from_env(), ApiSettings.from_env()
    database = await connect()
    if args.load:
        await load_ego_facebook(database, ego_edges())
    await database.close()
    people = sorted({person_key(node) for edge in ego_edges() for node in edge})
    after = [encode_cursor((key,)) for key in random.Random(7).sample(people, args.pages)]
    token = issue_token(api_settings.jwt_secret, people[0])
    apps = {
        "on": create_app(settings, api_settings),
        "off": create_app(settings, dataclasses.replace(api_settings, lookahead=False)),
    }
    print(f"load before: {machine_load()}; pages {len(after)}")
    results: dict[str, list[float]] = {}
    async with LifespanManager(apps["on"]), LifespanManager(apps["off"]):
        clients = {
            name: httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://bench", timeout=60
            )
            for name, app in apps.items()
        }
        for name in apps:  # warm the plans, the page cache and the pools
            await _run(apps[name], clients[name], after, None)
        for _ in range(args.runs):
            for name, app in apps.items():
                for who, bearer in (("anonymous", None), ("signed in", token)):
                    trips, median = await _run(app, clients[name], after, bearer)
                    results.setdefault(f"{who}, look-ahead {name}: round trips", []).append(trips)
                    results.setdefault(f"{who}, look-ahead {name}: p50 ms", []).append(median)
        for client in clients.values():
            await client.aclose()
    print(f"load after: {machine_load()}")
    for row, values in results.items():
        print(f"| {row} | {spread(values)} |")
    for who in ("anonymous", "signed in"):
        off, on = (results[f"{who}, look-ahead {name}: p50 ms"] for name in ("off", "on"))
        ratios = [a / b for a, b in zip(off, on, strict=True)]
        print(f"| {who}: off / on p50 (per run) | {spread(ratios)} |")


if __name__ == "__main__":
    asyncio.run(main())
