"""The Content-Security-Policy blocks nothing the portal needs: DSFR, Leaflet and GraphiQL run
under it (no inline script, no eval) with no violation reported by the browser.
"""

import pytest

from tests.factories import small_dataset

pytestmark = pytest.mark.browser

# Records every violation the page reports, from its very first script on.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile || ""}:${event.lineNumber || ""})`
  );
});
"""


@pytest.fixture
def watched(tab):
    tab.console = []
    tab.page.add_init_script(RECORD_VIOLATIONS)
    tab.page.on("console", lambda message: tab.console.append(message.text))
    return tab


def violations(tab):
    reported = tab.page.evaluate("window.__cspViolations")
    in_console = [text for text in tab.console if "Content Security Policy" in text]
    return reported + in_console


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("/fr/", "[data-map-widget][data-state=ready]"),
        ("/fr/carte/", "[data-map-widget][data-state=ready]"),
        ("/graphql/", ".graphiql-container"),
    ],
)
def test_pages_run_under_the_policy_without_violation(portal, watched, path, ready):
    small_dataset()
    response = watched.page.goto(f"{portal}{path}")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    watched.page.wait_for_selector(ready)
    if path == "/graphql/":
        watched.page.wait_for_selector(".graphiql-container .CodeMirror, .graphiql-editor")
    else:
        # The DSFR's script ran: it marks the document once its components are started.
        watched.page.wait_for_function("document.documentElement.dataset.frJs === 'true'")
        # The map pane is a 0×0 positioned box: attached is what "drawn" means for it.
        watched.page.wait_for_selector("[data-map-canvas] .leaflet-pane", state="attached")
    watched.page.wait_for_timeout(300)  # late reports (fonts, images) arrive asynchronously
    assert violations(watched) == []
