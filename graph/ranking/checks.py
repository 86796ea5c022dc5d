"""Checks on the ranking's arguments, made before any statement runs."""

from __future__ import annotations

import math

from graph.errors import BadInput
from graph.ranking.types import Filters, Weights


def check_cap(cap: int) -> None:
    if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
        raise BadInput("the hub degree cap must be a positive integer", field="hubDegreeCap")


def check_nonnegative(values: object, field: str) -> None:
    for name, value in vars(values).items():
        if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
            raise BadInput(f"{name} must be a finite number >= 0", field=f"{field}.{name}")


def check_weights(weights: Weights) -> None:
    check_nonnegative(weights, "weights")
    if weights.skill_decay > 1:
        raise BadInput("skill_decay must be at most 1", field="weights.skill_decay")


def check_filters(filters: Filters) -> None:
    if filters.skills is not None and (
        not filters.skills or not all(isinstance(k, str) and k for k in filters.skills)
    ):
        raise BadInput("skills must name at least one skill key", field="filters.skills")
    if not math.isfinite(filters.min_score):
        raise BadInput("min_score must be a finite number", field="filters.min_score")
