// relay-runtime (Relay without React) running what relay-compiler made of relay/*.js.
//   node relay.mjs URL ARTIFACTS MENTOR   as the viewer: loads the first page of their sent
//       requests, the next through the @refetchable query (node(id:)), then requests
//       MENTOR with the @prependNode mutation; prints the list after each step
import path from 'node:path';
import {
  commitMutation,
  ConnectionHandler,
  createOperationDescriptor,
  Environment,
  fetchQuery,
  getSelector,
  Network,
  RecordSource,
  Store,
} from 'relay-runtime';
import { args, endpoint, print, token } from './cli.mjs';

const [artifacts, mentor] = args;
const artifact = async (name) =>
  (await import(path.resolve(artifacts, `${name}.graphql.js`))).default;
const [SentRequestsQuery, SentRequestsPaginationQuery, SentRequestsMutation, SentRequestsPerson] =
  await Promise.all(
    ['SentRequestsQuery', 'SentRequestsPaginationQuery', 'SentRequestsMutation', 'SentRequests_person']
      .map(artifact),
  );

// docs:start relay-environment
async function fetchGraphQL(operation, variables) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: operation.text, variables }),
  });
  return response.json(); // errors included: Relay hands them to the caller
}

const environment = new Environment({
  network: Network.create(fetchGraphQL),
  store: new Store(new RecordSource()),
});
// docs:end

async function load(query, variables) {
  const operation = createOperationDescriptor(query, variables);
  environment.retain(operation); // what a mounted component holds on to
  await fetchQuery(environment, query, variables).toPromise();
  return environment.lookup(operation.fragment).data;
}

const { viewer } = await load(SentRequestsQuery, {});
const fragment = getSelector(SentRequestsPerson, viewer);
const requests = () => {
  const { mentorshipRequests } = environment.lookup(fragment).data;
  return {
    keys: mentorshipRequests.edges.map((edge) => edge.node.mentor.key),
    hasNextPage: mentorshipRequests.pageInfo.hasNextPage,
  };
};
const firstPage = requests();

const { endCursor } = environment.lookup(fragment).data.mentorshipRequests.pageInfo;
await load(SentRequestsPaginationQuery, { id: viewer.__id, count: 2, cursor: endCursor });
const bothPages = requests();

// docs:start relay-mutation
const connection = ConnectionHandler.getConnectionID(
  viewer.__id, // the Person's global id: its record in the store
  'SentRequests_mentorshipRequests',
  { role: 'MENTEE' },
);
await new Promise((resolve, reject) =>
  commitMutation(environment, {
    mutation: SentRequestsMutation,
    variables: { input: { mentor }, connections: [connection] },
    onCompleted: (_, errors) => (errors ? reject(new Error(JSON.stringify(errors))) : resolve()),
    onError: reject,
  }),
);
// docs:end

print({ firstPage, bothPages, afterMutation: requests() });
