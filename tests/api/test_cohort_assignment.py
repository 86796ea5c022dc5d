"""Staged cohort assignment through the real app: draft, review, edit, publish."""

from __future__ import annotations

from graph.database import Database
from graph.programmes.programmes import set_programme_state
from tests.api.graphql import GraphQLClient
from tests.graph.programmes.cohort import ADMIN, assignment_cohort, proposals

DRAFT = """
mutation($programme: String!) {
  draftCohortAssignment(input: {programme: $programme, spread: 0}) {
    draft { key state totalScore pairCount unmatchedCount
            pairs(first: 10) { nodes { score mentee { key } mentor { key }
                                       signals { name share } } } }
  }
}"""
EDIT = """
mutation($draft: String!, $mentee: String!, $mentor: String) {
  editCohortAssignment(input: {draft: $draft, mentee: $mentee, mentor: $mentor}) {
    draft { totalScore unmatchedCount }
  }
}"""
PUBLISH = """
mutation($draft: String!) { publishCohortAssignment(input: {draft: $draft}) { draft { state } } }
"""
READ = "query($key: String!) { cohortDraft(key: $key) { state pairCount } }"


async def test_an_admin_drafts_reviews_edits_and_publishes(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    programme = await assignment_cohort(empty_graph)

    data = await gql.data(DRAFT, {"programme": programme}, as_=ADMIN)
    draft = data["draftCohortAssignment"]["draft"]
    key = draft["key"]

    assert draft["state"] == "DRAFT" and draft["pairCount"] == 2 and draft["unmatchedCount"] == 0
    assert abs(draft["totalScore"] - 2.7) < 1e-9  # tests/graph/programmes/cohort.py
    pairs = [(p["mentee"]["key"], p["mentor"]["key"]) for p in draft["pairs"]["nodes"]]
    assert pairs == [("ana", "quin"), ("ben", "pia")]
    assert await proposals(empty_graph, programme) == []
    over = {"draft": key, "mentee": "ana", "mentor": "pia"}
    assert await gql.error_code(EDIT, over, as_=ADMIN) == "CONFLICT"
    assert await gql.error_code(PUBLISH, {"draft": key}, as_="ana") == "FORBIDDEN"
    assert await gql.error_code(READ, {"key": key}, as_="cy") == "FORBIDDEN"

    published = await gql.data(PUBLISH, {"draft": key}, as_=ADMIN)

    assert published["publishCohortAssignment"]["draft"]["state"] == "PUBLISHED"
    assert len(await proposals(empty_graph, programme)) == 2
    read = await gql.data(READ, {"key": key}, as_=ADMIN)
    assert read["cohortDraft"] == {"state": "PUBLISHED", "pairCount": 2}


async def test_a_closed_programme_refuses_a_draft(
    gql: GraphQLClient, empty_graph: Database
) -> None:
    programme = await assignment_cohort(empty_graph)
    await set_programme_state(empty_graph, programme, ADMIN, "CLOSED")

    assert await gql.error_code(DRAFT, {"programme": programme}, as_=ADMIN) == "CONFLICT"
