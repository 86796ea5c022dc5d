"""The GraphiQL page: this package's assets only, no inline script, sent with a strict
Content-Security-Policy (docs/security.md says why each directive is what it is)."""

from __future__ import annotations

import functools
import secrets
from pathlib import Path
from string import Template

from starlette.responses import HTMLResponse

from api.graphiql.assets import MOUNT, vendored_files


def content_security_policy(nonce: str) -> str:
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self'",
            # GraphiQL's dialogs add a <style> element (react-remove-scroll); with the
            # nonce, that one and no other inline style (start.js hands it over).
            f"style-src 'self' 'nonce-{nonce}'",
            # GraphiQL's stylesheet carries its icons and fonts as data: URLs.
            "img-src 'self' data:",
            "font-src 'self' data:",
            # In CSP 3, 'self' also allows ws: and wss: to this same host: subscriptions.
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        )
    )


_TEMPLATE = Path(__file__).resolve().parent / "page.html"


@functools.cache
def _head() -> str:
    # Relative URLs: the page is /graphql, its assets /graphiql/…, under any root path.
    base = MOUNT.lstrip("/")
    files = [f"vendor/{path}" for path in vendored_files()] + ["page.css", "start.js"]
    styles = [f'<link rel="stylesheet" href="{base}/{f}">' for f in files if f.endswith(".css")]
    scripts = [f'<script src="{base}/{f}" defer></script>' for f in files if f.endswith(".js")]
    return "\n    ".join(styles + scripts)


def page_response() -> HTMLResponse:
    nonce = secrets.token_urlsafe(16)
    page = Template(_TEMPLATE.read_text()).substitute(head=_head(), nonce=nonce)
    headers = {
        "Content-Security-Policy": content_security_policy(nonce),
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
    }
    return HTMLResponse(page, headers=headers)
