"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

The browser is the system's (``CHROMIUM_PATH`` or ``chromium`` on the PATH); Playwright's own
browser downloads are never used. Without a browser the tests skip with the reason, except
under CI (``CI`` set), where a missing browser is a failure: a green CI must have run them.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from wagtail.models import Page

from cms.bootstrap import ensure_locales, ensure_skeleton
from tests.browser.helpers import unavailable

try:  # Optional (the dev extra): without it the browser tests skip, or fail under CI.
    from playwright.sync_api import sync_playwright
except ImportError:
    sync_playwright = None

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"
# Desktop width, where the DSFR shows the header tools (language switcher) without the menu.
DESKTOP = {"width": 1280, "height": 900}


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path:
        unavailable("no Chromium: apt-get install chromium, or set CHROMIUM_PATH")
    if sync_playwright is None:
        unavailable("the playwright package is missing: pip install -e '.[dev]'")
    # Playwright's sync API keeps an event loop in this thread; Django would then refuse the
    # test's own (synchronous) database calls made between browser steps.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            instance = playwright.chromium.launch(executable_path=path, args=BROWSER_ARGS)
            yield instance
            instance.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def portal(live_server, transactional_db):
    """The live server's base URL, with the portal's skeleton in every language.

    The live server runs in another thread, so the data must be committed: hence the
    transactional database, emptied after each test and bootstrapped here.
    """
    # Emptying the tables also removed the tree root that Wagtail's migrations create.
    if Page.get_first_root_node() is None:
        ensure_locales()
        Page.add_root(instance=Page(title="Root", slug="root"))
    ensure_skeleton()
    return live_server.url


class RecordedPage:
    """A browser tab that records every request it makes."""

    def __init__(self, page):
        self.page = page
        self.requests = []
        page.on("request", lambda request: self.requests.append(request.url))

    def foreign_requests(self, origin):
        """Requests to anywhere but ``origin`` (inline data: and blob: URLs are local)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in {"data", "blob"}
            and f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" != origin
        ]

    def axe_violations(self, impacts=("serious", "critical")):
        """Run axe-core in the page; the violations of the given impacts."""
        # Evaluated, not added as a <script>: the portal's Content-Security-Policy (script-src
        # 'self') rightly refuses an inline script tag, and the audit must run under it.
        self.page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
        result = self.page.evaluate("async () => await axe.run(document)")
        return [
            {
                "id": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "targets": [node["target"] for node in violation["nodes"]],
            }
            for violation in result["violations"]
            if violation["impact"] in impacts
        ]


@pytest.fixture
def recorded():
    """Wraps a page of a test's own browser context in the recorder."""
    return RecordedPage


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield RecordedPage(page)
    context.close()
