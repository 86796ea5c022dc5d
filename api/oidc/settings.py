"""Tokens from the team's OpenID Connect identity provider: which issuer, for whom, with
which keys, and how its claims become a person's key and role (docs/security.md).

`MENTORGRAPH_OIDC_ISSUER` switches it on; every other `MENTORGRAPH_OIDC_*` variable
then refines it, and any of them without the issuer is refused rather than ignored.
`MENTORGRAPH_OIDC_KEY_PREFIX` has no default: it must be set, if only to empty.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from api.validation import KEY_PATTERN
from graph.settings import SettingsError, env_float

MAX_LEEWAY = 300.0
"""Seconds of clock skew at most: past five minutes a clock is broken, not skewed."""
MAX_COOLDOWN = 300.0

RESERVED_CLAIMS = frozenset(
    {
        # RFC 7519, and OpenID Connect Core's ID token and standard claims.
        *("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "azp", "nonce", "auth_time"),
        *("acr", "amr", "at_hash", "c_hash", "sid", "typ", "email", "email_verified"),
        *("name", "preferred_username", "given_name", "family_name", "locale"),
        # OAuth access tokens (RFC 9068): scopes every client may ask for.
        *("scope", "scp", "client_id"),
    }
)
"""Claims that every token of the issuer carries, or that a person may set or ask for:
none of them may grant a role, so that a mapping cannot make everyone an admin."""

_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@dataclass(frozen=True)
class OidcSettings:
    issuer: str
    audience: str
    jwks_url: str
    key_prefix: str
    """Put before every mapped key: keeps the issuer's people apart from other keys. No
    default: empty means the issuer owns the key namespace, which must be meant."""
    key_claim: str = "sub"
    """The claim whose value becomes the person's key (`api.oidc.claims.person_key`)."""
    role_claim: str | None = None
    """A claim holding a string or a list of strings (groups, roles); `None`: all members."""
    analyst_values: frozenset[str] = frozenset()
    admin_values: frozenset[str] = frozenset()
    leeway: float = 30.0
    """Seconds of clock skew allowed on `exp`, `nbf` and `iat`."""
    jwks_cooldown: float = 10.0
    """Seconds between two fetches of the keys that a token's unknown `kid` may cause."""

    def __post_init__(self) -> None:
        _require(self.issuer, "MENTORGRAPH_OIDC_ISSUER")
        _require(self.audience, "MENTORGRAPH_OIDC_AUDIENCE")
        _require(self.jwks_url, "MENTORGRAPH_OIDC_JWKS_URL")
        url = urlsplit(self.jwks_url)
        if not (url.scheme == "https" or (url.scheme == "http" and url.hostname in _LOOPBACK)):
            raise SettingsError(
                "MENTORGRAPH_OIDC_JWKS_URL must be an https:// URL (http:// only on loopback)"
            )
        _require(self.key_claim, "MENTORGRAPH_OIDC_KEY_CLAIM")
        if self.key_prefix and not KEY_PATTERN.match(self.key_prefix):
            raise SettingsError(
                "MENTORGRAPH_OIDC_KEY_PREFIX must start with a letter or digit and hold only "
                "letters, digits and _ . : -"
            )
        _bounded(self.leeway, "MENTORGRAPH_OIDC_LEEWAY", MAX_LEEWAY)
        _bounded(self.jwks_cooldown, "MENTORGRAPH_OIDC_JWKS_COOLDOWN", MAX_COOLDOWN)
        self._check_roles()

    def _check_roles(self) -> None:
        values = self.analyst_values | self.admin_values
        if self.role_claim is None:
            if values:
                raise SettingsError(
                    "MENTORGRAPH_OIDC_ANALYST_VALUES and MENTORGRAPH_OIDC_ADMIN_VALUES need "
                    "MENTORGRAPH_OIDC_ROLE_CLAIM, the claim they are values of"
                )
            return
        if self.role_claim in RESERVED_CLAIMS or self.role_claim == self.key_claim:
            raise SettingsError(
                f"MENTORGRAPH_OIDC_ROLE_CLAIM may not be {self.role_claim!r}: every token or "
                "every person could carry the value that grants a role"
            )
        if not values:
            raise SettingsError(
                "MENTORGRAPH_OIDC_ROLE_CLAIM is set but no value grants a role: set "
                "MENTORGRAPH_OIDC_ANALYST_VALUES or MENTORGRAPH_OIDC_ADMIN_VALUES"
            )
        if self.analyst_values & self.admin_values:
            raise SettingsError(
                "a value may grant one role only: "
                f"{sorted(self.analyst_values & self.admin_values)} are in both "
                "MENTORGRAPH_OIDC_ANALYST_VALUES and MENTORGRAPH_OIDC_ADMIN_VALUES"
            )
        if any(not value or "*" in value for value in values):
            raise SettingsError("role values are matched exactly: no empty value, no wildcard '*'")

    @classmethod
    def from_env(cls) -> OidcSettings | None:
        """The identity provider's settings; `None` when `MENTORGRAPH_OIDC_ISSUER` is unset."""
        if not _env("MENTORGRAPH_OIDC_ISSUER"):
            stray = sorted(name for name in os.environ if name.startswith("MENTORGRAPH_OIDC_"))
            if any(os.environ[name] for name in stray):
                raise SettingsError(
                    f"{', '.join(stray)} set without MENTORGRAPH_OIDC_ISSUER, which switches "
                    "OpenID Connect tokens on"
                )
            return None
        return cls(
            issuer=_env("MENTORGRAPH_OIDC_ISSUER"),
            audience=_env("MENTORGRAPH_OIDC_AUDIENCE"),
            jwks_url=_env("MENTORGRAPH_OIDC_JWKS_URL"),
            key_prefix=_key_prefix(),
            key_claim=_env("MENTORGRAPH_OIDC_KEY_CLAIM") or "sub",
            role_claim=_env("MENTORGRAPH_OIDC_ROLE_CLAIM") or None,
            analyst_values=_values("MENTORGRAPH_OIDC_ANALYST_VALUES"),
            admin_values=_values("MENTORGRAPH_OIDC_ADMIN_VALUES"),
            leeway=env_float("MENTORGRAPH_OIDC_LEEWAY", 30.0),
            jwks_cooldown=env_float("MENTORGRAPH_OIDC_JWKS_COOLDOWN", 10.0),
        )


