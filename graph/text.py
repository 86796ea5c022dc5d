"""Unicode text: what a client's string must be before it goes anywhere.

JSON may escape a lone UTF-16 surrogate (`"\\ud800"`), and so may a GraphQL string
literal; Python decodes either into a `str` that has no UTF-8 encoding, which the
Neo4j driver, hashing and logging then fail on as unexpected errors. Every entry
refuses such a string as the client's mistake: request JSON, on HTTP and WebSocket
(`api.transport`), and cursors (`graph.pages`); graphql-core's parser refuses it in a
string literal.
"""

from __future__ import annotations


def is_text(value: str) -> bool:
    """Whether `value` is Unicode text: no lone surrogate, so it has a UTF-8 encoding."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
