"""What a screen reads with its people: the nested parts, in the statement that finds them.

A client's screen asks for a page of people and, of each, skills, learning goals,
employment and a page of connections with their own skills, goals and employment. Read
level by level that is a round trip per level; `api.lookahead` reads the selection set
into a `Screen` instead, and the statements that start screens (people/get_people,
people/search_people, connections/connections_of_people) return the nested parts it
names in the same round trip (rules/profile, rules/connections_page). The parts are
parameters of fixed statements: no Cypher is built per request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.pages import Window


@dataclass(frozen=True)
class Parts:
    """The nested parts read with each person (rules/profile's `parts`)."""

    skills: bool = False
    learning_goals: bool = False
    employment: bool = False

    def param(self) -> dict[str, bool]:
        return {
            "skills": self.skills,
            "learningGoals": self.learning_goals,
            "employment": self.employment,
        }


NO_PARTS = Parts()


def page_param(window: Window[str]) -> dict[str, Any]:
    """A keyset page of connections, as rules/connections_page reads it."""
    return {"backward": window.backward, "cursor": window.cursor, "limit": window.limit}


@dataclass(frozen=True)
class Screen:
    """What a screen shows of each person it lists: the `$screen` parameter."""

    parts: Parts = NO_PARTS
    connections: Window[str] | None = None
    """The page of each person's connections to read with them; None: none."""
    connection_parts: Parts = NO_PARTS
    """The nested parts of each of those connections."""

    def param(self) -> dict[str, Any]:
        return {
            "parts": self.parts.param(),
            "connections": None if self.connections is None else page_param(self.connections),
            "connectionParts": self.connection_parts.param(),
        }


PLAIN = Screen()
"""The people alone, nothing nested."""
