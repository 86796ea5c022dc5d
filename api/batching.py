"""Batches: several operations in one POST, as a JSON array (off unless configured).

`MENTORGRAPH_MAX_BATCH` (0: off) bounds how many operations one batch holds. A batch
answers a JSON array, one result per operation in the order sent. What is refused
before any operation runs answers 400 `BAD_REQUEST`: a batch while batching is off,
an empty one, one over the bound, or an entry that is not an operation (an object
whose `query` and `operationName` are strings and `variables` and `extensions`
objects, where given).

The operations run one after the other, each as a request of its own would: its
own session check, deadline and transactions, so a batch is not atomic (one that
fails leaves what the operations before it wrote). The limits hold over the whole
batch: the operations' costs add up against `MENTORGRAPH_MAX_QUERY_COST`
(`api.limits.CostBudget`), and every mutation in it counts against the viewer's rate.
"""

from __future__ import annotations

from cross_web import HTTPException

_FIELD_TYPES: dict[str, tuple[type, str]] = {
    "query": (str, "a string"),
    "operationName": (str, "a string"),
    "variables": (dict, "an object"),
    "extensions": (dict, "an object"),
}


def check_batch(batch: list[object], *, max_operations: int) -> None:
    """Refuses the batch whole (400) unless every entry of it may run."""
    if max_operations <= 0:
        raise HTTPException(400, "Batching is off: send one operation, as a JSON object.")
    if not batch:
        raise HTTPException(400, "A batch holds at least one operation.")
    if len(batch) > max_operations:
        raise HTTPException(
            400, f"A batch holds at most {max_operations} operations; this one has {len(batch)}."
        )
    for index, operation in enumerate(batch):
        problem = _problem(operation)
        if problem:
            raise HTTPException(400, f"Operation {index} of the batch: {problem}.")


def _problem(operation: object) -> str | None:
    if not isinstance(operation, dict):
        return "an operation is a JSON object"
    for name, (kind, spelled) in _FIELD_TYPES.items():
        value = operation.get(name)
        if value is not None and not isinstance(value, kind):
            return f"`{name}` must be {spelled}"
    return None
