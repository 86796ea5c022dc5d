"""How a verified token's claims name a person and a role.

The key: an issuer's `sub` may be any string of up to 255 characters (OpenID Connect
Core, section 5.1), a person key only letters, digits and `_ . : -`, 100 at most,
starting with a letter or digit (`api.validation.KEY_PATTERN`). The mapping keeps
letters, digits and `. : -` and writes every other character, `_` included, as `_`
and the two hex digits of each of its UTF-8 bytes: `auth0|42` is `auth0_7C42`,
`a_b` is `a_5Fb`. As `_` only ever starts an escape, two values never share a key.
The configured prefix goes in front. What still does not fit (too long, or starting
with anything but a letter or digit when there is no prefix) is refused.

The role: only a value of the role claim listed for a role grants it, the highest
one a token lists; a missing claim, another value, or a value of another type is a
member.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from api.errors import Unauthenticated
from api.oidc.settings import OidcSettings
from api.validation import KEY_PATTERN
from graph.viewer import Role, Viewer

_KEPT = frozenset(string.ascii_letters + string.digits + ".:-")


def person_key(value: str, *, prefix: str = "") -> str | None:
    """The person key of a claim's value, or `None` when it cannot have one."""
    escaped = "".join(
        char if char in _KEPT else "".join(f"_{byte:02X}" for byte in char.encode())
        for char in value
    )
    key = prefix + escaped
    return key if value and KEY_PATTERN.match(key) else None


def viewer(claims: Mapping[str, object], settings: OidcSettings) -> Viewer:
    value = claims.get(settings.key_claim)
    if not isinstance(value, str):
        raise Unauthenticated(f"the token's {settings.key_claim!r} claim is not a string")
    key = person_key(value, prefix=settings.key_prefix)
    if key is None:
        raise Unauthenticated(f"the token's {settings.key_claim!r} cannot be a person key")
    return Viewer(key=key, role=_role(claims, settings))


def _role(claims: Mapping[str, object], settings: OidcSettings) -> Role:
    if settings.role_claim is None:
        return "member"
    value = claims.get(settings.role_claim)
    items = value if isinstance(value, list) else [value]
    listed = {item for item in items if isinstance(item, str)}
    if listed & settings.admin_values:
        return "admin"
    if listed & settings.analyst_values:
        return "analyst"
    return "member"
