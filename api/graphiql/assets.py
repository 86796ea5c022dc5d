"""The GraphiQL page's static files, served from the package.

`static/vendor/` holds the vendored packages (`tools/vendor-graphiql.mjs` writes them and
`manifest.json`); their paths carry their versions, so browsers may keep them for a
year. The page's own files change with this code and are revalidated instead.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import Scope

STATIC = Path(__file__).resolve().parent / "static"
MANIFEST = STATIC / "vendor" / "manifest.json"
MOUNT = "/graphiql"

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Stated rather than guessed from the host's /etc/mime.types; browsers check them (nosniff).
MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".json": "application/json"}


def vendored_files() -> list[str]:
    """The paths under `static/vendor/` that the page loads, in the order it loads them."""
    manifest = json.loads(MANIFEST.read_text())
    return [file["path"] for package in manifest for file in package["files"]]


class Assets(StaticFiles):
    """`static/`, with cache headers by kind and content types stated."""

    def __init__(self) -> None:
        super().__init__(directory=STATIC)

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        path = Path(full_path)
        vendored = path.is_relative_to(STATIC / "vendor")
        headers = {
            "Cache-Control": IMMUTABLE if vendored else REVALIDATE,
            "X-Content-Type-Options": "nosniff",
        }
        media_type = MEDIA_TYPES.get(path.suffix, "text/plain")
        response = FileResponse(path, status_code, headers, media_type, stat_result=stat_result)
        if self.is_not_modified(response.headers, Headers(scope=scope)):
            return NotModifiedResponse(response.headers)
        return response
