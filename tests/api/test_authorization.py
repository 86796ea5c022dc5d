"""Who may run each mutation and read each guarded field (the table in docs/privacy.md).

Every mutation of the schema must be listed here, so a new one cannot ship unguarded.
"""

from __future__ import annotations

import pytest

from api.schema import build_schema
from graph.database import Database
from tests.api.graphql import GraphQLClient
from tests.builders import build, mentor, person, skill

DENIED = {"UNAUTHENTICATED", "FORBIDDEN"}

# mutation: (document, roles allowed among member/analyst/admin acting as themselves)
EVERYONE = ("member", "analyst", "admin")
MUTATIONS = {
    "createProfile": (
        'mutation { createProfile(input: {name: "New"}) { person { key } } }',
        EVERYONE,
    ),
    "updateProfile": (
        'mutation { updateProfile(input: {headline: "x"}) { person { key } } }',
        EVERYONE,
    ),
    "setMentorPreferences": (
        "mutation { setMentorPreferences(input: {openToMentor: true, capacity: 1}) {"
        " person { key } } }",
        EVERYONE,
    ),
    "addSkill": ('mutation { addSkill(input: {skill: "python"}) { person { key } } }', EVERYONE),
    "removeSkill": (
        'mutation { removeSkill(input: {skill: "python"}) { person { key } } }',
        EVERYONE,
    ),
    "setLearningGoals": (
        "mutation { setLearningGoals(input: {skills: []}) { person { key } } }",
        EVERYONE,
    ),
    "requestConnection": (
        'mutation { requestConnection(input: {person: "max"}) { connected } }',
        EVERYONE,
    ),
    "respondToConnectionRequest": (
        'mutation { respondToConnectionRequest(input: {person: "max", accept: true}) '
        "{ connected } }",
        EVERYONE,
    ),
    "removeConnection": (
        'mutation { removeConnection(input: {person: "max"}) { connected } }',
        EVERYONE,
    ),
    "requestMentorship": (
        'mutation { requestMentorship(input: {mentor: "max"}) { request { key } } }',
        EVERYONE,
    ),
    "respondToMentorshipRequest": (
        'mutation { respondToMentorshipRequest(input: {request: "mr-x", accept: true}) '
        "{ request { key } } }",
        EVERYONE,
    ),
    "withdrawMentorshipRequest": (
        'mutation { withdrawMentorshipRequest(input: {request: "mr-x"}) { request { key } } }',
        EVERYONE,
    ),
    "endMentorship": (
        'mutation { endMentorship(input: {person: "max", outcome: COMPLETED, reason: "r"}) '
        "{ status } }",
        EVERYONE,
    ),
    "blockPerson": ('mutation { blockPerson(input: {person: "max"}) { person } }', EVERYONE),
    "unblockPerson": ('mutation { unblockPerson(input: {person: "max"}) { person } }', EVERYONE),
    "reportPerson": (
        'mutation { reportPerson(input: {person: "max", reason: SPAM}) { report { key } } }',
        EVERYONE,
    ),
    "resolveReport": (
        'mutation { resolveReport(input: {report: "rp-x", outcome: DISMISSED, note: "n"}) '
        "{ heldFromMatching } }",
        ("admin",),
    ),
    "deleteAccount": ("mutation { deleteAccount { deleted } }", EVERYONE),
    "createProgramme": (
        'mutation { createProgramme(input: {name: "P", template: CAREER, startsOn: "2027-01-04"})'
        " { programme { key } } }",
        EVERYONE,
    ),
    # Programme mutations on a programme nobody runs: allowed to every role (NOT_FOUND); its
    # admins alone may manage a programme, and tests/api/test_programmes.py holds that.
    "setProgrammeState": (
        'mutation { setProgrammeState(input: {programme: "pg-x", state: OPEN}) { __typename } }',
        EVERYONE,
    ),
    "addToProgramme": (
        'mutation { addToProgramme(input: {programme: "pg-x", person: "max", as: INVITEE}) '
        "{ __typename } }",
        EVERYONE,
    ),
    "joinProgramme": (
        'mutation { joinProgramme(input: {programme: "pg-x", role: MENTEE}) { __typename } }',
        EVERYONE,
    ),
    "leaveProgramme": (
        'mutation { leaveProgramme(input: {programme: "pg-x"}) { __typename } }',
        EVERYONE,
    ),
    "proposeProgrammePairs": (
        'mutation { proposeProgrammePairs(input: {programme: "pg-x", pairs: []}) { __typename } }',
        EVERYONE,
    ),
    "answerProgrammeProposal": (
        'mutation { answerProgrammeProposal(input: {mentorship: "pm-x", accept: true}) '
        "{ __typename } }",
        EVERYONE,
    ),
    "endProgrammeMentorship": (
        'mutation { endProgrammeMentorship(input: {mentorship: "pm-x"}) { __typename } }',
        EVERYONE,
    ),
    "completeProgrammeStep": (
        'mutation { completeProgrammeStep(input: {mentorship: "pm-x", step: 1}) { __typename } }',
        EVERYONE,
    ),
    "logProgrammeCheckIn": (
        'mutation { logProgrammeCheckIn(input: {mentorship: "pm-x", on: "2027-01-04", note: "n"})'
        " { __typename } }",
        EVERYONE,
    ),
    "leaveProgrammeFeedback": (
        'mutation { leaveProgrammeFeedback(input: {mentorship: "pm-x", rating: 4}) '
        "{ __typename } }",
        EVERYONE,
    ),
    "draftCohortAssignment": (
        'mutation { draftCohortAssignment(input: {programme: "pg-x"}) { __typename } }',
        EVERYONE,
    ),
    "editCohortAssignment": (
        'mutation { editCohortAssignment(input: {draft: "cd-x", mentee: "ann"}) { __typename } }',
        EVERYONE,
    ),
    "publishCohortAssignment": (
        'mutation { publishCohortAssignment(input: {draft: "cd-x"}) { __typename } }',
        EVERYONE,
    ),
}

