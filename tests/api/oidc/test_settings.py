"""The identity provider's settings are checked where they are read: a configuration
that could let the wrong tokens in, or make everyone an admin, does not start."""

from __future__ import annotations

import pytest

from api.app import create_app
from api.oidc.settings import OidcSettings
from graph.settings import Settings
from tests.servers import api_exit

REQUIRED = {
    "MENTORGRAPH_OIDC_ISSUER": "https://id.example.test/",
    "MENTORGRAPH_OIDC_AUDIENCE": "mentorgraph",
    "MENTORGRAPH_OIDC_JWKS_URL": "https://id.example.test/certs",
    "MENTORGRAPH_OIDC_KEY_PREFIX": "idp:",
}


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name, value in REQUIRED.items():
        monkeypatch.setenv(name, value)
    return monkeypatch


def test_without_an_issuer_there_is_no_identity_provider() -> None:
    assert OidcSettings.from_env() is None


def test_the_defaults(env: pytest.MonkeyPatch) -> None:
    settings = OidcSettings.from_env()
    assert settings is not None
    assert (settings.key_claim, settings.key_prefix, settings.role_claim) == ("sub", "idp:", None)
    assert (settings.leeway, settings.jwks_cooldown) == (30.0, 10.0)


def test_an_empty_key_prefix_is_allowed_when_set(env: pytest.MonkeyPatch) -> None:
    env.setenv("MENTORGRAPH_OIDC_KEY_PREFIX", "")
    settings = OidcSettings.from_env()
    assert settings is not None
    assert settings.key_prefix == ""


def test_without_a_key_prefix_the_server_exits_naming_the_risk() -> None:
    result = api_exit({**REQUIRED, "MENTORGRAPH_OIDC_KEY_PREFIX": None})
    assert result.returncode != 0
    assert "MENTORGRAPH_OIDC_KEY_PREFIX must be set with MENTORGRAPH_OIDC_ISSUER" in result.stderr
    assert "acts as that person" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_role_mapping(env: pytest.MonkeyPatch) -> None:
    env.setenv("MENTORGRAPH_OIDC_ROLE_CLAIM", "groups")
    env.setenv("MENTORGRAPH_OIDC_ADMIN_VALUES", "mg-admins, ops")
    env.setenv("MENTORGRAPH_OIDC_ANALYST_VALUES", "analysts")
    settings = OidcSettings.from_env()
    assert settings is not None
    assert settings.admin_values == {"mg-admins", "ops"}
    assert settings.analyst_values == {"analysts"}


ROLES = {"MENTORGRAPH_OIDC_ROLE_CLAIM": "groups"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"MENTORGRAPH_OIDC_AUDIENCE": ""}, "MENTORGRAPH_OIDC_AUDIENCE must be set"),
        ({"MENTORGRAPH_OIDC_JWKS_URL": ""}, "MENTORGRAPH_OIDC_JWKS_URL must be set"),
        ({"MENTORGRAPH_OIDC_JWKS_URL": "http://id.example.test/certs"}, "must be an https://"),
        ({"MENTORGRAPH_OIDC_JWKS_URL": "file:///etc/passwd"}, "must be an https://"),
        ({"MENTORGRAPH_OIDC_LEEWAY": "301"}, "between 0 and 300 seconds"),
        ({"MENTORGRAPH_OIDC_LEEWAY": "-1"}, "between 0 and 300 seconds"),
        ({"MENTORGRAPH_OIDC_LEEWAY": "soon"}, "must be a number"),
        ({"MENTORGRAPH_OIDC_JWKS_COOLDOWN": "3600"}, "between 0 and 300 seconds"),
        ({"MENTORGRAPH_OIDC_KEY_PREFIX": "idp|"}, "MENTORGRAPH_OIDC_KEY_PREFIX must start"),
        (ROLES, "no value grants a role"),
        ({"MENTORGRAPH_OIDC_ADMIN_VALUES": "admins"}, "need MENTORGRAPH_OIDC_ROLE_CLAIM"),
        ({**ROLES, "MENTORGRAPH_OIDC_ADMIN_VALUES": "*"}, "no wildcard"),
        ({**ROLES, "MENTORGRAPH_OIDC_ADMIN_VALUES": "admins,,ops"}, "no empty value"),
        (
            {**ROLES, "MENTORGRAPH_OIDC_ADMIN_VALUES": "a", "MENTORGRAPH_OIDC_ANALYST_VALUES": "a"},
            "a value may grant one role only",
        ),
        *(
            # Claims every token or every person could carry the granting value of.
            (
                {"MENTORGRAPH_OIDC_ROLE_CLAIM": claim, "MENTORGRAPH_OIDC_ADMIN_VALUES": "x"},
                f"MENTORGRAPH_OIDC_ROLE_CLAIM may not be '{claim}'",
            )
            for claim in ["aud", "iss", "sub", "scope", "email", "azp"]
        ),
    ],
)
def test_a_setting_that_cannot_work_is_refused(
    env: pytest.MonkeyPatch, changes: dict[str, str], message: str
) -> None:
    for name, value in changes.items():
        env.setenv(name, value)
    with pytest.raises(ValueError, match=message):
        OidcSettings.from_env()


def test_settings_without_the_issuer_are_refused_not_ignored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MENTORGRAPH_OIDC_AUDIENCE", "mentorgraph")
    with pytest.raises(ValueError, match="set without MENTORGRAPH_OIDC_ISSUER"):
        OidcSettings.from_env()


def test_the_app_does_not_start_with_them(env: pytest.MonkeyPatch, settings: Settings) -> None:
    env.setenv("MENTORGRAPH_OIDC_ROLE_CLAIM", "aud")
    env.setenv("MENTORGRAPH_OIDC_ADMIN_VALUES", "mentorgraph")
    with pytest.raises(SystemExit, match="mentorgraph: MENTORGRAPH_OIDC_ROLE_CLAIM may not be"):
        create_app(settings)
