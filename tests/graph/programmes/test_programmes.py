from __future__ import annotations

import datetime as dt

import pytest

from graph.database import Database
from graph.errors import BadInput, Conflict, Forbidden, NotFound
from graph.pages import Window
from graph.programmes.programmes import (
    add_person,
    create_programme,
    get_programme,
    join_programme,
    leave_programme,
    members_of_programme,
    set_programme_state,
    visible_programmes,
)
from graph.viewer import Viewer
from tests.builders import build, mentor, person
from tests.graph.programmes.cohort import START, cohort


async def _join_as_mentee(database: Database, programme: str, person: str) -> None:
    await join_programme(database, programme, person, role="MENTEE", capacity=None, goals=())


async def test_a_programme_ends_after_its_templates_weeks_and_opens_then_closes(
    empty_graph: Database,
) -> None:
    await build(empty_graph, people=[person("ada"), person("ann")])
    created = await create_programme(
        empty_graph, "ada", name="Skills", template="SKILLS", starts_on=START, ends_on=None,
        visibility="PUBLIC",
    )  # fmt: skip
    assert (created.state, created.ends_on) == ("DRAFT", START + dt.timedelta(weeks=8))
    assert created.viewer_is_admin
    with pytest.raises(NotFound):  # a DRAFT is its admins' only
        await join_programme(
            empty_graph, created.key, "ann", role="MENTEE", capacity=None, goals=()
        )
    with pytest.raises(Conflict):
        await set_programme_state(empty_graph, created.key, "ada", "CLOSED")
    opened = await set_programme_state(empty_graph, created.key, "ada", "OPEN")
    assert opened.state == "OPEN"
    await _join_as_mentee(empty_graph, created.key, "ann")
    with pytest.raises(Forbidden):
        await set_programme_state(empty_graph, created.key, "ann", "CLOSED")
    closed = await set_programme_state(empty_graph, created.key, "ada", "CLOSED")
    assert closed.state == "CLOSED"
    with pytest.raises(Conflict):  # closed: no joins
        await join_programme(
            empty_graph, created.key, "ann", role="MENTEE", capacity=None, goals=()
        )
    assert await leave_programme(empty_graph, created.key, "ann") is not None
    with pytest.raises(Conflict):
        await leave_programme(empty_graph, created.key, "ann")


async def test_a_support_programme_is_members_only_and_hides_from_others(
    empty_graph: Database,
) -> None:
    await build(empty_graph, people=[person("ada")])
    with pytest.raises(BadInput):
        await create_programme(
            empty_graph, "ada", name="Peers", template="SUPPORT", starts_on=START, ends_on=None,
            visibility="PUBLIC",
        )  # fmt: skip
    key = await cohort(empty_graph, template="SUPPORT", visibility="MEMBERS")
    assert (await get_programme(empty_graph, key, Viewer("ann"))).viewer_role == "MENTEE"
    for outsider in (Viewer("out"), Viewer("out", role="admin"), Viewer(None)):
        with pytest.raises(NotFound):
            await get_programme(empty_graph, key, outsider)
        assert await visible_programmes(empty_graph, outsider, Window()) == []
    with pytest.raises(NotFound):
        await join_programme(empty_graph, key, "out", role="MENTEE", capacity=None, goals=())


async def test_members_are_listed_only_as_the_viewer_may_see_them(empty_graph: Database) -> None:
    key = await cohort(empty_graph, mentees=("ann", "bob", "cy"))
    await build(empty_graph, people=[person("cy", visibility="PRIVATE")])
    members = await members_of_programme(empty_graph, key, Viewer("ann"), Window(), role=None)
    assert [m.person.key for m in members] == ["ann", "bob", "max", "mo"]
    mentees = await members_of_programme(empty_graph, key, Viewer("cy"), Window(), role="MENTEE")
    assert [(m.person.key, m.role) for m in mentees] == [
        ("ann", "MENTEE"), ("bob", "MENTEE"), ("cy", "MENTEE")
    ]  # fmt: skip


async def test_joining_twice_or_as_a_mentor_not_open_to_mentoring_conflicts(
    empty_graph: Database,
) -> None:
    key = await cohort(empty_graph)
    with pytest.raises(Conflict):
        await join_programme(empty_graph, key, "ann", role="MENTOR", capacity=1, goals=())
    with pytest.raises(Conflict):
        await join_programme(empty_graph, key, "out", role="MENTOR", capacity=1, goals=())
    with pytest.raises(BadInput):
        await join_programme(empty_graph, key, "out", role="MENTEE", capacity=2, goals=())
    await build(empty_graph, people=[mentor("new")])
    with pytest.raises(BadInput):
        await join_programme(empty_graph, key, "new", role="MENTOR", capacity=0, goals=())


async def test_admins_add_admins_they_may_see(empty_graph: Database) -> None:
    key = await cohort(empty_graph, others=("out", "ghost"))
    await build(empty_graph, people=[person("ghost", visibility="PRIVATE")])
    with pytest.raises(Forbidden):
        await add_person(empty_graph, key, "ann", "bob", as_="ADMINS")
    with pytest.raises(NotFound):
        await add_person(empty_graph, key, "ada", "ghost", as_="ADMINS")
    await add_person(empty_graph, key, "ada", "out", as_="ADMINS")
    assert (await set_programme_state(empty_graph, key, "out", "CLOSED")).state == "CLOSED"
