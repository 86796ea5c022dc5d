"""Real processes for end-to-end tests: a redis-server and uvicorn serving the app."""

from __future__ import annotations

import dataclasses
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
from asgi_lifespan import LifespanManager
from starlette.types import ASGIApp

from graph.settings import ChangeLogSettings, Settings

ROOT = Path(__file__).resolve().parent.parent


def lifespan(app: ASGIApp) -> LifespanManager:
    """The app's lifespan run in process. Shutdown may take the event hub's whole drain
    bound (at most its default) on a busy machine; asgi_lifespan's 5 s may be shorter."""
    drain = ChangeLogSettings.drain
    return LifespanManager(app, startup_timeout=30, shutdown_timeout=drain * 3)


START_BOUND = 120.0
"""Seconds a started process may take to answer: importing the app alone has taken 16 s on
this shared machine under load. Only a process that never answers waits this long."""


def neo4j_port() -> int:
    """A free port below the ephemeral range, where clients never self-connect."""
    for port in random.sample(range(17000, 27000), 200):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port")


def neo4j_settings(settings: Settings, home: Path, port: int) -> Settings:
    """`settings` for a second provisioned Neo4j: its own store in `home`, its own port."""
    local = dataclasses.replace(settings.local, home=home, port=port, heap="512m")
    return dataclasses.replace(settings, local=local, neo4j_uri=local.uri)


def socket_holders(port: int, state: str) -> Counter[int]:
    """How many TCP sockets on local `port` in `state` (`listening`, `established`) each
    process holds, by pid (`ss`)."""
    listing = subprocess.run(
        ["ss", "-Htnp", "state", state, f"( sport = :{port} )"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return Counter(int(pid) for pid in re.findall(r"pid=(\d+)", listing))


def every_socket_answers(port: int, connections: int = 16) -> bool:
    """`connections` fresh connections opened at once all answer `/healthz` within 5 s. The
    kernel spreads them over every socket listening on `port` (`SO_REUSEPORT`) by a hash of
    their addresses, so a socket whose worker is not serving yet leaves some unanswered
    (with two sockets, sixteen miss one with a chance of 2 ** -15)."""
    with ExitStack() as stack:
        try:
            opened = [
                stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=5))
                for _ in range(connections)
            ]
            for connection in opened:
                connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: probe\r\n\r\n")
            return all(c.recv(4096).startswith(b"HTTP/1.1 200") for c in opened)
        except OSError:
            return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(check: object, what: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            if check():  # type: ignore[operator]
                return
        except (OSError, httpx.HTTPError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start within {timeout}s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def redis_server() -> Iterator[str]:
    """A throwaway redis-server on a free loopback port, in a temp dir; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is missing: `make tools` installs Debian's package")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="mentorgraph-redis-") as workdir:
        args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", workdir]
        args += ["--save", "", "--appendonly", "no", "--daemonize", "no"]
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def ping() -> bool:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")

        try:
            _wait(ping, "redis-server", process, 10)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            _stop(process)


def api_command(port: int) -> list[str]:
    """The command line of `uvicorn api.app:create_app` on a loopback port."""
    listen = ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    return [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", *listen]


def api_environment(env: Mapping[str, str | None]) -> dict[str, str]:
    """This process's environment for an API process, updated by `env` (None: unset)."""
    full_env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    full_env["MENTORGRAPH_GRAPHIQL"] = "false"
    for name, value in env.items():
        if value is None:
            full_env.pop(name, None)
        else:
            full_env[name] = value
    return full_env


def api_exit(env: Mapping[str, str | None]) -> subprocess.CompletedProcess[str]:
    """Runs an API process that is expected to refuse to start; how it ended."""
    return subprocess.run(
        api_command(free_port()),
        cwd=ROOT,
        env=api_environment(env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@contextmanager
def api_process(
    env: Mapping[str, str | None],
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`uvicorn api.app:create_app` in its own process; yields it and its base URL (http://…)."""
    port = free_port()
    process = subprocess.Popen(api_command(port), cwd=ROOT, env=api_environment(env))
    base = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        return httpx.get(f"{base}/healthz").status_code == 200

    try:
        _wait(healthy, "uvicorn", process, START_BOUND)
        yield process, base
    finally:
        _stop(process)


@contextmanager
def api_server(env: Mapping[str, str | None]) -> Iterator[str]:
    with api_process(env) as (_, base):
        yield base
