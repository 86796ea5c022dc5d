"""`mentorgraph serve --workers N`: workers that share the connections, a dead one replaced,
a clean stop, and a port that cannot be had refused at once."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
from uvicorn.config import STARTUP_FAILURE

from api.settings import ApiSettings
from graph.settings import Settings
from tests.servers import START_BOUND, api_environment, free_port, socket_holders

BIN = Path(sys.executable).parent / "mentorgraph"
ROOT = Path(__file__).resolve().parents[2]


def _serve(settings: Settings, port: int) -> subprocess.Popen[bytes]:
    secret = ApiSettings.from_env().jwt_secret
    env = api_environment({"NEO4J_URI": settings.neo4j_uri, "MENTORGRAPH_JWT_SECRET": secret})
    command = [str(BIN), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def _until(check: Callable[[], bool], what: str, timeout: float = START_BOUND) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def _workers(supervisor: int) -> set[int]:
    """The supervisor's worker processes (multiprocessing's spawned children)."""
    children = Path(f"/proc/{supervisor}/task/{supervisor}/children").read_text().split()
    return {int(pid) for pid in children if b"spawn_main" in _cmdline(int(pid))}


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:  # ended meanwhile
        return b""


def _running(pid: int) -> bool:
    """Alive, not a zombie waiting for a parent that does not reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _answers(base: str) -> bool:
    try:
        return httpx.get(f"{base}/healthz", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


@contextmanager
def _served(settings: Settings) -> Iterator[tuple[subprocess.Popen[bytes], str, set[int]]]:
    """`serve --workers 2` once both workers listen; yields it, its base URL, and a set of
    the workers' pids that the test adds any replacement to (all killed at the end)."""
    port = free_port()
    process = _serve(settings, port)
    base = f"http://127.0.0.1:{port}"
    seen: set[int] = set()
    try:
        _until(
            lambda: _answers(base) and len(socket_holders(port, "listening")) == 2,
            "serve never answered",
        )
        seen |= _workers(process.pid)
        yield process, base, seen
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        finally:
            for pid in seen:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


def test_the_workers_share_a_burst_of_keep_alive_connections(
    settings: Settings, neo4j_server: None
) -> None:
    """Sixteen connections opened at once, before any is served (as a load generator or a
    gateway's pool opens them), then each sends a request: they reach both workers. Each
    worker binds the port itself, and the kernel spreads connections over their sockets by
    a hash of their addresses (all sixteen on one worker has a chance of 2 ** -15). Through
    one shared socket, the worker that woke first took nearly all of such a burst."""
    with _served(settings) as (process, base, _), ExitStack() as stack:
        port = int(base.rsplit(":", 1)[1])
        burst = [
            stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=30))
            for _ in range(16)
        ]
        for connection in burst:
            connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: serve\r\n\r\n")
        for connection in burst:
            assert connection.recv(4096).startswith(b"HTTP/1.1 200")
        holders = socket_holders(port, "established")
        assert sum(holders.values()) == 16
        assert set(holders) == _workers(process.pid), holders


def test_a_dead_worker_is_replaced_and_a_stop_stops_them_all(
    settings: Settings, neo4j_server: None
) -> None:
    with _served(settings) as (process, base, seen):
        port = int(base.rsplit(":", 1)[1])
        first = set(seen)
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        _until(lambda: len(_workers(process.pid) - first) == 1, "no worker replaced the dead one")
        seen |= _workers(process.pid)
        (replacement,) = seen - first
        _until(
            lambda: replacement in socket_holders(port, "listening"),
            "the replacement never listened",
        )
        assert set(socket_holders(port, "listening")) == first - {victim} | {replacement}
        assert _answers(base)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        assert not any(_running(pid) for pid in seen)


def test_a_port_the_workers_cannot_bind_stops_serve(settings: Settings, neo4j_server: None) -> None:
    """A port held by a socket without `SO_REUSEPORT`: every worker would fail alike, so the
    supervisor stops at the first that cannot start, with uvicorn's startup failure code."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        process = _serve(settings, held.getsockname()[1])
        try:
            assert process.wait(timeout=START_BOUND) == STARTUP_FAILURE
        finally:
            if process.poll() is None:
                process.kill()


def test_the_workers_stop_when_their_supervisor_is_killed(
    settings: Settings, neo4j_server: None
) -> None:
    with _served(settings) as (process, _, seen):
        process.kill()
        process.wait()
        _until(
            lambda: not any(_running(pid) for pid in seen),
            "orphaned workers kept running",
            timeout=60,
        )
