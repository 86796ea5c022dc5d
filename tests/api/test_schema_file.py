from __future__ import annotations

from pathlib import Path

from api.schema import schema_sdl

ROOT = Path(__file__).resolve().parents[2]


def test_schema_graphql_is_up_to_date() -> None:
    committed = (ROOT / "schema.graphql").read_text()
    assert committed == schema_sdl(), "run `mentorgraph export-schema` and commit schema.graphql"
