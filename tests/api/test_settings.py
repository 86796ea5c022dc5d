"""The API fails closed on its token secret: no secret, no server, unless in development mode.

Real uvicorn processes: one without MENTORGRAPH_JWT_SECRET must exit with the reason; one
in development mode must sign with the install's random secret and nothing else.
"""

from __future__ import annotations

import stat
from pathlib import Path

import httpx
import pytest

from api.auth import issue_token
from api.settings import MIN_SECRET_BYTES, ApiSettings
from graph.database import Database
from graph.settings import Settings, SettingsError
from tests.servers import api_exit, api_process

CREATE = 'mutation { createProfile(input: {name: "Ann"}) { person { key } } }'
FIXED_STRINGS = (
    "dev-only-secret-change-me-not-for-production",  # the secret that used to be in the code
    "x" * MIN_SECRET_BYTES,
)


def test_without_a_secret_the_server_exits_with_the_reason() -> None:
    result = api_exit({"MENTORGRAPH_JWT_SECRET": None, "MENTORGRAPH_DEV_MODE": None})
    assert result.returncode != 0
    assert "MENTORGRAPH_JWT_SECRET is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_short_secret_stops_the_server() -> None:
    result = api_exit({"MENTORGRAPH_JWT_SECRET": "s" * (MIN_SECRET_BYTES - 1)})
    assert result.returncode != 0
    assert f"at least {MIN_SECRET_BYTES} bytes" in result.stderr


def test_settings_from_the_environment_refuse_a_missing_or_short_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("MENTORGRAPH_JWT_SECRET")
    monkeypatch.delenv("MENTORGRAPH_DEV_MODE", raising=False)
    with pytest.raises(SettingsError, match="MENTORGRAPH_JWT_SECRET is not set"):
        ApiSettings.from_env()
    monkeypatch.setenv("MENTORGRAPH_DEV_MODE", "false")
    with pytest.raises(SettingsError, match="MENTORGRAPH_JWT_SECRET is not set"):
        ApiSettings.from_env()
    monkeypatch.setenv("MENTORGRAPH_JWT_SECRET", "s" * (MIN_SECRET_BYTES - 1))
    with pytest.raises(SettingsError, match="at least"):
        ApiSettings.from_env()
    with pytest.raises(SettingsError, match="at least"):
        ApiSettings(jwt_secret="s" * (MIN_SECRET_BYTES - 1))


def test_the_secret_never_shows_in_the_settings_repr(api_settings: ApiSettings) -> None:
    assert api_settings.jwt_secret not in repr(api_settings)


def _code(response: httpx.Response) -> str | None:
    errors = response.json().get("errors")
    return errors[0]["extensions"]["code"] if errors else None


def _create(base: str, secret: str, key: str, role: str = "member") -> httpx.Response:
    token = issue_token(secret, key, role=role)
    return httpx.post(
        f"{base}/graphql",
        json={"query": CREATE},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )


def test_dev_mode_signs_with_the_install_secret_and_nothing_else(
    settings: Settings, empty_graph: Database, tmp_path: Path
) -> None:
    path = tmp_path / "install" / "jwt-secret"
    env: dict[str, str | None] = {
        "NEO4J_URI": settings.neo4j_uri,
        "MENTORGRAPH_JWT_SECRET": None,
        "MENTORGRAPH_DEV_MODE": "true",
        "MENTORGRAPH_DEV_SECRET_FILE": str(path),
    }
    with api_process(env) as (_, base):
        secret = path.read_text().strip()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert len(secret.encode()) >= MIN_SECRET_BYTES
        for fixed in FIXED_STRINGS:
            for role in ("member", "admin"):
                assert _code(_create(base, fixed, "mallory", role)) == "UNAUTHENTICATED"
        assert _code(_create(base, secret, "ann")) is None
    with api_process(env) as (_, base):
        assert path.read_text().strip() == secret, "the install keeps its secret"
        assert _code(_create(base, secret, "bob")) is None
