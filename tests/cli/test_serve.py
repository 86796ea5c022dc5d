"""`mentorgraph serve --workers N`: workers that share the connections, a dead or hung one
replaced with the connections queued at it served, a restart on SIGHUP that keeps serving,
a clean stop, and a port that cannot be had (another `serve`'s too) refused at once."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
from uvicorn.config import STARTUP_FAILURE

from api.settings import ApiSettings
from graph.settings import Settings
from tests.servers import (
    START_BOUND,
    api_environment,
    every_socket_answers,
    free_port,
    socket_holders,
)

BIN = Path(sys.executable).parent / "mentorgraph"
ROOT = Path(__file__).resolve().parents[2]


def _serve(settings: Settings, port: int, *options: str) -> subprocess.Popen[bytes]:
    secret = ApiSettings.from_env().jwt_secret
    env = api_environment({"NEO4J_URI": settings.neo4j_uri, "MENTORGRAPH_JWT_SECRET": secret})
    command = [str(BIN), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"]
    return subprocess.Popen([*command, *options], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


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
    return _state(pid) not in ("", "Z")


def _state(pid: int) -> str:
    """The process's state letter (`R`, `S`, `T` for stopped, `Z`...), "" once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return ""


def _answers(base: str) -> bool:
    try:
        return httpx.get(f"{base}/healthz", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


@contextmanager
def _served(
    settings: Settings, *options: str
) -> Iterator[tuple[subprocess.Popen[bytes], str, set[int]]]:
    """`serve --workers 2` once both workers serve; yields it, its base URL, and a set of
    the workers' pids that the test adds any replacement to (all killed at the end)."""
    port = free_port()
    process = _serve(settings, port, *options)
    base = f"http://127.0.0.1:{port}"
    seen: set[int] = set()
    try:
        _until(
            lambda: _not_exited(process) and len(_workers(process.pid)) == 2
            and every_socket_answers(port),
            "serve never answered",
        )  # fmt: skip
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
        assert _listeners(port, process) == first - {victim} | {replacement}
        _until(lambda: every_socket_answers(port), "the replacement never served")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        assert not any(_running(pid) for pid in seen)


def _not_exited(process: subprocess.Popen[bytes]) -> bool:
    assert process.poll() is None, f"serve exited with {process.returncode}"
    return True


def _listeners(port: int, process: subprocess.Popen[bytes]) -> set[int]:
    """The workers that hold a socket listening on `port`; the supervisor holds a copy of
    each (and of none more)."""
    holders = socket_holders(port, "listening")
    assert holders.pop(process.pid) == 2, "the supervisor keeps a copy of each socket"
    return set(holders)


def test_a_hung_worker_is_replaced_and_the_connections_queued_at_it_are_served(
    settings: Settings, neo4j_server: None
) -> None:
    """A worker stopped (SIGSTOP) no longer beats: the supervisor kills it after the hang
    timeout and starts another on its socket, and that one serves the connections that
    queued there meanwhile, which the kernel would reset if the socket closed with the
    worker. Of sixteen connections, all reach the healthy worker with a chance of 2 ** -16."""
    with _served(settings, "--hang-timeout", "3") as (process, base, seen), ExitStack() as stack:
        port = int(base.rsplit(":", 1)[1])
        first = set(seen)
        victim = min(first)
        os.kill(victim, signal.SIGSTOP)
        _until(lambda: _state(victim) == "T", "the worker never stopped")
        burst = [
            stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=60))
            for _ in range(16)
        ]
        for connection in burst:
            connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: serve\r\n\r\n")
        for connection in burst:
            assert connection.recv(4096).startswith(b"HTTP/1.1 200")
        assert not _running(victim)
        seen |= _workers(process.pid)
        (replacement,) = seen - first
        holders = socket_holders(port, "established")
        assert holders[replacement] > 0, holders
        assert sum(holders.values()) == 16


def test_sighup_restarts_the_workers_one_at_a_time_while_serving(
    settings: Settings, neo4j_server: None
) -> None:
    """Each new worker starts on its predecessor's socket, and the old one stops only once
    the new one serves: there are never fewer than two workers, and a client sending one
    request after another meanwhile gets every answer. It may retry a request once, on a
    connection the server closed without answering: uvicorn's graceful shutdown closes a
    connection it accepted but has read no request on, as any HTTP/1.1 server may."""
    with _served(settings) as (process, base, seen):
        first = set(seen)
        answered: list[int] = []
        counts: list[int] = []
        done = threading.Event()

        def client() -> None:
            while not done.is_set():
                answered.append(_status(base))

        load = threading.Thread(target=client)
        load.start()
        try:
            process.send_signal(signal.SIGHUP)
            deadline = time.monotonic() + 2 * START_BOUND
            while True:
                workers = _workers(process.pid)
                counts.append(len(workers))
                if len(workers) == 2 and workers.isdisjoint(first):
                    break
                assert time.monotonic() < deadline, "the workers were never all replaced"
                time.sleep(0.05)
        finally:
            done.set()
            load.join()
        seen |= _workers(process.pid)
        assert process.poll() is None
        assert min(counts) == 2 and max(counts) == 3, counts
        assert len(answered) > 10 and set(answered) == {200}, answered
        assert not any(_running(pid) for pid in first)


def _status(base: str) -> int:
    """`/healthz` on a new connection, retried once if it was closed before an answer."""
    try:
        return httpx.get(f"{base}/healthz", timeout=30).status_code
    except (httpx.RemoteProtocolError, httpx.ReadError):
        return httpx.get(f"{base}/healthz", timeout=30).status_code


def test_a_second_serve_on_the_same_port_is_refused(settings: Settings, neo4j_server: None) -> None:
    """Linux lets sockets of the same user with `SO_REUSEPORT` share a port: the second
    `serve`'s workers would join the first's unseen. Its supervisor binds the port once
    without the option first, fails, and exits with uvicorn's startup failure code."""
    with _served(settings) as (process, base, seen):
        port = int(base.rsplit(":", 1)[1])
        second = _serve(settings, port)
        try:
            assert second.wait(timeout=START_BOUND) == STARTUP_FAILURE
        finally:
            if second.poll() is None:
                second.kill()
        assert _listeners(port, process) == seen
        assert _answers(base)


def test_a_port_the_workers_cannot_bind_stops_serve(settings: Settings, neo4j_server: None) -> None:
    """A port held by a socket without `SO_REUSEPORT`: the supervisor cannot bind it and
    stops before any worker starts, with uvicorn's startup failure code."""
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
