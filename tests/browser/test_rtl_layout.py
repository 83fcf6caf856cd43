"""A phone in Arabic must never scroll sideways: RTL is where the DSFR's own CSS slips."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}


@pytest.mark.parametrize("path", ["/ar/", "/ar/fiches/", "/ar/actualites/", "/fr/"])
def test_no_sideways_scroll_on_a_360px_phone(browser, portal, path):
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(portal + path, wait_until="networkidle")
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide on a {widths[1]} px screen"
    finally:
        page.close()
