from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from api.auth import session_from_token
from api.settings import ApiSettings

BIN = Path(sys.executable).parent / "mentorgraph"
ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=ROOT,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "command", [("migrate",), ("stats", "--no-hash"), ("cypher", "exec", "RETURN 1")]
)
def test_an_unreachable_neo4j_uri_is_named_without_a_traceback(command: tuple[str, ...]) -> None:
    result = _run(*command, NEO4J_URI="bolt://127.0.0.1:1")
    assert result.returncode == 1
    assert "bolt://127.0.0.1:1" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_neo4j_commands_refuse_when_neo4j_uri_names_another_server() -> None:
    result = _run("neo4j", "start", NEO4J_URI="bolt://db.example:7687")
    assert result.returncode == 1
    assert "NEO4J_URI is set" in result.stderr


def test_status_and_migrate_against_the_test_server(neo4j_server: None) -> None:
    status = _run("neo4j", "status")
    assert status.returncode == 0, status.stderr
    assert "version: 5.26." in status.stdout
    assert "address: bolt://127.0.0.1:" in status.stdout
    migrate = _run("migrate")
    assert migrate.returncode == 0, migrate.stderr
    assert "schema applied (" in migrate.stdout
    assert "data migrations run: " in migrate.stdout


def test_docker_compose_file_is_valid() -> None:
    result = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MENTORGRAPH_JWT_SECRET": secrets.token_urlsafe(32)},
    )
    assert result.returncode == 0, result.stderr


def test_token_prints_a_bearer_token_for_the_key_and_role(api_settings: ApiSettings) -> None:
    result = _run("token", "ann", "--role", "admin")
    assert result.returncode == 0, result.stderr
    viewer = session_from_token(api_settings.jwt_secret, result.stdout.strip()).viewer
    assert (viewer.key, viewer.role) == ("ann", "admin")
    assert _run("token", "ann", "--role", "king").returncode == 1


def test_token_signs_with_the_secret_dev_mode_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jwt-secret"
    result = _run("token", "ann", MENTORGRAPH_JWT_SECRET="", MENTORGRAPH_DEV_SECRET_FILE=str(path))
    assert result.returncode == 0, result.stderr
    monkeypatch.delenv("MENTORGRAPH_JWT_SECRET")
    monkeypatch.setenv("MENTORGRAPH_DEV_MODE", "true")
    monkeypatch.setenv("MENTORGRAPH_DEV_SECRET_FILE", str(path))
    served = ApiSettings.from_env()
    assert session_from_token(served.jwt_secret, result.stdout.strip()).viewer.key == "ann"
