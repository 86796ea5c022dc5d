"""A steady mixed write load over GraphQL, each write paired with the page read that shows it.

The freshness and soak benchmarks share it. A *scenario* is one mentee, one mentor and a
cycle of mutations by signed-in people that moves that mentor on the mentee's
`mentorMatches(first: 10)` page and back; each step names how the page *reflects* it:

(m the mentor, e the mentee; "back" means back with the score it had before the cycle):

- block: e `blockPerson(m)`, m absent; e `unblockPerson(m)`, m back.
- request: e `requestMentorship(m)`, m absent; e `withdrawMentorshipRequest`, m back.
- opt: m `setMentorPreferences(openToMentor: false)`, m absent; the same capacity open
  again, m back.
- skill: m `removeSkill(s)`, s m's one skill path to e's wishes: m's score lower or m
  absent; m `addSkill(s)` at the same level and years, m back.
- connection: e `removeConnection(c)`, c a mutual connection through whom m scores: m's
  score lower or m absent; e `requestConnection(c)`, then c accepts: m back.
- goals: e `setLearningGoals([])`, m scoring on skills: m's score lower or m absent; e's
  goals again in their order, m back.
- newMentor: m, who has the one skill a fresh e wants, opts in: m present, and a
  `mentorMatchAdded` event for e.
- newSkill: m, open, adds the one skill a fresh e wants: m present, and the event.

The first six families come from the loaded graph (`choose`), each person in one scenario
only; the two that make matches come from pairs written for the run (`seed_pairs`), one
shot each, since a pair's event is sent once ever. "Back with its score" is the score the
page had before the cycle began (to 1e-6): the page was computed again, not only filtered.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from api.auth import issue_token
from graph.database import Database
from tests.builders import build, mentor, person, skill

Row = dict[str, Any]
Page = dict[str, float]
"""A mentee's first page: mentor key → score."""
Reflects = Callable[[Page], bool]

PAGE = """query($key: String!) { person(key: $key) { mentorMatches(first: 10) {
  edges { node { score mentor { key } } } } } }"""
PAGE_EVIDENCE = """query($key: String!) { person(key: $key) {
  learningGoals { skill { key } }
  mentorMatches(first: 10) { edges { node { score mentor { key mentorCapacity }
    signals { name value } mutualConnections { key }
    skillPaths { skills { key } mentorLevel } } } } } }"""
SKILLS = "query($key: String!) { person(key: $key) { skills { skill { key } level years } } }"
BLOCK = "mutation($p: String!) { blockPerson(input: {person: $p}) { __typename } }"
UNBLOCK = "mutation($p: String!) { unblockPerson(input: {person: $p}) { __typename } }"
REQUEST = "mutation($p: String!) { requestMentorship(input: {mentor: $p}) { request { key } } }"
WITHDRAW = """mutation($r: String!) {
  withdrawMentorshipRequest(input: {request: $r}) { __typename } }"""
PREFERENCES = """mutation($open: Boolean!, $capacity: Int!) {
  setMentorPreferences(input: {openToMentor: $open, capacity: $capacity}) { __typename } }"""
REMOVE_SKILL = "mutation($s: String!) { removeSkill(input: {skill: $s}) { __typename } }"
ADD_SKILL = """mutation($s: String!, $level: Int!, $years: Int!) {
  addSkill(input: {skill: $s, level: $level, years: $years}) { __typename } }"""
DISCONNECT = "mutation($p: String!) { removeConnection(input: {person: $p}) { __typename } }"
CONNECT = "mutation($p: String!) { requestConnection(input: {person: $p}) { __typename } }"
ACCEPT = """mutation($p: String!) {
  respondToConnectionRequest(input: {person: $p, accept: true}) { __typename } }"""
GOALS = "mutation($s: [String!]!) { setLearningGoals(input: {skills: $s}) { __typename } }"

FAMILIES = ("block", "request", "opt", "skill", "connection", "goals", "newMentor", "newSkill")


@dataclass(frozen=True)
class Step:
    kind: str
    """The mutation's name."""
    actor: str
    document: str
    variables: Row
    mentee: str
    reflects: Reflects | None
    """None: a step on the way (the connection request before its acceptance)."""
    event: str | None = None
    """The mentor of the `mentorMatchAdded` event this step makes for `mentee`."""


