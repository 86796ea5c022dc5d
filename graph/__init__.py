"""The graph layer. Imported before any of its modules, so its one job comes first: the
Neo4j driver imports pandas whenever it is installed (OR-Tools requires it) to accept
pandas parameters, which no code here passes, and pandas costs a second or more of every
process's start. The driver is imported with pandas hidden; pandas stays importable."""

import sys

_hide_pandas = "pandas" not in sys.modules
if _hide_pandas:
    sys.modules["pandas"] = None  # type: ignore[assignment]  # None reads as "not installed"
try:
    import neo4j  # noqa: F401
finally:
    if _hide_pandas:
        del sys.modules["pandas"]
