"""Programme templates: the guided steps and suggested length of each kind of programme.

Data, not Cypher: a programme stores its template's name, and a mentorship in it gets
the template's steps, each due `week` weeks after the mentorship starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TemplateName = Literal["CAREER", "SKILLS", "SUPPORT"]


@dataclass(frozen=True)
class Step:
    title: str
    week: int
    """Weeks after the mentorship's start when the step falls due."""


@dataclass(frozen=True)
class Template:
    name: TemplateName
    weeks: int
    """The suggested length of the programme, in weeks."""
    steps: tuple[Step, ...]
    sensitive: bool = False
    """Its membership says something personal: only members may see the programme."""


TEMPLATES: dict[TemplateName, Template] = {
    "CAREER": Template(
        "CAREER",
        12,
        (
            Step("Introductions and what you each hope for", 0),
            Step("Map the career goal and the gap to it", 2),
            Step("Review a CV or portfolio together", 5),
            Step("Practise an interview or a hard conversation", 8),
            Step("Plan the next year", 11),
        ),
    ),
    "SKILLS": Template(
        "SKILLS",
        8,
        (
            Step("Agree on the skills and how to practise them", 0),
            Step("First practice project", 2),
            Step("Review the project together", 4),
            Step("Second practice project", 6),
            Step("Show what was learnt", 8),
        ),
    ),
    "SUPPORT": Template(
        "SUPPORT",
        6,
        (
            Step("Get to know each other; agree on how to talk", 0),
            Step("Talk through what weighs most", 1),
            Step("Find one small step forward", 3),
            Step("Look back and plan what comes after", 6),
        ),
        sensitive=True,
    ),
}