Cycle = Generator[Step, Row, None]
"""Steps of one scenario; `send` it the mutation's data to get the next step."""


@dataclass
class Scenario:
    family: str
    mentee: str
    """Whose page (and events) the steps watch."""
    people: frozenset[str]
    cycle: Cycle
    busy: bool = False
    done: bool = False
    current: Step | None = None

    def next_step(self) -> Step:
        """The step to send now."""
        if self.current is None:
            self.current = next(self.cycle)
        return self.current

    def answered(self, data: Row) -> None:
        """The current step's mutation answered `data`: move to the next step."""
        try:
            self.current = self.cycle.send(data)
        except StopIteration:
            self.current = None
            self.done = True


def absent(m: str) -> Reflects:
    return lambda page: m not in page


def restored(m: str, score: float) -> Reflects:
    return lambda page: m in page and abs(page[m] - score) <= 1e-6 * max(1.0, score)


def lowered(m: str, score: float) -> Reflects:
    return lambda page: m not in page or page[m] < score - 1e-9


def present(m: str) -> Reflects:
    return lambda page: m in page


class Api:
    """GraphQL over HTTP as any signed-in person (tokens signed with the servers' secret)."""

    def __init__(self, http: httpx.AsyncClient, url: str, secret: str) -> None:
        self.http = http
        self.url = url
        self.secret = secret
        self._tokens: dict[str, str] = {}

    async def ask(self, who: str, document: str, variables: Row) -> Row:
        """The response's data; a GraphQL error or an HTTP status other than 200 raises."""
        token = self._tokens.setdefault(who, issue_token(self.secret, who, hours=12))
        response = await self.http.post(
            self.url,
            json={"query": document, "variables": variables},
            headers={"Authorization": f"Bearer {token}"},
        )
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise RuntimeError(f"{who}: {body.get('errors') or response.status_code}")
        data: Row = body["data"]
        return data

    async def page(self, mentee: str) -> Page:
        data = await self.ask(mentee, PAGE, {"key": mentee})
        edges = data["person"]["mentorMatches"]["edges"]
        return {e["node"]["mentor"]["key"]: float(e["node"]["score"]) for e in edges}


def _block(e: str, m: str, score: float) -> Cycle:
    while True:
        yield Step("blockPerson", e, BLOCK, {"p": m}, e, absent(m))
        yield Step("unblockPerson", e, UNBLOCK, {"p": m}, e, restored(m, score))


def _request(e: str, m: str, score: float) -> Cycle:
    while True:
        data = yield Step("requestMentorship", e, REQUEST, {"p": m}, e, absent(m))
        key = data["requestMentorship"]["request"]["key"]
        yield Step("withdrawMentorshipRequest", e, WITHDRAW, {"r": key}, e, restored(m, score))


def _opt(e: str, m: str, score: float, capacity: int) -> Cycle:
    off, on = {"open": False, "capacity": capacity}, {"open": True, "capacity": capacity}
    while True:
        yield Step("setMentorPreferences", m, PREFERENCES, off, e, absent(m))
        yield Step("setMentorPreferences", m, PREFERENCES, on, e, restored(m, score))


def _skill(e: str, m: str, score: float, held: Row) -> Cycle:
    s = {"s": held["skill"]["key"]}
    again = {**s, "level": held["level"], "years": held["years"]}
    while True:
        yield Step("removeSkill", m, REMOVE_SKILL, s, e, lowered(m, score))
        yield Step("addSkill", m, ADD_SKILL, again, e, restored(m, score))


def _connection(e: str, m: str, score: float, c: str) -> Cycle:
    while True:
        yield Step("removeConnection", e, DISCONNECT, {"p": c}, e, lowered(m, score))
        yield Step("requestConnection", e, CONNECT, {"p": c}, e, None)
        yield Step("respondToConnectionRequest", c, ACCEPT, {"p": e}, e, restored(m, score))


def _goals(e: str, m: str, score: float, goals: list[str]) -> Cycle:
    while True:
        yield Step("setLearningGoals", e, GOALS, {"s": []}, e, lowered(m, score))
        yield Step("setLearningGoals", e, GOALS, {"s": goals}, e, restored(m, score))


