/*
 * The map widget's one request (graphql/map.graphql), started as soon as the page's
 * configuration is parsed (templates/components/map.html loads this file async, right after
 * it and before the widget's stylesheets, which stop the parser): the answer downloads while the stylesheets and scripts load and the page is laid out,
 * instead of after them. map.js takes it with portalMapRequest.data(config), once the
 * "portal-map-request" event has said this file ran, if it had not yet.
 */
window.portalMapRequest = (function () {
  "use strict";

  function post(config) {
    return fetch(config.endpoint, {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        query: config.operation,
        operationName: config.operationName,
        variables: { locale: config.locale },
      }),
    }).then(async (response) => {
      const body = await response.json();
      if (!response.ok || body.errors || !body.data) {
        throw new Error((body.errors && body.errors[0] && body.errors[0].message) || response.statusText);
      }
      return body.data;
    });
  }

  let early = null;
  // The configuration comes right before this script, ahead of the widget's markup.
  const node = document.getElementById("map-widget-config");
  if (node && window.fetch) {
    early = post(JSON.parse(node.textContent));
    early.catch(() => {}); // reported by map.js, which offers to try again
  }

  window.setTimeout(() => document.dispatchEvent(new Event("portal-map-request")), 0);
  return {
    /** The widget's data: the early request's answer the first time, a new request after. */
    data(config) {
      const answer = early || post(config);
      early = null;
      return answer;
    },
  };
})();
