"""The errors the graph layer raises, and nothing else reaches callers.

    MentorgraphError
    ├── BadInput          the caller's input is wrong (names the field)
    │   └── BadFile       a data file is missing or malformed (names file and line)
    ├── NotFound          the thing does not exist, or the caller may not see it
    ├── Forbidden         the caller may see it but may not do this
    ├── Conflict          the change collides with the graph's current state
    ├── Unavailable       Neo4j cannot be reached or timed out
    │   └── TimedOut      a query ran past its timeout
    ├── QueryFailed       Neo4j refused a statement (a bug, or an analyst's query)
    ├── StatementError    a `queries/` file is missing, unreadable or unknown
    └── ServerError       the local Neo4j server cannot be provisioned or run

Driver exceptions are translated into these in `graph.database`, the one
boundary with the driver; `api/` maps each class to one `extensions.code`.
"""

from __future__ import annotations


class MentorgraphError(Exception):
    """Base of every error the graph layer raises on purpose."""


class BadInput(MentorgraphError):
    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class BadFile(BadInput):
    """A loader's input file is missing or malformed: `path:line: what is wrong`."""

    def __init__(self, path: object, message: str, *, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}", field=str(path))
        self.path = str(path)
        self.line = line


class NotFound(MentorgraphError):
    pass


class Forbidden(MentorgraphError):
    pass


class Conflict(MentorgraphError):
    pass


class Unavailable(MentorgraphError):
    pass


class TimedOut(Unavailable):
    pass


class QueryFailed(MentorgraphError):
    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


class StatementError(MentorgraphError):
    pass


class ServerError(MentorgraphError):
    pass
