"""The one boundary with the Neo4j driver: lifecycle, transactions, error translation.

One `AsyncDriver` per process. Every call opens its own short-lived session,
because Strawberry resolves sibling fields in concurrent tasks and a session
must not span tasks. A lone read runs as one auto-commit statement (one round
trip); writes and multi-statement reads run in managed transactions. Results are
consumed before the transaction ends and returned as plain dicts; driver
exceptions never leave this module.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import neo4j
from neo4j import AsyncGraphDatabase, AsyncManagedTransaction
from neo4j import exceptions as neo4j_errors

if TYPE_CHECKING:
    from graph.events.domain import DomainEvent

from graph.errors import Conflict, Forbidden, QueryFailed, TimedOut, Unavailable
from graph.registry import Statement, statement
from graph.settings import Settings

Row = dict[str, Any]
Params = Mapping[str, Any]
T = TypeVar("T")
ChangeListener = Callable[[Sequence[str], Sequence["DomainEvent"]], None]
"""Hears the ids of change records a committed transaction wrote, and their changes
(graph.events.change_log)."""

_PING = statement("health/ping")
_VERSION = statement("health/server_version")

_RETRY_TIME = 5.0
"""Seconds a read is retried on transient errors (as the driver's managed transactions)."""
_FIRST_RETRY_DELAY = 0.05
_PING_TIMEOUT = 2.0

_TIMEOUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.TransientError.Transaction.LockClientStopped",
    # A transaction ended by its timeout while it waited for a lock: the driver reports the
    # server's transient code as a client error (not retried by it), but it is a timeout.
    "Neo.ClientError.Transaction.LockClientStopped",
)
_DELETED_UNDER_IT = "Neo.ClientError.Statement.EntityNotFound"
"""A statement met a node or relationship that a transaction which committed meanwhile had
deleted ("Unable to load NODE ..."): Neo4j reads at read-committed isolation, so a write
that bound a node before its delete committed fails when it uses it (creating a relationship
to it). Run again, the work reads the state after the delete."""
_DELETED_UNDER_IT_ATTEMPTS = 3
_TERMINATED = "Neo.ClientError.Transaction.Terminated"
"""A transaction the server ended (its timeout in a lock wait, an operator, a database
stopping): transient, though the driver reports it as a client error."""


async def run(
    tx: AsyncManagedTransaction, stmt: Statement, params: Params | None = None
) -> list[Row]:
    """Run one statement inside a transaction function and consume its rows."""
    result = await tx.run(stmt.text, dict(params or {}))
    return await rows(result)


async def rows(result: neo4j.AsyncResult) -> list[Row]:
    """Consume a result. Product statements return maps, lists and scalars, never nodes,
    so records are taken as they come: `Record.data()` would walk every nested value
    again (0.5 ms on a page of matches)."""
    return [dict(zip(record.keys(), record, strict=True)) async for record in result]


