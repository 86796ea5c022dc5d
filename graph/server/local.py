"""A local Neo4j community server, provisioned from Maven Central without Docker.

Maven resolves `org.neo4j:neo4j` (the community DBMS with its Bolt server) at
the configured 5.26.x version into a cache folder once; later starts do no
network work. The server runs `org.neo4j.server.CommunityEntryPoint` on an
on-disk store under the project's git-ignored `.neo4j/` folder, listening on
127.0.0.1 only. Authentication is off because only this machine can connect;
point `NEO4J_URI` at a real deployment to use one (nothing is provisioned then).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph.database import Database
from graph.errors import ServerError, Unavailable
from graph.settings import LocalServerSettings, Settings

RUNTIME_POM = Path(__file__).with_name("neo4j-runtime.pom.xml")
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
MIN_JAVA = 17

_JVM_OPTIONS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    address: str
    store: Path
    version: str | None


def cache_dir(version: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "mentorgraph" / f"neo4j-{version}"


class LocalServer:
    """Start, stop and inspect the project's own Neo4j process."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.config: LocalServerSettings = settings.local
        self.home = self.config.home
        self.pid_file = self.home / "run" / "mentorgraph-neo4j.pid"
        self.console_log = self.home / "logs" / "console.log"

    # -- public commands -------------------------------------------------

    def start(self) -> bool:
        """Start the server and wait until it answers; False when it was already running."""
        if self.running_pid() is not None:
            self._wait_until_ready(pid=None)
            return False
        if _port_open(self.config.port):
            raise ServerError(
                f"port {self.config.port} on 127.0.0.1 is already taken by another process "
                f"(not the mentorgraph Neo4j of {self.home}); stop it or set "
                "MENTORGRAPH_NEO4J_PORT to a free port. Nothing was killed."
            )
        lib = self.ensure_runtime()
        java = find_java()
        self._write_config()
        self.console_log.parent.mkdir(parents=True, exist_ok=True)
        command = [
            java,
            f"-Xms{self.config.heap}",
            f"-Xmx{self.config.heap}",
            *_JVM_OPTIONS,
            "-cp",
            f"{lib}/*",
            ENTRY_POINT,
            f"--home-dir={self.home}",
            f"--config-dir={self.home / 'conf'}",
        ]
        pid = _spawn_detached(command, self.console_log)
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        self.pid_file.write_text(str(pid))
        try:
            self._wait_until_ready(pid=pid)
        except ServerError:
            self._terminate(pid)
            raise
        return True

    def stop(self) -> bool:
        """Shut the server down cleanly; False when it was not running."""
        pid = self.running_pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        self._terminate(pid)
        return True

    def kill(self) -> None:
        """`kill -9` the server, as a crash would (for recovery tests)."""
        pid = self.running_pid()
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
            _wait_for_exit(pid, 30.0)
            self._wait_port_closed()

    def status(self) -> ServerStatus:
        pid = self.running_pid()
        version = None
        if pid is not None:
            try:
                version = asyncio.run(_server_version(self._settings))
            except Unavailable:
                version = None
        return ServerStatus(
            running=pid is not None,
            pid=pid,
            address=self.config.uri,
            store=self.home / "data",
            version=version,
        )

    def running_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _is_our_server(pid, self.home) else None

    # -- provisioning ----------------------------------------------------

    def ensure_runtime(self) -> Path:
        """The folder of server jars, resolved through Maven the first time only."""
        target = cache_dir(self.config.version)
        lib = target / "lib"
        marker = target / "complete"
        if marker.exists():
            return lib
        mvn = shutil.which("mvn")
        if mvn is None:
            raise ServerError(
                "Maven (mvn) is not on PATH: it is needed once to download Neo4j "
                f"{self.config.version} from Maven Central. Install Maven, or set NEO4J_URI "
                "to an existing Neo4j server."
            )
        staging = target / "lib.partial"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        result = subprocess.run(
            [
                mvn,
                "-q",
                "-B",
                "-f",
                str(RUNTIME_POM),
                "dependency:copy-dependencies",
                f"-Dneo4j.version={self.config.version}",
                f"-DoutputDirectory={staging}",
                "-DincludeScope=runtime",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
            raise ServerError(
                f"Maven could not download Neo4j {self.config.version} (org.neo4j:neo4j) from "
                f"Maven Central; is the network or the Maven repository reachable?\n{tail}"
            )
        shutil.rmtree(lib, ignore_errors=True)
        staging.rename(lib)
        marker.write_text(self.config.version)
        return lib

    def _write_config(self) -> None:
        conf = self.home / "conf"
        conf.mkdir(parents=True, exist_ok=True)
        settings = {
            "server.default_listen_address": "127.0.0.1",
            "server.default_advertised_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{self.config.port}",
            "server.bolt.advertised_address": f"127.0.0.1:{self.config.port}",
            "server.http.enabled": "false",
            "server.https.enabled": "false",
            "dbms.security.auth_enabled": "false",
            # No LOAD CSV from this machine's files, even in a read transaction.
            "dbms.security.allow_csv_import_from_file_urls": "false",
            "server.memory.pagecache.size": self.config.pagecache,
            "db.tx_log.rotation.retention_policy": "1G size",
            "db.transaction.timeout": "0s",
            "server.logs.gc.enabled": "false",
        }
        if self.config.min_replan_interval:
            settings["dbms.cypher.min_replan_interval"] = self.config.min_replan_interval
        body = "".join(f"{key}={value}\n" for key, value in settings.items())
        (conf / "neo4j.conf").write_text(
            "# Written by mentorgraph at every start; edit the MENTORGRAPH_NEO4J_* variables.\n"
            + body
        )

    # -- process handling ------------------------------------------------

    def _wait_until_ready(self, pid: int | None) -> None:
        deadline = time.monotonic() + self.config.start_timeout
        while time.monotonic() < deadline:
            if pid is not None and _has_exited(pid):
                raise ServerError(
                    "Neo4j exited while starting; "
                    f"last lines of {self.console_log}:\n{self._log_tail()}"
                )
            if not _port_open(self.config.port):
                time.sleep(0.5)
                continue
            try:
                asyncio.run(_ping(self._settings))
                return
            except Unavailable:
                time.sleep(0.5)
        raise ServerError(
            f"Neo4j did not answer on {self.config.uri} within {self.config.start_timeout:.0f} s; "
            f"last lines of {self.console_log}:\n{self._log_tail()}"
        )

    def _terminate(self, pid: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        if not _wait_for_exit(pid, 60.0):
            os.kill(pid, signal.SIGKILL)
            _wait_for_exit(pid, 10.0)
        self._wait_port_closed()
        self.pid_file.unlink(missing_ok=True)

    def _wait_port_closed(self, timeout: float = 10.0) -> None:
        """A killed JVM is a zombie before its last threads let go of the Bolt socket."""
        deadline = time.monotonic() + timeout
        while _port_open(self.config.port) and time.monotonic() < deadline:
            time.sleep(0.1)

    def _log_tail(self, lines: int = 20) -> str:
        logs = [self.console_log, self.home / "logs" / "neo4j.log"]
        text = "".join(path.read_text(errors="replace") for path in logs if path.exists())
        return "\n".join(text.strip().splitlines()[-lines:])


def find_java() -> str:
    """The `java` of JAVA_HOME or PATH, checked to be at least Java 17."""
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        raise ServerError(f"no Java found: install a JDK {MIN_JAVA}+ or set JAVA_HOME")
    result = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)', result.stderr + result.stdout)
    if match is None or int(match.group(1)) < MIN_JAVA:
        raise ServerError(f"{java} is not Java {MIN_JAVA}+: {result.stderr.strip()[:200]}")
    return java


def _spawn_detached(command: list[str], log: Path) -> int:
    """Start the server in its own session, outliving this process; return its pid."""
    log.parent.mkdir(parents=True, exist_ok=True)
    return os.posix_spawn(
        command[0],
        command,
        dict(os.environ),
        file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, str(log), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644),
            (os.POSIX_SPAWN_DUP2, 1, 2),
        ],
        setsid=True,
    )


def _has_exited(pid: int) -> bool:
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return not Path(f"/proc/{pid}").exists()
    return waited == pid


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        if probe.connect_ex(("127.0.0.1", port)) != 0:
            return False
        # A client on an ephemeral port can connect to itself: that is no listener.
        return bool(probe.getsockname() != probe.getpeername())


def _is_our_server(pid: int, home: Path) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    args = [part.decode(errors="replace") for part in cmdline]
    return ENTRY_POINT in args and f"--home-dir={home}" in args


def _wait_for_exit(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _has_exited(pid) or _is_zombie(pid):
            return True
        time.sleep(0.2)
    return False


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return True


async def _ping(settings: Settings) -> None:
    database = Database.connect(settings)
    try:
        await database.ping()
    finally:
        await database.close()


async def _server_version(settings: Settings) -> str:
    database = Database.connect(settings)
    try:
        return await database.server_version()
    finally:
        await database.close()
