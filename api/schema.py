"""The GraphQL schema: composes each domain's queries and mutations."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import ASTValidationRule, GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as alias_limit
from strawberry.extensions.query_depth_limiter import create_validator as depth_limit
from strawberry.types import ExecutionContext, ExecutionResult

from api.deadline import Deadline
from api.employers.queries import EmployersQuery
from api.employers.types import Employer
from api.errors import map_error
from api.explore.queries import ExploreQuery
from api.limits import OperationLimits
from api.matches.subscriptions import MatchesSubscription
from api.mentorships.mutations import MentorshipsMutation
from api.mentorships.subscriptions import MentorshipsSubscription
from api.metrics import count_errors
from api.people.mutations import PeopleMutation
from api.people.queries import PeopleQuery
from api.programmes.assignment_mutations import CohortAssignmentMutation
from api.programmes.assignment_queries import CohortAssignmentQuery
from api.programmes.mutations import ProgrammesMutation
from api.programmes.queries import ProgrammesQuery
from api.programmes.subscriptions import ProgrammesSubscription
from api.safety.mutations import SafetyMutation
from api.safety.queries import SafetyQuery
from api.scalars import SCALARS
from api.session import OperationSession
from api.settings import REQUEST_TIMEOUT
from api.skills.mutations import SkillsMutation
from api.skills.queries import SkillsQuery
from api.skills.types import Skill
from api.stream_errors import mapped_stream

# Depth and alias limits as rule classes made once: the validation cache is keyed by the
# rules, and Strawberry's limiter extensions would make new classes for every request.
_LIMIT_RULES: list[type[ASTValidationRule]] = [depth_limit(10, None), alias_limit(30)]


@strawberry.type
class Query(
    PeopleQuery,
    SkillsQuery,
    EmployersQuery,
    SafetyQuery,
    ExploreQuery,
    ProgrammesQuery,
    CohortAssignmentQuery,
):
    pass


@strawberry.type
class Mutation(
    PeopleMutation,
    SkillsMutation,
    MentorshipsMutation,
    SafetyMutation,
    ProgrammesMutation,
    CohortAssignmentMutation,
):
    pass


@strawberry.type
class Subscription(MatchesSubscription, MentorshipsSubscription, ProgrammesSubscription):
    pass


class Schema(strawberry.Schema):
    """Gives every error a stable `extensions.code` (see `api.errors`)."""

    def __init__(self, *args: Any, suggestions: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suggestions = suggestions

    async def execute(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        result = await super().execute(*args, **kwargs)
        if result.errors:
            result.errors = [
                map_error(error, suggestions=self.suggestions) for error in result.errors
            ]
            count_errors(result.errors)
        return result

    async def stream(self, *args: Any, **kwargs: Any) -> Any:
        source = await super().stream(*args, **kwargs)
        return mapped_stream(source, suggestions=self.suggestions)

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Logging happens in `map_error`: only unexpected errors are worth a traceback."""


def build_schema(*, introspection: bool = True, deadline: float = REQUEST_TIMEOUT) -> Schema:
    """The schema; production may switch introspection off (MENTORGRAPH_INTROSPECTION),
    and with it the hints that would spell the schema out. Each operation's execution
    ends within `deadline` seconds (MENTORGRAPH_REQUEST_TIMEOUT, `api.deadline`)."""
    closed = [DisableIntrospection] if not introspection else []
    return Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[Skill, Employer],
        scalar_overrides=SCALARS,
        suggestions=introspection,
        extensions=[
            *closed,
            lambda: OperationSession(seconds=deadline),
            lambda: Deadline(seconds=deadline),
            OperationLimits,
            lambda: AddValidationRules(_LIMIT_RULES),
            lambda: MaxTokensLimiter(max_token_count=2000),
            lambda: ParserCache(maxsize=256),
            lambda: ValidationCache(maxsize=256),
        ],
    )


def schema_sdl() -> str:
    """The schema as SDL, as committed in `schema.graphql`."""
    return build_schema().as_str() + "\n"