def _once(step: Step) -> Cycle:
    yield step


def _started(family: str, people: Sequence[str], cycle: Cycle) -> Scenario:
    """A scenario of `people`, the first of them its mentee."""
    return Scenario(family, people[0], frozenset(people), cycle)


async def choose(api: Api, mentees: Sequence[str], per_family: int) -> list[Scenario]:
    """Up to `per_family` scenarios of each graph family, from the pages of `mentees` (read in
    order), no person in two scenarios."""
    taken: set[str] = set()
    found: dict[str, list[Scenario]] = {name: [] for name in FAMILIES[:6]}
    for e in mentees:
        if all(len(v) >= per_family for v in found.values()):
            break
        try:
            data = (await api.ask(e, PAGE_EVIDENCE, {"key": e}))["person"]
        except RuntimeError:  # timed out on a loaded machine: the next mentee will do
            continue
        goals = [g["skill"]["key"] for g in data["learningGoals"]]
        for edge in data["mentorMatches"]["edges"]:
            scenario = await _scenario(api, e, edge["node"], goals, found, per_family)
            if scenario is not None and not scenario.people & taken and e not in taken:
                found[scenario.family].append(scenario)
                taken |= scenario.people
                break
    return [scenario for family in found.values() for scenario in family]


async def _scenario(
    api: Api, e: str, row: Row, goals: list[str], found: dict[str, list[Scenario]], limit: int
) -> Scenario | None:
    """The scenario of the family most in need that this (mentee, page row) can make."""
    m, score = row["mentor"]["key"], float(row["score"])
    skills = next((s["value"] for s in row["signals"] if s["name"] == "skills"), 0.0)
    wanted = sorted(found, key=lambda family: len(found[family]))
    for family in wanted:
        if len(found[family]) >= limit:
            continue
        if family == "block":
            return _started(family, (e, m), _block(e, m, score))
        if family == "request":
            return _started(family, (e, m), _request(e, m, score))
        if family == "opt":
            return _started(family, (e, m), _opt(e, m, score, row["mentor"]["mentorCapacity"]))
        if family == "skill" and len(row["skillPaths"]) == 1:
            first = row["skillPaths"][0]["skills"][0]["key"]
            held = (await api.ask(m, SKILLS, {"key": m}))["person"]["skills"]
            mine = next((h for h in held if h["skill"]["key"] == first), None)
            if mine is not None:
                return _started(family, (e, m), _skill(e, m, score, mine))
        if family == "connection" and row["mutualConnections"]:
            c = row["mutualConnections"][0]["key"]
            return _started(family, (e, m, c), _connection(e, m, score, c))
        if family == "goals" and skills > 0 and goals:
            return _started(family, (e, m), _goals(e, m, score, goals))
    return None


async def seed_pairs(database: Database, count: int) -> list[Scenario]:
    """`count` one-shot scenarios, half newMentor and half newSkill, written now with keys of
    their own (a new run never reuses a pair that already had its event)."""
    run = secrets.token_hex(3)
    people, skills, has, wants, scenarios = [], [], [], [], []
    for i in range(count):
        e, m, k = f"fz{run}-e{i}", f"fz{run}-m{i}", f"fz{run}-k{i}"
        skills.append(skill(k))
        people.append(person(e, seekingMentor=True))
        wants.append({"person": e, "skill": k, "priority": 1})
        if i % 2 == 0:
            people.append(person(m, mentorCapacity=3))
            has.append({"person": m, "skill": k, "level": 5, "years": 3})
            on = {"open": True, "capacity": 3}
            step = Step("setMentorPreferences", m, PREFERENCES, on, e, present(m), m)
            scenarios.append(_started("newMentor", (e, m), _once(step)))
        else:
            people.append(mentor(m, capacity=3))
            again = {"s": k, "level": 5, "years": 3}
            step = Step("addSkill", m, ADD_SKILL, again, e, present(m), m)
            scenarios.append(_started("newSkill", (e, m), _once(step)))
    await build(database, skills=skills, people=people, has_skill=has, wants_to_learn=wants)
    return scenarios


def shuffled(keys: Sequence[str], seed: int) -> list[str]:
    ordered = list(keys)
    random.Random(seed).shuffle(ordered)
    return ordered
