"""Which media type a result is served as, from `Accept` (GraphQL over HTTP, "Accept")."""

from __future__ import annotations

import pytest

from api.negotiation import GRAPHQL_RESPONSE_JSON, JSON, negotiate

CASES = [
    (None, JSON),  # legacy clients send none
    ("", JSON),
    ("*/*", JSON),
    ("application/*", JSON),
    ("application/json", JSON),
    ("application/json; charset=utf-8", JSON),
    (GRAPHQL_RESPONSE_JSON, GRAPHQL_RESPONSE_JSON),
    ("Application/GraphQL-Response+JSON", GRAPHQL_RESPONSE_JSON),
    # What Apollo Client and urql send.
    (f"{GRAPHQL_RESPONSE_JSON}, application/json;q=0.9", GRAPHQL_RESPONSE_JSON),
    (f"{GRAPHQL_RESPONSE_JSON}, application/graphql+json, application/json, "
     "text/event-stream, multipart/mixed", GRAPHQL_RESPONSE_JSON),
    (f"application/json, {GRAPHQL_RESPONSE_JSON};q=0.5", JSON),
    (f"{GRAPHQL_RESPONSE_JSON}, */*;q=0.1", GRAPHQL_RESPONSE_JSON),
    ("application/json, */*", JSON),
    ("text/html,application/xhtml+xml,*/*;q=0.8", JSON),  # a browser
    ("*/*, application/json;q=0", GRAPHQL_RESPONSE_JSON),
    ("text/html", None),
    ("text/event-stream", None),
    ("application/json;q=0", None),
    ("application/json;q=nonsense", None),
    ("nonsense", None),
]  # fmt: skip


@pytest.mark.parametrize(("accept", "served"), CASES)
def test_accept_decides_the_media_type(accept: str | None, served: str | None) -> None:
    assert negotiate(accept) == served
