"""The synthetic social graph: community-based preferential attachment with triad closure.

People join in order, community by community (sequential blocks of ids with
heavy-tailed sizes). A newcomer connects to

- about `inside` members of their own community by the Holme-Kim model: the
  first by preferential attachment (chance proportional to degree inside the
  community), each following one, with probability `closure`, to a random
  friend of the previous target (a triangle), else again by attachment;
- about `across` people of earlier communities, by preferential attachment on
  the degree across communities (each person also counts once, so a newcomer
  can be found).

Attachment gives the heavy-tailed degree distribution (Barabasi-Albert), triad
closure and communities give clustering far above a random graph of the same
density (figures in `docs/data.md`). Memory: one community's adjacency, and
one int per person plus two per edge across communities (`array`, 4 bytes).
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class SocialModel:
    inside: float = 16.0
    """Median connections a newcomer makes inside their community."""
    across: float = 4.0
    """Median connections a newcomer makes to earlier communities."""
    spread: float = 0.9
    """Sigma of the log-normal spread of how many connections people make."""
    closure: float = 0.75
    min_community: int = 30
    max_community: int = 3000
    community_scale: float = 40.0
    community_shape: float = 1.6
    """Pareto shape of community sizes (smaller: heavier tail)."""


def community_sizes(rng: random.Random, people: int, model: SocialModel) -> Iterator[int]:
    """Heavy-tailed community sizes that add up to `people`."""
    left = people
    while left > 0:
        size = int(model.community_scale * rng.paretovariate(model.community_shape))
        size = max(model.min_community, min(model.max_community, size))
        if left - size < model.min_community:
            size = left
        yield size
        left -= size


class Community:
    """One community being grown: its members' friends inside it, and attachment weights."""

    def __init__(self, first: int, rng: random.Random, model: SocialModel) -> None:
        self.first = first
        self.members: list[list[int]] = []
        self.ends: list[int] = []  # each member once per inside edge end (attachment)
        self._rng = rng
        self._model = model

    def join(self) -> list[int]:
        """Add the next member; return the ids (earlier members) they connect to."""
        rng, model = self._rng, self._model
        me = len(self.members)
        wanted = min(me, max(1, int(model.inside * rng.lognormvariate(0, model.spread))))
        chosen: list[int] = []
        taken: set[int] = set()
        last = -1
        while len(chosen) < wanted:
            friends = self.members[last] if last >= 0 else []
            if friends and rng.random() < model.closure:
                target = friends[rng.randrange(len(friends))]
            elif self.ends and rng.random() < 0.9:
                target = self.ends[rng.randrange(len(self.ends))]
            else:
                target = rng.randrange(me)
            if target in taken:
                last = -1 if target == last else target
                if len(taken) >= me:
                    break
                continue
            taken.add(target)
            chosen.append(target)
            last = target
        self.members.append(chosen.copy())
        for target in chosen:
            self.members[target].append(me)
            self.ends.append(target)
            self.ends.append(me)
        return [self.first + target for target in chosen]


class Crowd:
    """Attachment across communities: one entry per person, two per edge across."""

    def __init__(self, rng: random.Random, model: SocialModel) -> None:
        self.ends = array("i")
        self._rng = rng
        self._model = model

    def join(self, person: int, community_first: int) -> list[int]:
        """Connect `person` to people of earlier communities (ids below `community_first`)."""
        rng = self._rng
        chosen: list[int] = []
        if community_first > 0:
            spread = rng.lognormvariate(0, self._model.spread)
            wanted = min(community_first, int(self._model.across * spread + rng.random()))
            limit = 0
            while len(chosen) < wanted and limit < wanted * 20:
                limit += 1
                target = self.ends[rng.randrange(len(self.ends))]
                if target < community_first and target not in chosen:
                    chosen.append(target)
        self.ends.append(person)
        for target in chosen:
            self.ends.append(target)
            self.ends.append(person)
        return chosen
