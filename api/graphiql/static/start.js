// Starts GraphiQL on the page's own /graphql: queries and mutations over HTTP, subscriptions
// over graphql-transport-ws. The token in the headers editor's Authorization goes with
// every request, and into connection_init for subscriptions (the API reads it there).
'use strict';

(function () {
  // GraphiQL's dialogs add a <style> element, with the nonce in this global (webpack's
  // convention, which react-style-singleton follows); the page's CSP allows it.
  window.__webpack_nonce__ = document.querySelector('meta[name="style-nonce"]').content;

  const url = new URL(window.location.pathname, window.location.href);
  const wsUrl = new URL(url);
  wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';

  // One socket at a time, for the Authorization it was opened with; graphql-ws opens it on
  // the first subscription and closes it when none is left.
  let socket = null;
  function socketFor(authorization) {
    if (socket === null || socket.authorization !== authorization) {
      if (socket !== null) socket.client.dispose();
      const connectionParams = authorization ? { authorization } : {};
      socket = { authorization, client: graphqlWs.createClient({ url: wsUrl.href, connectionParams }) };
    }
    return socket.client;
  }

  function authorizationOf(headers) {
    const found = Object.entries(headers || {}).find(([name]) => name.toLowerCase() === 'authorization');
    return found ? String(found[1]) : undefined;
  }

  function fetcher(params, options) {
    const wsClient = socketFor(authorizationOf(options && options.headers));
    return GraphiQL.createFetcher({ url: url.href, wsClient })(params, options);
  }

  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
    }),
  );
})();
