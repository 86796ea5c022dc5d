// The Relay documents of a people directory that pages both ways, and a sign-up that
// appends the new person to it (tests/clients/test_relay.py). relay-compiler reads them.
import { graphql } from 'relay-runtime';

// docs:start relay-both-ways
export const people = graphql`
  fragment People_query on Query
  @refetchable(queryName: "PeoplePaginationQuery")
  @argumentDefinitions(
    first: { type: "Int" }
    after: { type: "String" }
    last: { type: "Int" }
    before: { type: "String" }
  ) {
    people(first: $first, after: $after, last: $last, before: $before)
    @connection(key: "People_people") {
      edges { node { key } }
    }
  }
`;

export const query = graphql`
  query PeopleQuery($last: Int) {
    ...People_query @arguments(last: $last)
  }
`;

// People are listed by key: a new one goes at the end.
export const signUp = graphql`
  mutation PeopleSignUpMutation($input: ProfileInput!, $connections: [ID!]!) {
    createProfile(input: $input) {
      person @appendNode(connections: $connections, edgeTypeName: "PersonEdge") { key }
    }
  }
`;
// docs:end
