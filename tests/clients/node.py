"""Running the Node client scripts of tools/clients/ against a real server.

Each script takes the server's base URL and arguments, reads its token from
MENTORGRAPH_TOKEN and prints JSON lines of what it saw; the assertions are here.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
from pathlib import Path
from typing import Any

from api.auth import issue_token
from api.settings import ApiSettings

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"
CLIENTS = TOOLS / "clients"
BOUND = 120.0  # generous: a Node start and a GraphQL round trip on a busy machine


def token(key: str) -> str:
    """A token the servers of this run accept (they share the test run's secret)."""
    return issue_token(ApiSettings.from_env().jwt_secret, key)


class NodeScript:
    """A running `node tools/clients/<script>`, read one printed JSON line at a time."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def start(cls, script: str, *args: str, token: str = "") -> NodeScript:
        process = await asyncio.create_subprocess_exec(
            "node",
            str(CLIENTS / script),
            *args,
            env={**os.environ, "MENTORGRAPH_TOKEN": token},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        return cls(process)

    async def line(self) -> Any:
        assert self.process.stdout is not None
        try:
            raw = await asyncio.wait_for(self.process.stdout.readline(), BOUND)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            raise AssertionError(f"the script printed nothing within {BOUND}s") from None
        if not raw:
            await self.finish()
            raise AssertionError("the script ended before printing what was expected")
        return json.loads(raw)

    async def finish(self) -> None:
        """Wait for the script to exit, asserting it succeeded."""
        _, stderr = await asyncio.wait_for(self.process.communicate(), BOUND)
        assert self.process.returncode == 0, stderr.decode()


async def node(script: str, *args: str, token: str = "") -> Any:
    """Run a script that prints one JSON line; that line, parsed."""
    running = await NodeScript.start(script, *args, token=token)
    printed = await running.line()
    await running.finish()
    return printed


def tool(name: str, *args: str) -> None:
    """Run tools/node_modules/.bin/<name> from tools/ (where Code Generator finds its
    plugins), asserting it succeeded."""
    command = [str(TOOLS / "node_modules" / ".bin" / name), *args]
    run = subprocess.run(command, cwd=TOOLS, capture_output=True, text=True, timeout=BOUND)
    assert run.returncode == 0, run.stdout + run.stderr
