"""Several worker processes serving one port, each with a listening socket of its own.

uvicorn's own supervisor (`uvicorn.run(workers=N)`) shares one listening socket among its
workers, and asyncio accepts every pending connection each time it wakes: the first worker
to wake takes most of a burst of new connections, and keep-alive holds them there. A client
with a pool of a few connections (a gateway, a load generator) then keeps one worker busy
and the others idle (BENCHMARKS.md, "where each side's CPU goes"). Here each worker binds
the port itself with `SO_REUSEPORT`, and the kernel spreads new connections over the
workers' sockets by a hash of their addresses.

The supervisor starts the workers and starts a new one in place of one that dies. A worker
that fails at startup (uvicorn's exit code 3: the app cannot start) stops them all, since
its twins would fail alike. SIGINT or SIGTERM stops them: each worker gets SIGTERM and
finishes what it serves (uvicorn's graceful shutdown) within `STOP_TIMEOUT`, or is killed.
A worker whose supervisor was killed stops by itself.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Any

import uvicorn
from uvicorn.config import STARTUP_FAILURE

logger = logging.getLogger("mentorgraph.serve")

APP = "api.app:create_app"
LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")
"""uvicorn's."""

STOP_TIMEOUT = 30.0
"""Seconds the workers have to finish once told to stop."""
_CHECK = 1.0
"""Seconds between looks at the workers, when none has ended."""


def serve_workers(host: str, port: int, workers: int, options: dict[str, Any]) -> int:
    """Serve `APP` on `host`:`port` from `workers` processes (uvicorn `options` for each)
    until SIGINT or SIGTERM; the exit code (0, or uvicorn's startup failure)."""
    context = multiprocessing.get_context("spawn")

    def start() -> BaseProcess:
        process = context.Process(target=_serve, args=(host, port, options))
        process.start()
        return process

    stopping: list[int] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        stopping.append(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    processes = [start() for _ in range(workers)]
    code = 0
    try:
        while not stopping and not code:
            wait([p.sentinel for p in processes], timeout=_CHECK)
            for index, process in enumerate(processes):
                if process.is_alive() or stopping:
                    continue
                if process.exitcode == STARTUP_FAILURE:
                    code = STARTUP_FAILURE
                    break
                logger.warning("worker %s ended (exit %s); starting another", process.pid,
                               process.exitcode)  # fmt: skip
                processes[index] = start()
    finally:
        _stop(processes)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return code


def _stop(processes: list[BaseProcess]) -> None:
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(STOP_TIMEOUT)
        if process.is_alive():
            logger.warning("worker %s did not stop in %g s: killed", process.pid, STOP_TIMEOUT)
            process.kill()
            process.join()


def _serve(host: str, port: int, options: dict[str, Any]) -> None:
    """One worker: its own socket on the shared port, and uvicorn serving the app on it;
    it stops as on SIGTERM when the supervisor is gone (killed: nobody would stop it)."""
    config = uvicorn.Config(APP, factory=True, host=host, port=port, **options)
    server = uvicorn.Server(config)
    threading.Thread(target=_stop_when_orphaned, args=(os.getppid(),), daemon=True).start()
    try:
        sock = listening_socket(host, port)
    except OSError as exc:
        logger.error("cannot listen on %s:%s: %s", host, port, exc)
        sys.exit(STARTUP_FAILURE)
    server.run(sockets=[sock])
    if not server.started:
        sys.exit(STARTUP_FAILURE)


def _stop_when_orphaned(supervisor: int) -> None:
    while os.getppid() == supervisor:
        time.sleep(_CHECK)
    logger.warning("the supervisor %s is gone: stopping", supervisor)
    signal.raise_signal(signal.SIGTERM)


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to `host`:`port` that other processes may bind too (`SO_REUSEPORT`)."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    sock.set_inheritable(True)
    return sock
