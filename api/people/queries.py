"""Queries about people, and objects by global ID."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.lookahead import people_screen, person_screen
from api.node import Node
from api.node_lookup import find_node
from api.pagination import Connection, paged
from api.people.types import Person, people_connection, person_by_key
from graph.pages import Window, read_key
from graph.people import get_profile, get_profiles, search_people
from graph.screens import PLAIN


@strawberry.type
class PeopleQuery:
    @strawberry.field(description="The caller; null for an anonymous caller or before sign-up.")
    async def viewer(self, info: Info) -> Person | None:
        ctx, screen = info.context, person_screen(info)
        key = ctx.viewer.key
        if key is None:
            return None
        if screen == PLAIN:  # a query's session check primed it (api.session)
            return await person_by_key(info, key)
        (profile,) = await get_profiles(ctx.database, [key], ctx.viewer, screen)
        if profile is None:
            return None
        ctx.loaders.prime([profile], screen)
        return Person.from_record(profile.person)

    @strawberry.field(description="A person by key; NOT_FOUND when absent or hidden from you.")
    async def person(self, info: Info, key: str) -> Person | None:
        ctx, screen = info.context, person_screen(info)
        profile = await get_profile(ctx.database, key, ctx.viewer, screen)
        ctx.loaders.prime([profile], screen)
        return Person.from_record(profile.person)

    @strawberry.field(
        description="People you may see, by key, optionally filtered.",
    )
    @paged(read_key)
    async def people(
        self,
        info: Info,
        window: Window[str],
        search: str | None = None,
        skill: str | None = None,
        employer: str | None = None,
    ) -> Connection[Person]:
        ctx, screen = info.context, people_screen(info)
        found = await search_people(
            ctx.database,
            ctx.viewer,
            window,
            search=search,
            skill=skill,
            employer=employer,
            screen=screen,
        )
        ctx.loaders.prime(found, screen)
        return people_connection(found, window)

    @strawberry.field(
        description="Any object by its global ID (Relay); NOT_FOUND when there is none, or "
        "when you may not see it, alike."
    )
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await find_node(info, id)
