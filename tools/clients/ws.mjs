// graphql-ws (graphql-transport-ws) against the API.
//   node ws.mjs URL events AFTER COUNT   prints each of COUNT mentorMatchAdded events after
//                                        the cursor AFTER, one JSON line as it arrives
//   node ws.mjs URL refused              prints how the server closes a refused connection
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { args, print, token, wsEndpoint } from './cli.mjs';

const [mode, after, count] = args;

// docs:start graphql-ws-client
const client = createClient({
  url: wsEndpoint,
  webSocketImpl: WebSocket, // a browser has its own
  // Browsers cannot set headers on a WebSocket: the token goes in connection_init.
  connectionParams: { authorization: `Bearer ${token}` },
  // 4403 means the token was refused or has expired: get a new one rather than retry.
  shouldRetry: (event) => event?.code !== 4403,
});
// docs:end

if (mode === 'events') {
  // docs:start graphql-ws-subscribe
  const events = client.iterate({
    query: `subscription NewMatches($after: String) {
      mentorMatchAdded(after: $after) { id cursor score mentor { key } }
    }`,
    variables: { after }, // the last event's cursor: replays what was missed, then goes live
  });
  // docs:end
  let seen = 0;
  for await (const result of events) {
    print(result);
    if (++seen === Number(count)) break;
  }
} else if (mode === 'refused') {
  const closed = await new Promise((resolve) => {
    client.on('closed', (event) => resolve({ code: event.code, reason: event.reason }));
    client.subscribe({ query: 'subscription { mentorMatchAdded { id } }' }, {
      next: () => {}, error: () => {}, complete: () => {},
    });
  });
  print(closed);
} else {
  throw new Error(`unknown mode ${mode}`);
}
await client.dispose();
