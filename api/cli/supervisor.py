"""Several worker processes serving one port, each with a listening socket of its own.

uvicorn's own supervisor (`uvicorn.run(workers=N)`) shares one listening socket among its
workers, and the event loop accepts every pending connection each time it wakes: the first
worker to wake takes most of a burst of new connections, and keep-alive holds them there. A
client with a pool of a few connections (a gateway, a load generator) then keeps one worker
busy and the others idle (BENCHMARKS.md, "where each side's CPU goes"). Here each worker
has a socket of its own on the port (`SO_REUSEPORT`), and the kernel spreads new
connections over the sockets by a hash of their addresses.

The supervisor makes the sockets, one per worker, and keeps a copy of each: a worker that
ends leaves its socket listening, and the worker started in its place serves the connections
that queued there meanwhile instead of the kernel resetting them. Before it makes them it
binds the port once without `SO_REUSEPORT`: a port that another process listens on is
refused, a second `serve` on it too (Linux would otherwise let that one's workers join).

Until one of the workers has started serving, a worker that exits with an error stops them
all (the app cannot start: its twins would fail alike), with the worker's exit code, 3 for
uvicorn's startup failure. One ended by a signal (killed) is replaced, as later. Once
serving, a worker that ends is replaced, at once the first time and then after a backoff
that doubles up to `MAX_RESTART_DELAY`, so a worker that cannot start again does not spin;
while it waits, its socket is closed so that new connections go to the others. Each worker's
event loop beats every second; one silent for `hang_timeout` seconds (a loop stuck in
synchronous code, a stopped process) is killed and replaced.

SIGINT or SIGTERM stops them all: each worker gets SIGTERM and finishes what it serves
(uvicorn's graceful shutdown, given `STOP_TIMEOUT` less a margin), and whatever still runs
at `STOP_TIMEOUT` is killed. SIGHUP restarts them one at a time (new code, a new
configuration file): a new worker starts on the old one's socket, and the old one stops
gracefully once the new one serves; if the new one cannot start, the restart stops there and
the old workers serve on. The workers ignore SIGHUP themselves (a terminal's hangup reaches
them too). A worker whose supervisor is gone (killed) stops by itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event
from types import FrameType
from typing import TYPE_CHECKING, Any

import uvicorn
from prometheus_client.multiprocess import mark_process_dead
from uvicorn.config import STARTUP_FAILURE

from api.metrics import MULTIPROCESS_DIR

if TYPE_CHECKING:
    from multiprocessing.sharedctypes import Synchronized

    Beat = Synchronized[float]
    """The time (`time.monotonic`, one clock for every process) of a worker's last beat."""

logger = logging.getLogger("mentorgraph.serve")

APP = "api.app:create_app"
STOP_TIMEOUT = 30.0
"""Seconds the workers have, all together, to finish once told to stop."""
_STOP_MARGIN = 5.0
"""What a worker's graceful shutdown leaves of `STOP_TIMEOUT` for the app's own shutdown."""
START_TIMEOUT = 120.0
"""Seconds a worker started by a restart has to serve before the restart gives up on it."""
HANG_TIMEOUT = 30.0
"""Seconds a serving worker's event loop may stay silent before the worker is killed."""
MAX_RESTART_DELAY = 30.0
_CHECK = 1.0
"""Seconds between looks at the workers (in a worker: at its supervisor, and between beats)."""
_BACKLOG = 2048
"""Connections each socket queues before any worker accepts them (uvicorn's default)."""


@dataclass(frozen=True)
class WorkerOptions:
    """What every worker serves with."""

    host: str
    port: int
    ws_max_size: int
    log_level: str


@dataclass
class _Slot:
    """One worker's place: its socket, the process in it, whether that served, its last
    beat, and when to replace it."""

    sock: socket.socket | None
    """The supervisor's copy of the place's socket; None while a delayed replacement waits."""
    process: BaseProcess
    started: Event
    beat: Beat
    backoff: float = 0.0
    """The delay before this process was started in its place (0 for the first)."""
    due: float | None = None
    """When a process may start in its place, once this one ended."""


