"""`Query.node(id:)`: each Node type found again by its key, as its own lookup finds it.

One lookup per type, each with the visibility rule of the type's own fields: an
object the viewer may not see answers NOT_FOUND exactly as a key that is nobody's
(`tests/api/test_existence_oracle.py` walks every type listed here).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from api.context import Info
from api.employers.types import Employer
from api.mentorships.types import MentorshipRequest
from api.node import Node, parse_global_id
from api.people.types import Person
from api.skills.types import Skill
from graph.employers import get_employers
from graph.errors import NotFound
from graph.mentorships import get_requests
from graph.people import get_person
from graph.skills import get_skills


async def _person(info: Info, key: str) -> Node | None:
    try:
        return Person.from_record(await get_person(info.context.database, key, info.context.viewer))
    except NotFound:
        return None


async def _skill(info: Info, key: str) -> Node | None:
    (skill,) = await get_skills(info.context.database, [key])
    return Skill.from_record(skill) if skill else None


async def _employer(info: Info, key: str) -> Node | None:
    (employer,) = await get_employers(info.context.database, [key])
    return Employer.from_record(employer) if employer else None


async def _mentorship_request(info: Info, key: str) -> Node | None:
    """Its mentee's and its mentor's, as their `mentorshipRequests` (and admins')."""
    (request,) = await get_requests(info.context.database, [key])
    viewer = info.context.viewer
    if request is None or not (viewer.is_admin or viewer.key in (request.mentee, request.mentor)):
        return None
    return MentorshipRequest.from_record(request)


LOOKUPS: dict[str, Callable[[Info, str], Awaitable[Node | None]]] = {
    "Person": _person,
    "Skill": _skill,
    "Employer": _employer,
    "MentorshipRequest": _mentorship_request,
}
"""Every type that implements `Node`, by name (a test holds this to the schema)."""


async def find_node(info: Info, id: str) -> Node:
    type_name, key = parse_global_id(id)
    lookup = LOOKUPS.get(type_name)
    found = await lookup(info, key) if lookup else None
    if found is None:
        raise NotFound(f"no object with ID {id!r}")
    return found
