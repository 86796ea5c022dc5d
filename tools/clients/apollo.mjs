// Apollo Client 4 (React-free) against the API.
//   node apollo.mjs URL pages          pages `people` with fetchMore; prints the merged
//                                      list and how many requests were sent
//   node apollo.mjs URL cache          withdraws the viewer's first sent request; prints
//                                      the cached list before and after, and the requests
//   node apollo.mjs URL errors KEY     prints the `extensions.code` of failing operations
//                                      (KEY: someone else), the last with a refused token
//   node apollo.mjs URL persisted KEY  sends `person(key: KEY)` twice as an automatic
//                                      persisted query; prints each HTTP exchange
import { createHash } from 'node:crypto';
import {
  ApolloClient,
  CombinedGraphQLErrors,
  gql,
  HttpLink,
  InMemoryCache,
} from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';
import { args, endpoint, print, token } from './cli.mjs';

const exchanges = []; // every HTTP request the client sent, with its answer
async function recordingFetch(url, init) {
  const response = await fetch(url, init);
  const body = await response.clone().json();
  exchanges.push({ request: init.body ?? null, status: response.status, body });
  return response;
}

function client({ token, persisted = false }) {
  // docs:start apollo-client
  const http = new HttpLink({
    uri: endpoint,
    headers: { Authorization: `Bearer ${token}` },
    fetch: recordingFetch, // a browser's own fetch needs no such option
  });
  const cache = new InMemoryCache({
    typePolicies: {
      // Connections are Relay-style: list the arguments that pick a different list.
      Query: { fields: { people: relayStylePagination(['search', 'skill', 'employer']) } },
      Person: { fields: { mentorshipRequests: relayStylePagination(['role', 'state']) } },
    },
  });
  // docs:end
  // docs:start apollo-persisted
  const sha256 = (text) => createHash('sha256').update(text).digest('hex');
  const link = persisted ? createPersistedQueryLink({ sha256 }).concat(http) : http;
  // docs:end
  return new ApolloClient({ link, cache });
}

// docs:start apollo-fetch-more
const PEOPLE = gql`
  query People($first: Int!, $after: String) {
    people(first: $first, after: $after) {
      edges { cursor node { id key name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

async function everyone(apollo) {
  const people = apollo.watchQuery({ query: PEOPLE, variables: { first: 2 } });
  let { data } = await people.refetch();
  while (data.people.pageInfo.hasNextPage) {
    await people.fetchMore({ variables: { after: data.people.pageInfo.endCursor } });
    data = people.getCurrentResult().data; // the pages merged by relayStylePagination
  }
  return data.people.edges.map((edge) => edge.node.key);
}
// docs:end

const SENT = gql`
  query Sent {
    viewer { id mentorshipRequests(role: MENTEE, first: 10) { edges { node { id key state } } } }
  }
`;
const WITHDRAW = gql`
  mutation Withdraw($request: String!) {
    withdrawMentorshipRequest(input: { request: $request }) { request { id state } }
  }
`;

async function withdrawFirst(apollo) {
  const states = (data) => data.viewer.mentorshipRequests.edges.map((edge) => edge.node.state);
  const { data } = await apollo.query({ query: SENT });
  const before = states(data);
  const request = data.viewer.mentorshipRequests.edges[0].node.key;
  await apollo.mutate({ mutation: WITHDRAW, variables: { request } });
  // The payload's request has the same `id`: the cached list is up to date, unfetched.
  const after = states(apollo.readQuery({ query: SENT }));
  return { before, after, requests: exchanges.length };
}

// docs:start apollo-errors
async function errorCode(apollo, query, variables) {
  try {
    await apollo.query({ query, variables, fetchPolicy: 'network-only' });
    return null;
  } catch (error) {
    if (!CombinedGraphQLErrors.is(error)) throw error;
    return error.errors[0].extensions.code; // BAD_USER_INPUT, UNAUTHENTICATED, NOT_FOUND...
  }
}
// docs:end

const PERSON = gql`query Person($key: String!) { person(key: $key) { key } }`;
const EVENTS = gql`query Events($key: String!) { person(key: $key) { matchEvents { nodes { id } } } }`;
const [scenario, key] = args;
const apollo = client({ token, persisted: scenario === 'persisted' });

if (scenario === 'pages') {
  print({ keys: await everyone(apollo), requests: exchanges.length });
} else if (scenario === 'cache') {
  print(await withdrawFirst(apollo));
} else if (scenario === 'errors') {
  print({
    badCursor: await errorCode(apollo, PEOPLE, { first: 2, after: 'not a cursor' }),
    nobody: await errorCode(apollo, PERSON, { key: 'nobody' }),
    someoneElses: await errorCode(apollo, EVENTS, { key }),
    badToken: await errorCode(client({ token: 'not a token' }), PERSON, { key }),
  });
} else if (scenario === 'persisted') {
  for (const _ of [1, 2]) {
    await apollo.query({ query: PERSON, variables: { key }, fetchPolicy: 'network-only' });
  }
  print(exchanges);
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