def serve_workers(
    options: WorkerOptions, workers: int, *, hang_timeout: float = HANG_TIMEOUT
) -> int:
    """Serve `APP` from `workers` processes until SIGINT or SIGTERM (SIGHUP restarts them);
    the exit code: 0, or that of a worker that ended before any started serving (3, as for
    a port that cannot be had)."""
    try:
        sockets = _claim_port(options.host, options.port, workers)
    except OSError as exc:
        logger.error("cannot listen on %s:%s: %s", options.host, options.port, exc)
        return STARTUP_FAILURE
    supervisor = _Supervisor(options, hang_timeout)
    previous = {
        sig: signal.signal(sig, supervisor.on_signal)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    }
    try:
        return supervisor.run(sockets)
    finally:
        for sock in sockets:
            sock.close()
        supervisor.stop_all()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class _Supervisor:
    """Starts the workers, watches them, replaces them, restarts and stops them."""

    def __init__(self, options: WorkerOptions, hang_timeout: float) -> None:
        self._options = options
        self._hang_timeout = hang_timeout
        self._context = multiprocessing.get_context("spawn")
        self._slots: list[_Slot] = []
        self._stopping = False
        self._restarting = False

    def on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if signum == signal.SIGHUP:
            self._restarting = True
        else:
            self._stopping = True

    def run(self, sockets: list[socket.socket]) -> int:
        """Watch the workers until told to stop (0); a worker that exits with an error
        before any served ends it all (its exit code)."""
        for sock in sockets:  # one at a time: a start that fails leaves the others in slots
            self._slots.append(self._start(sock))
        logger.info(
            "serving on %s:%s with %d workers (%s)", self._options.host, self._options.port,
            len(sockets), ", ".join(str(s.process.pid) for s in self._slots),
        )  # fmt: skip
        serving = False
        while not self._stopping:
            wait([slot.process.sentinel for slot in self._slots], timeout=_CHECK)
            if not serving and any(slot.started.is_set() for slot in self._slots):
                serving = True
                logger.info("serving")
            if self._restarting:
                self._restarting = False
                self._restart_all()
            elif (code := self._tend(serving)) is not None:
                return code
        return 0

    def stop_all(self) -> None:
        """Close the supervisor's sockets first (nothing more queues for workers that stop),
        then stop every worker (`_stop`)."""
        for slot in self._slots:
            if slot.sock is not None:
                slot.sock.close()
        _stop([slot.process for slot in self._slots])

    def _start(self, sock: socket.socket, backoff: float = 0.0) -> _Slot:
        started = self._context.Event()
        beat: Beat = self._context.Value("d", 0.0)
        process = self._context.Process(
            target=_serve, args=(self._options, os.getpid(), started, beat, sock)
        )
        process.start()
        return _Slot(sock, process, started, beat, backoff)

    def _tend(self, serving: bool) -> int | None:
        """Kill a hung worker; replace one that ended (`_replace_after`), or end it all with
        the exit code of one that could not start before any served."""
        now = time.monotonic()
        for index, slot in enumerate(self._slots):
            process = slot.process
            if process.is_alive():
                self._kill_if_hung(slot, now)
                continue
            if slot.due is None:
                _forget(process)
                if not serving and (process.exitcode or 0) > 0:
                    logger.error("worker %s could not start (exit %s)", process.pid,
                                 process.exitcode)  # fmt: skip
                    return process.exitcode or STARTUP_FAILURE
                slot.backoff = _replace_after(slot)
                slot.due = now + slot.backoff
                if slot.backoff and slot.sock is not None:  # no one would accept there
                    slot.sock.close()
                    slot.sock = None
                logger.warning("worker %s ended (exit %s); another in %g s", process.pid,
                               process.exitcode, slot.backoff)  # fmt: skip
            if now >= slot.due:
                self._replace(index, slot, now)
        return None

    def _replace(self, index: int, slot: _Slot, now: float) -> None:
        sock = slot.sock
        if sock is None:
            try:
                sock = _listening_socket(self._options.host, self._options.port)
            except OSError as exc:
                slot.backoff = _longer(slot.backoff)
                slot.due = now + slot.backoff
                logger.error("cannot listen on %s:%s again: %s; again in %g s",
                             self._options.host, self._options.port, exc, slot.backoff)  # fmt: skip
                return
        self._slots[index] = self._start(sock, slot.backoff)

    def _kill_if_hung(self, slot: _Slot, now: float) -> None:
        silent = now - slot.beat.value
        if slot.started.is_set() and silent > self._hang_timeout:
            logger.error("worker %s has not beaten for %.0f s: killed", slot.process.pid, silent)
            slot.process.kill()

    def _restart_all(self) -> None:
        """Each worker in turn gives way to a new one on its socket once that one serves; one
        that cannot start ends the restart, the workers not yet restarted serving on."""
        logger.info("SIGHUP: restarting the workers one at a time")
        for index, slot in enumerate(self._slots):
            if self._stopping:
                return
            if slot.sock is None or not slot.process.is_alive():
                continue  # `_tend` replaces it anyway
            fresh = self._start(slot.sock)
            if not self._until_serving(fresh):
                logger.error("worker %s did not serve: the restart stops", fresh.process.pid)
                _stop([fresh.process])
                return
            _stop([slot.process])
            self._slots[index] = fresh
        logger.info("restarted: %s", ", ".join(str(s.process.pid) for s in self._slots))

    def _until_serving(self, slot: _Slot) -> bool:
        deadline = time.monotonic() + START_TIMEOUT
        while not self._stopping and slot.process.is_alive() and time.monotonic() < deadline:
            if slot.started.wait(_CHECK):
                return True
        return slot.started.is_set()


