// The Relay documents of tests/clients/test_relay.py, as a React app would hold them
// beside its components. Nothing runs this file: relay-compiler reads its graphql tags
// and writes their artifacts, which relay.mjs loads.
import { graphql } from 'relay-runtime';

// docs:start relay-fragments
export const sentRequests = graphql`
  fragment SentRequests_person on Person
  @refetchable(queryName: "SentRequestsPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 2 }, cursor: { type: "String" }) {
    mentorshipRequests(role: MENTEE, first: $count, after: $cursor)
    @connection(key: "SentRequests_mentorshipRequests") {
      edges { node { key state mentor { key } } }
    }
  }
`;

export const query = graphql`
  query SentRequestsQuery {
    viewer { ...SentRequests_person }
  }
`;

// The list is newest first, so a new request goes at its head.
export const requestMentorship = graphql`
  mutation SentRequestsMutation($input: RequestMentorshipInput!, $connections: [ID!]!) {
    requestMentorship(input: $input) {
      request @prependNode(connections: $connections, edgeTypeName: "MentorshipRequestEdge") {
        key state mentor { key }
      }
    }
  }
`;
// docs:end
