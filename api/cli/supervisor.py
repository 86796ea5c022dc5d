"""Several worker processes serving one port, each with a listening socket of its own.

uvicorn's own supervisor (`uvicorn.run(workers=N)`) shares one listening socket among its
workers, and the event loop accepts every pending connection each time it wakes: the first
worker to wake takes most of a burst of new connections, and keep-alive holds them there. A
client with a pool of a few connections (a gateway, a load generator) then keeps one worker
busy and the others idle (BENCHMARKS.md, "where each side's CPU goes"). Here each worker
binds the port itself with `SO_REUSEPORT`, and the kernel spreads new connections over the
workers' sockets by a hash of their addresses. (Linux lets only processes of the same user
join the port; a second `serve` of the same user on the same port would join it too.)

The supervisor starts the workers; until one of them has started serving, a worker that
exits with an error stops them all (the app cannot start: its twins would fail alike), with
the worker's exit code, 3 for uvicorn's startup failure. One ended by a signal (killed) is
replaced, as later. Once serving, a worker that ends is replaced, at once
the first time and then after a backoff that doubles up to `MAX_RESTART_DELAY`, so a worker
that cannot start again does not spin. SIGINT, SIGTERM or SIGHUP stops them all: each
worker gets SIGTERM and finishes what it serves (uvicorn's graceful shutdown, given
`STOP_TIMEOUT` less a margin), and whatever still runs at `STOP_TIMEOUT` is killed. A worker
whose supervisor is gone (killed) stops by itself.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event
from types import FrameType

import uvicorn
from prometheus_client.multiprocess import mark_process_dead
from uvicorn.config import STARTUP_FAILURE

from api.metrics import MULTIPROCESS_DIR

logger = logging.getLogger("mentorgraph.serve")

APP = "api.app:create_app"
STOP_TIMEOUT = 30.0
"""Seconds the workers have, all together, to finish once told to stop."""
_STOP_MARGIN = 5.0
"""What a worker's graceful shutdown leaves of `STOP_TIMEOUT` for the app's own shutdown."""
MAX_RESTART_DELAY = 30.0
_CHECK = 1.0
"""Seconds between looks at the workers (and, in a worker, at its supervisor)."""
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@dataclass(frozen=True)
class WorkerOptions:
    """What every worker serves with."""

    host: str
    port: int
    ws_max_size: int
    log_level: str


@dataclass
class _Slot:
    """One worker's place: the process in it, whether it served, and when to replace it."""

    process: BaseProcess
    started: Event
    backoff: float = 0.0
    """The delay before this process was started in its place (0 for the first)."""
    due: float | None = None
    """When a process may start in its place, once this one ended."""


def serve_workers(options: WorkerOptions, workers: int) -> int:
    """Serve `APP` from `workers` processes until SIGINT, SIGTERM or SIGHUP; the exit code
    (0, or that of a worker that ended before any started serving)."""
    context = multiprocessing.get_context("spawn")
    supervisor = os.getpid()
    stopping: list[int] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        stopping.append(signum)

    def start(backoff: float = 0.0) -> _Slot:
        started = context.Event()
        process = context.Process(target=_serve, args=(options, supervisor, started))
        process.start()
        return _Slot(process, started, backoff)

    previous = {sig: signal.signal(sig, stop) for sig in _STOP_SIGNALS}
    slots: list[_Slot] = []
    try:
        for _ in range(workers):  # one at a time: a start that fails leaves the others in `slots`
            slots.append(start())
        logger.info(
            "serving on %s:%s with %d workers (%s)", options.host, options.port, workers,
            ", ".join(str(s.process.pid) for s in slots),
        )  # fmt: skip
        return _supervise(slots, start, stopping)
    finally:
        _stop([slot.process for slot in slots])
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _supervise(slots: list[_Slot], start: Callable[[float], _Slot], stopping: list[int]) -> int:
    """Watch the workers until told to stop (0); a worker that exits with an error before any
    served ends it all (its exit code); else one that ends is replaced (`_replace_after`)."""
    serving = False
    while not stopping:
        wait([slot.process.sentinel for slot in slots], timeout=_CHECK)
        serving = serving or any(slot.started.is_set() for slot in slots)
        now = time.monotonic()
        for index, slot in enumerate(slots):
            process = slot.process
            if stopping or process.is_alive():
                continue
            if slot.due is None:
                _forget(process)
                if not serving and (process.exitcode or 0) > 0:
                    logger.error("worker %s could not start (exit %s)", process.pid,
                                 process.exitcode)  # fmt: skip
                    return process.exitcode or STARTUP_FAILURE
                slot.backoff = _replace_after(slot)
                slot.due = now + slot.backoff
                logger.warning("worker %s ended (exit %s); another in %g s", process.pid,
                               process.exitcode, slot.backoff)  # fmt: skip
            if now >= slot.due:
                slots[index] = start(slot.backoff)
    return 0


def _replace_after(slot: _Slot) -> float:
    """At once after a worker that served; after one that could not start, twice the delay
    before it (at least `_CHECK`, at most `MAX_RESTART_DELAY`)."""
    if slot.started.is_set():
        return 0.0
    return min(max(2 * slot.backoff, _CHECK), MAX_RESTART_DELAY)


def _stop(processes: list[BaseProcess]) -> None:
    """SIGTERM to every worker alive; all of them have `STOP_TIMEOUT` together."""
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + STOP_TIMEOUT
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            logger.warning("worker %s did not stop in %g s: killed", process.pid, STOP_TIMEOUT)
            process.kill()
            process.join()
        _forget(process)


def _forget(process: BaseProcess) -> None:
    """A worker that ended leaves the metrics' live sums (its own shutdown may not have run)."""
    if os.environ.get(MULTIPROCESS_DIR) and process.pid is not None:
        mark_process_dead(process.pid)  # type: ignore[no-untyped-call]


def _serve(options: WorkerOptions, supervisor: int, started: Event) -> None:
    """One worker: its own socket on the shared port, and uvicorn serving the app on it;
    it stops as on SIGTERM once `supervisor` is no longer its parent."""
    config = uvicorn.Config(
        APP,
        factory=True,
        host=options.host,
        port=options.port,
        ws_max_size=options.ws_max_size,
        log_level=options.log_level,
        timeout_graceful_shutdown=int(STOP_TIMEOUT - _STOP_MARGIN),
    )
    server = uvicorn.Server(config)
    threading.Thread(target=_watch, args=(server, supervisor, started), daemon=True).start()
    try:
        sock = _listening_socket(options.host, options.port)
    except OSError as exc:
        logger.error("cannot listen on %s:%s: %s", options.host, options.port, exc)
        sys.exit(STARTUP_FAILURE)
    with contextlib.suppress(KeyboardInterrupt):  # a terminal's Ctrl-C: stopped already
        server.run(sockets=[sock])


def _watch(server: uvicorn.Server, supervisor: int, started: Event) -> None:
    """Tell the supervisor once the server serves; stop it once the supervisor is gone."""
    while os.getppid() == supervisor:
        if server.started and not started.is_set():
            started.set()
        time.sleep(0.1 if not started.is_set() else _CHECK)
    logger.warning("the supervisor %s is gone: stopping", supervisor)
    signal.raise_signal(signal.SIGTERM)


def _listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to `host`:`port` that other processes of this user may bind too
    (`SO_REUSEPORT`); IPv6 only for an IPv6 address, as uvicorn binds."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    *_, address = socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    return sock
