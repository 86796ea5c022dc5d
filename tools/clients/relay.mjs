// relay-runtime (Relay without React) running what relay-compiler made of relay/*.js.
//   node relay.mjs URL ARTIFACTS requests MENTOR   as the viewer: loads the first page of
//       their sent requests, the next through the @refetchable query (node(id:)), then
//       requests MENTOR with the @prependNode mutation; prints the list after each step
//   node relay.mjs URL ARTIFACTS signup NAME   as a viewer with no profile yet: loads the
//       last page of people, the one before it (loadPrevious: last/before), then signs up
//       as NAME with the @appendNode mutation; prints the list after each step
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

const [artifacts, scenario, argument] = args;
const artifact = async (name) =>
  (await import(path.resolve(artifacts, `${name}.graphql.js`))).default;

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

// docs:start relay-mutation
function commit(mutation, variables) {
  return new Promise((resolve, reject) =>
    commitMutation(environment, {
      mutation,
      variables,
      onCompleted: (_, errors) => (errors ? reject(new Error(JSON.stringify(errors))) : resolve()),
      onError: reject,
    }),
  );
}

async function requestMentor(SentRequestsMutation, viewer, mentor) {
  const connection = ConnectionHandler.getConnectionID(
    viewer.__id, // the Person's global id: its record in the store
    'SentRequests_mentorshipRequests',
    { role: 'MENTEE' },
  );
  await commit(SentRequestsMutation, { input: { mentor }, connections: [connection] });
}
// docs:end

async function sentRequests(mentor) {
  const [SentRequestsQuery, SentRequestsPaginationQuery, SentRequestsMutation, SentRequestsPerson] =
    await Promise.all(
      ['SentRequestsQuery', 'SentRequestsPaginationQuery', 'SentRequestsMutation', 'SentRequests_person']
        .map(artifact),
    );
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
  await requestMentor(SentRequestsMutation, viewer, mentor);
  return { firstPage, bothPages, afterMutation: requests() };
}

async function signUp(name) {
  const [PeopleQuery, PeoplePaginationQuery, PeopleSignUpMutation, PeopleFragment] =
    await Promise.all(
      ['PeopleQuery', 'PeoplePaginationQuery', 'PeopleSignUpMutation', 'People_query'].map(artifact),
    );
  const root = await load(PeopleQuery, { last: 2 });
  const fragment = getSelector(PeopleFragment, root);
  const people = () => {
    const { edges, pageInfo } = environment.lookup(fragment).data.people;
    return { keys: edges.map((edge) => edge.node.key), hasPreviousPage: pageInfo.hasPreviousPage };
  };
  const lastPage = people();
  // docs:start relay-load-previous
  const { startCursor } = environment.lookup(fragment).data.people.pageInfo;
  await load(PeoplePaginationQuery, { last: 2, before: startCursor }); // what loadPrevious sends
  // docs:end
  const bothPages = people();
  const connection = ConnectionHandler.getConnectionID('client:root', 'People_people');
  await commit(PeopleSignUpMutation, { input: { name }, connections: [connection] });
  return { lastPage, bothPages, afterMutation: people() };
}

const scenarios = { requests: sentRequests, signup: signUp };
print(await scenarios[scenario](argument));