class Database:
    """A driver, the database it talks to, and the default timeout of every query."""

    def __init__(self, driver: neo4j.AsyncDriver, *, database: str, timeout: float) -> None:
        self._driver = driver
        self.database = database
        self.timeout = timeout
        self.uri = ""
        self.round_trips = 0
        """Transactions sent since start: tests use it to prove there is no N+1."""
        self.change_listeners: list[ChangeListener] = []
        """Shared by every view `with_timeout` makes: whoever writes, the listeners hear."""

    @classmethod
    def connect(cls, settings: Settings) -> Database:
        driver = AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password),
            connection_timeout=settings.connect_timeout,
            connection_acquisition_timeout=2 * settings.connect_timeout,
            max_transaction_retry_time=_RETRY_TIME,
            max_connection_pool_size=50,
            liveness_check_timeout=30.0,
            # Warnings such as "relationship type BLOCKED does not exist yet" are noise here.
            notifications_min_severity="OFF",
        )
        database = cls(driver, database=settings.neo4j_database, timeout=settings.query_timeout)
        database.uri = settings.neo4j_uri
        return database

    def with_timeout(self, timeout: float) -> Database:
        """This database, through the same driver, with another default query timeout."""
        other = Database(self._driver, database=self.database, timeout=timeout)
        other.uri = self.uri
        other.change_listeners = self.change_listeners
        return other

    async def close(self) -> None:
        await self._driver.close()

    async def read(
        self, stmt: Statement, params: Params | None = None, *, timeout: float | None = None
    ) -> list[Row]:
        """Run one read-only statement.

        An auto-commit transaction in a read session: one network round trip where a
        managed transaction needs a second for its COMMIT (about 0.7 ms a call, see
        BENCHMARKS.md). A lone read has nothing to roll back, so retrying it on a
        transient error, as `execute_read` would, is done here.
        """
        query = neo4j.Query(stmt.text, timeout=timeout or self.timeout)
        delay = _FIRST_RETRY_DELAY
        deadline = time.monotonic() + _RETRY_TIME
        while True:
            try:
                async with self._session(default_access_mode=neo4j.READ_ACCESS) as session:
                    return await rows(await session.run(query, dict(params or {})))
            except Unavailable as exc:
                if not _retryable(exc.__cause__) or time.monotonic() + delay > deadline:
                    raise
            await asyncio.sleep(delay)
            delay *= 2

    async def write(
        self, stmt: Statement, params: Params | None = None, *, timeout: float | None = None
    ) -> list[Row]:
        return await self.write_transaction(lambda tx: run(tx, stmt, params), timeout=timeout)

    async def read_transaction(
        self,
        work: Callable[[AsyncManagedTransaction], Awaitable[T]],
        *,
        timeout: float | None = None,
    ) -> T:
        """Run `work` in one managed read transaction (retried on transient errors)."""
        async with self._session() as session:
            return await session.execute_read(self._timed(work, timeout))

    async def write_transaction(
        self,
        work: Callable[[AsyncManagedTransaction], Awaitable[T]],
        *,
        timeout: float | None = None,
    ) -> T:
        """Run `work` in one managed write transaction: all of it commits, or none. Besides
        the driver's retries on transient errors, a transaction that met an entity deleted
        under it is run again (`_DELETED_UNDER_IT`), a few times at most."""
        attempt = 1
        while True:
            try:
                async with self._session() as session:
                    return await session.execute_write(self._timed(work, timeout))
            except QueryFailed as exc:
                if exc.code != _DELETED_UNDER_IT or attempt == _DELETED_UNDER_IT_ATTEMPTS:
                    raise
            attempt += 1

    async def autocommit(self, stmt: Statement, params: Params | None = None) -> list[Row]:
        """Run a statement in its own auto-commit transaction (`CALL { } IN TRANSACTIONS`)."""
        async with self._session() as session:
            return await rows(
                await session.run(neo4j.Query(stmt.text, timeout=None), dict(params or {}))
            )

    async def ping(self, *, within: float = _PING_TIMEOUT) -> None:
        """Neo4j answers within `within` seconds, retries and connecting included."""
        try:
            async with asyncio.timeout(within):
                await self.read(_PING, timeout=within)
        except TimeoutError as exc:
            raise TimedOut(f"Neo4j at {self.uri} did not answer within {within:g} s") from exc

    async def server_version(self) -> str:
        (row,) = await self.read(_VERSION)
        return str(row["version"])

    def _timed(
        self, work: Callable[[AsyncManagedTransaction], Awaitable[T]], timeout: float | None
    ) -> Callable[[AsyncManagedTransaction], Awaitable[T]]:
        return neo4j.unit_of_work(timeout=timeout or self.timeout)(work)

    @asynccontextmanager
    async def _session(
        self, default_access_mode: str = neo4j.WRITE_ACCESS
    ) -> AsyncIterator[neo4j.AsyncSession]:
        self.round_trips += 1
        try:
            async with self._driver.session(
                database=self.database, default_access_mode=default_access_mode
            ) as session:
                yield session
        except neo4j_errors.ConstraintError as exc:
            # The driver's text names labels, properties and internal ids: it stays the cause.
            raise Conflict("it already exists") from exc
        except neo4j_errors.Neo4jError as exc:
            raise _translate(exc) from exc
        except (neo4j_errors.DriverError, OSError) as exc:
            raise Unavailable(
                f"Neo4j at {self.uri or 'the configured address'} is unavailable: {exc}"
            ) from exc


def _retryable(cause: BaseException | None) -> bool:
    if isinstance(cause, neo4j_errors.Neo4jError | neo4j_errors.DriverError):
        return cause.is_retryable()
    return False


def _translate(exc: neo4j_errors.Neo4jError) -> Exception:
    code = exc.code or ""
    if code in _TIMEOUT_CODES:
        return TimedOut("the query timed out")
    if code == "Neo.ClientError.Statement.AccessMode" or "AccessMode" in code:
        return Forbidden("this statement writes, and only reads are allowed here")
    if code == _TERMINATED or isinstance(
        exc, neo4j_errors.TransientError | neo4j_errors.DatabaseUnavailable
    ):
        return Unavailable(f"Neo4j is unavailable ({code})")
    return QueryFailed(exc.message or code, code=code)
