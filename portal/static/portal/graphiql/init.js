// GraphiQL on the public endpoint: plain POST requests to the page's own address.
(function () {
  "use strict";
  var endpoint = window.location.pathname;
  function fetcher(params) {
    return fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(params),
    }).then(function (response) {
      return response.json();
    });
  }
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: false,
    })
  );
})();
