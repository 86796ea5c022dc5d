"""`Date` and `DateTime` as Strawberry defines them, with the specification they follow.

`@specifiedBy` tells clients and code generators the exact format. What the API
writes is RFC 3339's: a `Date` is `full-date` (`2024-05-01`), a `DateTime` a
`date-time` with its offset (`2024-05-01T09:30:00+00:00`). Strawberry reads
ISO 8601 input, of which RFC 3339 is a profile.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from strawberry.schema.types.base_scalars import DateDefinition, DateTimeDefinition
from strawberry.types.scalar import ScalarDefinition

_RFC_3339 = "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"

SCALARS: dict[object, ScalarDefinition] = {
    dt.date: dataclasses.replace(
        DateDefinition,
        description="A calendar date, RFC 3339 `full-date`: `2024-05-01`.",
        specified_by_url=_RFC_3339,
    ),
    dt.datetime: dataclasses.replace(
        DateTimeDefinition,
        description="An instant, RFC 3339 `date-time` with its offset: "
        "`2024-05-01T09:30:00+00:00`.",
        specified_by_url=_RFC_3339,
    ),
}