def _env(name: str) -> str:
    return os.environ.get(name, "").strip()


def _key_prefix() -> str:
    """Set, or refused: an empty prefix lets a token act as anyone whose key was made
    otherwise, so it has to be chosen, not fallen into."""
    if "MENTORGRAPH_OIDC_KEY_PREFIX" not in os.environ:
        raise SettingsError(
            "MENTORGRAPH_OIDC_KEY_PREFIX must be set with MENTORGRAPH_OIDC_ISSUER: without "
            "a prefix, a token whose key claim equals the key of an existing person (made "
            "with our own tokens, or loaded) acts as that person. Set a prefix such as "
            "'idp:', or set it empty if the identity provider owns the key namespace"
        )
    return _env("MENTORGRAPH_OIDC_KEY_PREFIX")


def _values(name: str) -> frozenset[str]:
    """A comma-separated list; an empty item (`a,,b`) is refused by the settings' check."""
    raw = _env(name)
    return frozenset(value.strip() for value in raw.split(",")) if raw else frozenset()


def _require(value: str, name: str) -> None:
    if not value:
        raise SettingsError(f"{name} must be set for OpenID Connect tokens")


def _bounded(value: float, name: str, maximum: float) -> None:
    if not 0 <= value <= maximum:
        raise SettingsError(f"{name} must be between 0 and {maximum:g} seconds, got {value:g}")