def _replace_after(slot: _Slot) -> float:
    """At once after a worker that served; after one that could not start, twice the delay
    before it (`_longer`)."""
    return 0.0 if slot.started.is_set() else _longer(slot.backoff)


def _longer(backoff: float) -> float:
    return min(max(2 * backoff, _CHECK), MAX_RESTART_DELAY)


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


def _serve(
    options: WorkerOptions, supervisor: int, started: Event, beat: Beat, sock: socket.socket
) -> None:
    """One worker: uvicorn serving the app on `sock`; it stops as on SIGTERM once
    `supervisor` is no longer its parent."""
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # the supervisor's to act on
    config = uvicorn.Config(
        APP,
        factory=True,
        host=options.host,
        port=options.port,
        ws_max_size=options.ws_max_size,
        log_level=options.log_level,
        timeout_graceful_shutdown=int(STOP_TIMEOUT - _STOP_MARGIN),
    )
    server = _WorkerServer(config, started, beat)
    threading.Thread(target=_watch, args=(supervisor,), daemon=True).start()
    with (
        contextlib.suppress(KeyboardInterrupt),  # a terminal's Ctrl-C: stopped already
        asyncio.Runner(loop_factory=config.get_loop_factory()) as runner,
    ):
        runner.run(server.serve(sockets=[sock]))


class _WorkerServer(uvicorn.Server):
    """uvicorn's server that tells the supervisor as it starts serving (before it accepts a
    connection), and writes the time into `beat` every `_CHECK` seconds from its event
    loop: a loop that is stuck stops beating."""

    def __init__(self, config: uvicorn.Config, started: Event, beat: Beat) -> None:
        super().__init__(config)
        self._serving = started
        self._beat = beat

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:  # uvicorn's own flag: false when the startup failed
            self._beat.value = time.monotonic()
            self._serving.set()

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        heart = asyncio.create_task(self._beating())
        try:
            await super().serve(sockets=sockets)
        finally:
            heart.cancel()

    async def _beating(self) -> None:
        while True:
            self._beat.value = time.monotonic()
            await asyncio.sleep(_CHECK)


def _watch(supervisor: int) -> None:
    """Stop the worker once its supervisor is gone."""
    while os.getppid() == supervisor:
        time.sleep(_CHECK)
    logger.warning("the supervisor %s is gone: stopping", supervisor)
    signal.raise_signal(signal.SIGTERM)


def _claim_port(host: str, port: int, count: int) -> list[socket.socket]:
    """`count` sockets listening on `host`:`port`, once a socket without `SO_REUSEPORT`
    could bind there: a port that another process listens on is refused, not joined."""
    family, address = _address(host, port)
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is no holder
        probe.bind(address)
    return [_listening_socket(host, port) for _ in range(count)]


def _listening_socket(host: str, port: int) -> socket.socket:
    """A socket listening on `host`:`port` that other sockets of this user may bind too
    (`SO_REUSEPORT`); IPv6 only for an IPv6 address, as uvicorn binds."""
    family, address = _address(host, port)
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind(address)
        sock.listen(_BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


def _address(host: str, port: int) -> tuple[socket.AddressFamily, Any]:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    *_, address = socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)[0]
    return family, address
