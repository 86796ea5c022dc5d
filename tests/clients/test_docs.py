"""Every code snippet of docs/clients.md is a region of a client script that the suite
runs, marked `// docs:start NAME` ... `// docs:end` there, so the docs cannot rot."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from tests.clients.node import CLIENTS, ROOT

DOCS = ROOT / "docs" / "clients.md"
SNIPPET = re.compile(r"<!-- from (?P<path>\S+)#(?P<name>\S+) -->\n```js\n(?P<code>.*?)```\n", re.S)
REGION = re.compile(
    r"^[ \t]*// docs:start (?P<name>\S+)\n(?P<code>.*?)^[ \t]*// docs:end\n", re.S | re.M
)


def regions(path: Path) -> dict[str, str]:
    """The marked regions of a script, by name, dedented."""
    text = path.read_text(encoding="utf-8")
    return {m["name"]: textwrap.dedent(m["code"]) for m in REGION.finditer(text)}


def test_every_snippet_is_its_region_and_every_region_is_shown() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    snippets = list(SNIPPET.finditer(docs))
    assert len(snippets) == docs.count("```") // 2, "a code block without its source"
    shown = {(s["path"], s["name"]): s["code"] for s in snippets}
    marked = {
        (str(path.relative_to(ROOT)), name): code
        for path in sorted(CLIENTS.rglob("*"))
        if path.suffix in (".mjs", ".js")
        for name, code in regions(path).items()
    }
    assert shown == marked
