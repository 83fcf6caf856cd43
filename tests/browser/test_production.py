"""The portal as deployed, in a real browser: DEBUG off, collected (hashed, compressed) static
files, gunicorn, PostgreSQL and Redis — ``make serve``'s way, started by ``.ci/run``.

The suite's other tests run with DEBUG on and plain static storage: they cannot see a file the
browser blocks in production (an ``integrity`` attribute that no longer matches a rewritten
stylesheet leaves every page unstyled). These tests load each kind of page in French and
Arabic and require every stylesheet, script, font and image to load, no console error, a
styled DSFR header, and markers on the map.

``PRODUCTION_URL`` is the served portal's address; without it the tests skip, except under
CI where ``.ci/run`` provides it and a missing address is a failure.
"""

import json
import os
import urllib.request
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ["fr", "ar"]


@pytest.fixture(scope="module")
def production_url():
    url = os.environ.get("PRODUCTION_URL", "").rstrip("/")
    if not url:
        reason = "no production server: set PRODUCTION_URL (.ci/run starts one)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so these tests must run)", pytrace=False)
        pytest.skip(reason)
    return url


def graphql(base, query):
    request = urllib.request.Request(
        f"{base}/graphql/",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.loads(response.read())
    assert not body.get("errors"), body
    return body["data"]


@pytest.fixture(scope="module")
def addresses(production_url):
    """Paths (in French) of a fiche and of an open call of the served database."""
    data = graphql(
        production_url,
        '{ authorities(locale: "fr", perPage: 1) { items { url } }'
        ' partnershipCalls(locale: "fr", status: OPEN, perPage: 1) { items { url } } }',
    )
    fiches = data["authorities"]["items"]
    calls = data["partnershipCalls"]["items"]
    assert fiches and calls, "the served database needs fiches and open calls (seed_demo)"
    return {"fiche": fiches[0]["url"], "call": calls[0]["url"]}


def in_language(path, language):
    """The same address in another language (untranslated content is served there too)."""
    return f"/{language}/" + path.split("/", 2)[2]


class Watched:
    """A tab that records what went wrong while loading: console errors, failed requests."""

    def __init__(self, page, origin):
        self.page = page
        self.origin = origin
        self.errors = []
        self.loaded = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _console(self, message):
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def _failed(self, request):
        self.errors.append(f"failed: {request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")
        else:
            self.loaded.append((response.request.resource_type, response.url))

    def open(self, url):
        response = self.page.goto(url, wait_until="networkidle")
        assert response.status == 200, f"{url}: HTTP {response.status}"
        self.page.evaluate("async () => { await document.fonts.ready; }")
        return self.page

    def check(self, url):
        """Everything loaded and the page is styled by the DSFR."""
        page = self.page
        assert not self.errors, f"{url}:\n" + "\n".join(self.errors)
        foreign = [u for _kind, u in self.loaded if not u.startswith(("data:", self.origin))]
        assert not foreign, f"{url} loads from elsewhere: {foreign}"
        kinds = {kind for kind, _url in self.loaded}
        assert {"stylesheet", "script", "font"} <= kinds, f"{url}: loaded only {kinds}"
        # Every stylesheet arrived and was applied (a blocked one has no rules).
        sheets = page.evaluate(
            """() => [...document.styleSheets].map(sheet => {
                 try { return [sheet.href, sheet.cssRules.length]; }
                 catch (error) { return [sheet.href, -1]; }
               })"""
        )
        assert sheets and all(count > 0 for _href, count in sheets), sheets
        header = page.evaluate(
            """() => { const style = getComputedStyle(document.querySelector('.fr-header'));
                       return {position: style.position, filter: style.filter}; }"""
        )
        assert header["position"] == "relative", header
        assert "drop-shadow" in header["filter"], header
        assert "Marianne" in page.evaluate("() => getComputedStyle(document.body).fontFamily")
        assert page.evaluate("() => document.fonts.check('1rem Marianne')")
        broken = page.evaluate(
            """() => [...document.images]
                 .filter(image => !image.complete || image.naturalWidth === 0)
                 .map(image => image.currentSrc || image.src)"""
        )
        assert not broken, f"{url}: images not loaded: {broken}"
        # DSFR icons are masks drawn from SVG files referenced by the (rewritten) CSS.
        icon = page.locator("[class*='fr-icon-'], [class*='fr-btn--']").first
        if icon.count():
            mask = icon.evaluate(
                "element => getComputedStyle(element, '::before').maskImage"
                " || getComputedStyle(element, '::before').webkitMaskImage"
            )
            assert mask in ("none", "") or "url(" in mask


@pytest.fixture
def watched(browser, production_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(production_url))
    yield Watched(page, origin)
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "fiche", "call"])
def test_pages_load_every_resource_and_are_styled(
    watched, production_url, addresses, kind, language
):
    path = {"home": f"/{language}/", **addresses}[kind]
    url = production_url + in_language(path, language)

    page = watched.open(url)

    watched.check(url)
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    # The DSFR's own scripts ran (they mark the document once started).
    assert page.evaluate("() => document.documentElement.hasAttribute('data-fr-js')")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_shows_markers(watched, production_url, language):
    url = f"{production_url}/{language}/carte/"

    page = watched.open(url)
    page.wait_for_selector("[data-map-widget][data-state=ready]")

    watched.check(url)
    markers = page.locator("[data-map-canvas] .map-marker, [data-map-canvas] .map-cluster")
    assert markers.count() > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_interest_form_loads_and_is_styled(watched, production_url, addresses, language):
    call = production_url + in_language(addresses["call"], language)
    watched.open(call)
    link = watched.page.locator("a[href*='/interet/']").first
    url = production_url + link.get_attribute("href")

    page = watched.open(url)

    watched.check(url)
    assert page.locator("form input[name=csrfmiddlewaretoken]").count() == 1
