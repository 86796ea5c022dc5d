"""GraphQL Code Generator types the operations of tools/clients/typed/ from schema.graphql;
`tsc --strict` accepts the small client written against them (and its @ts-expect-error
lines prove the types are narrow). Everything generated goes to a temp dir."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.clients.node import CLIENTS, ROOT, tool

TYPED = CLIENTS / "typed"


def test_generated_types_check_a_typed_client_under_strict(tmp_path: Path) -> None:
    codegen = {
        "schema": str(ROOT / "schema.graphql"),
        "documents": str(TYPED / "operations.graphql"),
        "generates": {
            str(tmp_path / "types.ts"): {
                "plugins": ["typescript-operations"],
                "config": {
                    "strictScalars": True,
                    "scalars": {"Date": "string", "DateTime": "string", "JSON": "unknown"},
                },
            }
        },
    }
    (tmp_path / "codegen.json").write_text(json.dumps(codegen))
    tool("graphql-codegen", "--config", str(tmp_path / "codegen.json"))
    assert "export type MentorMatchesQuery" in (tmp_path / "types.ts").read_text()

    shutil.copy(TYPED / "client.ts", tmp_path)
    options = {
        "strict": True,
        "noEmit": True,
        "target": "es2022",
        "module": "preserve",
        "moduleResolution": "bundler",
        "lib": ["es2022", "dom"],
        "types": [],
    }
    tsconfig = {"compilerOptions": options, "files": ["client.ts", "types.ts"]}
    (tmp_path / "tsconfig.json").write_text(json.dumps(tsconfig))
    tool("tsc", "-p", str(tmp_path / "tsconfig.json"))
