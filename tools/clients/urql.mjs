// urql's core with graphql-ws for subscriptions, against the API.
//   node urql.mjs URL AFTER   prints the viewer's key and the first mentorMatchAdded event
//                             after the cursor AFTER
import { Client, fetchExchange, gql, subscriptionExchange } from '@urql/core';
import { createClient as createWSClient } from 'graphql-ws';
import WebSocket from 'ws';
import { args, endpoint, print, token, wsEndpoint } from './cli.mjs';

const [after] = args;

// docs:start urql-client
const ws = createWSClient({
  url: wsEndpoint,
  webSocketImpl: WebSocket, // a browser has its own
  connectionParams: { authorization: `Bearer ${token}` },
});
const client = new Client({
  url: endpoint,
  fetchOptions: () => ({ headers: { Authorization: `Bearer ${token}` } }),
  exchanges: [
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
});
// docs:end

const viewer = await client.query(gql`query { viewer { key } }`, {}).toPromise();
if (viewer.error) throw viewer.error;
// docs:start urql-subscribe
const NEW_MATCHES = gql`
  subscription NewMatches($after: String) {
    mentorMatchAdded(after: $after) { id cursor score mentor { key } }
  }
`;
const first = await new Promise((resolve) => {
  const { unsubscribe } = client.subscription(NEW_MATCHES, { after }).subscribe((result) => {
    unsubscribe(); // a UI would keep listening; this script stops at the first event
    resolve(result);
  });
});
// docs:end
if (first.error) throw first.error;
print({ viewer: viewer.data.viewer, event: first.data.mentorMatchAdded });
await ws.dispose();
