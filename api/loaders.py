"""DataLoaders, fresh for every request: one Cypher round trip per batch."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeAlias, TypeVar

from strawberry.dataloader import DataLoader

from graph.connections import ConnectionsPage, connections_of_people, mutual_connections
from graph.database import Database
from graph.employers import Employment, employment_of_people
from graph.mentorships import mentorships_of_people, partners_of_people
from graph.people import Person, Profile, get_people
from graph.programmes.progress import GuidedStep, steps_of_pairings
from graph.screens import Screen
from graph.skills import (
    LearningGoal,
    PersonSkill,
    goals_of_people,
    skills_of_people,
)
from graph.viewer import Viewer

K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")

Soon: TypeAlias = R | Awaitable[R]
"""A resolver's answer: the value itself, or, when it is not there yet, an awaitable."""


def soon(pending: Awaitable[V], then: Callable[[V], R]) -> Soon[R]:
    """`then` of a load: at once when the loader already holds the value (a screen's
    statement primed it, `api.lookahead`), else once it arrives.

    graphql-core awaits only the answers that are awaitable; a resolver that returns this
    costs no coroutine, no task and no trip round the event loop for the nested parts a
    screen read with its people, which are most fields of a screen.
    """
    if isinstance(pending, asyncio.Future) and pending.done():
        return then(pending.result())

    async def later() -> R:
        return then(await pending)

    return later()


def _loader(fetch: Callable[[Sequence[K]], Awaitable[list[V]]]) -> DataLoader[K, V]:
    async def load(keys: list[K]) -> list[V]:
        return await fetch(keys)

    return DataLoader(load_fn=load)


@dataclass
class Loaders:
    person: DataLoader[str, Person | None]
    skills: DataLoader[str, list[PersonSkill]]
    learning_goals: DataLoader[str, list[LearningGoal]]
    employment: DataLoader[str, list[Employment]]
    connections: DataLoader[ConnectionsPage, list[Profile]]
    mutual_connections: DataLoader[tuple[str, str], list[Person]]
    mentors: DataLoader[str, list[Person]]
    mentees: DataLoader[str, list[Person]]
    partners: DataLoader[str, frozenset[str]]
    programme_steps: DataLoader[str, list[GuidedStep]]

    @classmethod
    def create(cls, database: Database, viewer: Viewer) -> Loaders:
        return cls(
            person=_loader(partial(get_people, database, viewer=viewer)),
            skills=_loader(partial(skills_of_people, database)),
            learning_goals=_loader(partial(goals_of_people, database)),
            employment=_loader(partial(employment_of_people, database)),
            connections=_loader(partial(connections_of_people, database, viewer=viewer)),
            mutual_connections=_loader(partial(mutual_connections, database, viewer=viewer)),
            mentors=_loader(
                partial(mentorships_of_people, database, as_mentor=False, viewer=viewer)
            ),
            mentees=_loader(
                partial(mentorships_of_people, database, as_mentor=True, viewer=viewer)
            ),
            partners=_loader(partial(partners_of_people, database)),
            programme_steps=_loader(partial(steps_of_pairings, database)),
        )

    def prime(self, profiles: Iterable[Profile], screen: Screen) -> None:
        """Hand the nested resolvers what a screen's statement read with its people
        (`api.lookahead`): each part it read, under the key its resolver will load."""
        for profile in profiles:
            key = profile.person.key
            if profile.skills is not None:
                self.skills.prime(key, profile.skills)
            if profile.learning_goals is not None:
                self.learning_goals.prime(key, profile.learning_goals)
            if profile.employment is not None:
                self.employment.prime(key, profile.employment)
            if profile.connections is not None and screen.connections is not None:
                page = ConnectionsPage(key, screen.connections, screen.connection_parts)
                self.connections.prime(page, profile.connections)
                self.prime(profile.connections, Screen(screen.connection_parts))
