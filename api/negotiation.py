"""Which media type a GraphQL result is served as, from the request's `Accept`.

GraphQL over HTTP names two: `application/graphql-response+json`, whose status
codes say how the request went, and the legacy `application/json`, always 200 for
a GraphQL result. A client that names the new type gets it (Apollo Client and urql
send `application/graphql-response+json, application/json;q=0.9`); a client that
sends no `Accept`, `*/*` or `application/*` gets `application/json`, as the
clients written before the new type expect. A type the client names outranks one
it reaches through a wildcard; `q=0` refuses a type. When the client accepts
neither, there is nothing to serve: the view answers 406.
"""

from __future__ import annotations

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"

_EXACT, _SUBTYPE_WILDCARD, _WILDCARD, _NO_MATCH = 3, 2, 1, 0


def negotiate(accept: str | None) -> str | None:
    """The media type to answer in, or None when the client accepts neither."""
    if accept is None or not accept.strip():
        return JSON
    ranges = [parsed for part in accept.split(",") if (parsed := _media_range(part))]
    new, legacy = _preference(ranges, GRAPHQL_RESPONSE_JSON), _preference(ranges, JSON)
    if max(new[0], legacy[0]) <= 0:
        return None
    if new > legacy or (new == legacy and new[1] == _EXACT):
        return GRAPHQL_RESPONSE_JSON
    return JSON


def _media_range(part: str) -> tuple[str, float] | None:
    """`type/subtype` and its quality; None for a range that does not parse."""
    media, *params = (piece.strip() for piece in part.split(";"))
    if media.count("/") != 1:
        return None
    quality = 1.0
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value)
            except ValueError:
                return None
    return media.lower(), quality


def _preference(ranges: list[tuple[str, float]], media_type: str) -> tuple[float, int]:
    """The quality of `media_type` by the most specific range that matches it
    (RFC 9110, section 12.5.1), and how specific that range is."""
    kind = media_type.split("/")[0]
    matching = {media_type: _EXACT, f"{kind}/*": _SUBTYPE_WILDCARD, "*/*": _WILDCARD}
    best = (0.0, _NO_MATCH)
    for media, quality in ranges:
        specificity = matching.get(media, _NO_MATCH)
        if specificity > best[1]:
            best = (quality, specificity)
    return best
