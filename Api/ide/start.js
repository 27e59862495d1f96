// Starts GraphiQL against the endpoint that served this page: queries and mutations over HTTP, subscriptions over
// graphql-transport-ws. GraphiQL sends the Headers tab with both (as connection_init's payload on the WebSocket),
// so the Authorization entered there signs every operation.
(function () {
  'use strict';

  var endpoint = location.origin + location.pathname;
  var fetcher = GraphiQL.createFetcher({
    url: endpoint,
    subscriptionUrl: endpoint.replace(/^http/, 'ws'),
    enableIncrementalDelivery: false,
  });

  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultHeaders: '{\n  "Authorization": "Bearer <a token from GET /api/token>"\n}',
    shouldPersistHeaders: true,
  }));
})();