# Person fields only the person themself or an admin may read.
SELF_FIELDS = {
    "mentorMatches": "mentorMatches { edges { cursor } }",
    "suggestedConnections": "suggestedConnections { edges { cursor } }",
    "learningPaths": "learningPaths { target { key } }",
    "mentors": "mentors { key }",
    "mentees": "mentees { key }",
    "mentorshipRequests": "mentorshipRequests(role: MENTEE) { edges { cursor } }",
    "dataExport": "dataExport",
}
ADMIN_QUERIES = {"reports": "{ reports { edges { cursor } } }"}
ANALYST_QUERIES = {
    "explorations": "{ explorations { name } }",
    "runExploration": '{ runExploration(name: "mentor_load_summary") { columns } }',
}


def _code(body: dict[str, object]) -> str | None:
    errors = body.get("errors")
    return errors[0].get("extensions", {}).get("code") if errors else None  # type: ignore[index,union-attr]


def test_every_mutation_is_listed() -> None:
    schema = build_schema()
    mutation = schema._schema.mutation_type
    assert mutation is not None
    assert set(mutation.fields) == set(MUTATIONS)


@pytest.fixture
async def graph(empty_graph: Database) -> Database:
    await build(
        empty_graph,
        people=[person("ann"), mentor("max"), person("ada"), person("root")],
        skills=[skill("python")],
    )
    return empty_graph


@pytest.mark.parametrize("name", MUTATIONS)
async def test_mutations_by_role(gql: GraphQLClient, graph: Database, name: str) -> None:
    document, allowed = MUTATIONS[name]
    assert _code(await gql.send(document)) == "UNAUTHENTICATED"
    for role, key in (("member", "ann"), ("analyst", "ada"), ("admin", "root")):
        code = _code(await gql.send(document, as_=key, role=role))
        if role in allowed:
            assert code not in DENIED, (name, role, code)
        else:
            assert code == "FORBIDDEN", (name, role, code)


@pytest.mark.parametrize("field", SELF_FIELDS)
async def test_self_only_fields_by_role(gql: GraphQLClient, graph: Database, field: str) -> None:
    document = f'{{ person(key: "ann") {{ {SELF_FIELDS[field]} }} }}'
    assert _code(await gql.send(document, as_="ann")) is None
    assert _code(await gql.send(document, as_="root", role="admin")) is None
    assert _code(await gql.send(document, as_="max")) == "FORBIDDEN"
    assert _code(await gql.send(document, as_="ada", role="analyst")) == "FORBIDDEN"
    assert _code(await gql.send(document)) == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    ("document", "allowed"),
    [(d, ("admin",)) for d in ADMIN_QUERIES.values()]
    + [(d, ("analyst", "admin")) for d in ANALYST_QUERIES.values()],
)
async def test_role_queries(
    gql: GraphQLClient, graph: Database, document: str, allowed: tuple[str, ...]
) -> None:
    assert _code(await gql.send(document)) == "UNAUTHENTICATED"
    for role, key in (("member", "ann"), ("analyst", "ada"), ("admin", "root")):
        code = _code(await gql.send(document, as_=key, role=role))
        assert (code is None) is (role in allowed), (document, role, code)
