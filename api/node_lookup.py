"""`Query.node(id:)`: each Node type found again by its key, as its own lookup finds it.

One lookup per type, each with the visibility rule of the type's own fields: an
object the viewer may not see answers NOT_FOUND exactly as a key that is nobody's
(`tests/api/test_existence_oracle.py` walks every type listed here).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from api.context import Info
from api.employers.types import Employer
from api.lookahead import person_screen
from api.matches.event_types import MentorMatchEvent
from api.matches.types import ConnectionSuggestion, MentorMatch
from api.mentorships.types import MentorshipRequest
from api.node import Node, parse_global_id, read_pair_key
from api.people.types import Person
from api.programmes.assignment_types import CohortDraft
from api.programmes.types import Programme, ProgrammeMentorship
from api.safety.types import Report
from api.skills.types import Skill
from graph.database import Database
from graph.employers import get_employers
from graph.errors import Forbidden, NotFound
from graph.events.store import get_match_event
from graph.mentorships import get_requests
from graph.people import get_profile
from graph.programmes.drafts import get_draft
from graph.programmes.pairings import get_pairings
from graph.programmes.programmes import get_programmes
from graph.ranking.matches import mentor_match
from graph.ranking.suggestions import suggested_connection
from graph.safety import get_report
from graph.skills import get_skills
from graph.viewer import Viewer

R = TypeVar("R")


async def _person(info: Info, key: str) -> Node | None:
    ctx, screen = info.context, person_screen(info)
    try:
        profile = await get_profile(ctx.database, key, ctx.viewer, screen)
    except NotFound:
        return None
    ctx.loaders.prime([profile], screen)
    return Person.from_record(profile.person)


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


async def _report(info: Info, key: str) -> Node | None:
    """Admins' only, as `reports`: for anyone else, no report is anybody's."""
    if not info.context.viewer.is_admin:
        return None
    report = await get_report(info.context.database, key)
    return Report.from_record(report) if report else None


async def _programme(info: Info, key: str) -> Node | None:
    """As `programme(key:)`: programme_visible_to, a hidden one as none."""
    (found,) = await get_programmes(info.context.database, [key], info.context.viewer)
    return Programme.from_record(found) if found else None


async def _cohort_draft(info: Info, key: str) -> Node | None:
    """As `cohortDraft(key:)`: its programme's admins'; for anyone else, none (a member
    who may see the programme is refused there, but here no draft is anybody else's)."""
    viewer = info.context.viewer.key
    if viewer is None:
        return None
    try:
        found = await get_draft(info.context.database, key, viewer)
    except (NotFound, Forbidden):
        return None
    return CohortDraft.from_record(found)


async def _programme_mentorship(info: Info, key: str) -> Node | None:
    """As `Programme.mentorships` lists it: the viewer's own, or any for the programme's
    admins, only in a programme they may see and when they may see both sides."""
    ctx = info.context
    (found,) = await get_pairings(ctx.database, [key], ctx.viewer.key, listed=True)
    return ProgrammeMentorship.from_record(found) if found else None


def _ranked_pair(
    rank: Callable[[Database, str, str], Awaitable[R | None]],
    to_node: Callable[[R, str], Node],
) -> Callable[[Info, str], Awaitable[Node | None]]:
    """The lookup of a ranked list's entry, whose key is the pair (owner, other): the
    owner's (and admins'), as the list is; the pair ranked again, found only where the
    list would show it (`mentorMatches`, `suggestedConnections`)."""

    async def lookup(info: Info, key: str) -> Node | None:
        pair = read_pair_key(key)
        if pair is None or not _is_or_admin(info.context.viewer, pair[0]):
            return None
        found = await rank(info.context.database, *pair)
        return to_node(found, pair[0]) if found is not None else None

    return lookup


async def _mentor_match_event(info: Info, key: str) -> Node | None:
    """The mentee's (and admins'), as `matchEvents`: only while the mentor is visible."""
    event = await get_match_event(info.context.database, key)
    if event is None or not _is_or_admin(info.context.viewer, event.mentee):
        return None
    return MentorMatchEvent.from_record(event)


def _is_or_admin(viewer: Viewer, key: str) -> bool:
    return viewer.is_admin or viewer.key == key


LOOKUPS: dict[str, Callable[[Info, str], Awaitable[Node | None]]] = {
    "Person": _person,
    "Skill": _skill,
    "Employer": _employer,
    "MentorshipRequest": _mentorship_request,
    "Report": _report,
    "MentorMatch": _ranked_pair(
        mentor_match, lambda match, mentee: MentorMatch.from_record(match, mentee=mentee)
    ),
    "ConnectionSuggestion": _ranked_pair(
        suggested_connection,
        lambda suggestion, person: ConnectionSuggestion.from_record(suggestion, person=person),
    ),
    "MentorMatchEvent": _mentor_match_event,
    "Programme": _programme,
    "CohortDraft": _cohort_draft,
    "ProgrammeMentorship": _programme_mentorship,
}
"""Every type that implements `Node`, by name (a test holds this to the schema)."""


async def find_node(info: Info, id: str) -> Node:
    type_name, key = parse_global_id(id)
    lookup = LOOKUPS.get(type_name)
    found = await lookup(info, key) if lookup else None
    if found is None:
        raise NotFound(f"no object with ID {id!r}")
    return found
