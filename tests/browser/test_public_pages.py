"""What a visitor's browser does with the public pages: loads, reads, switches language."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("code", "direction"), [("fr", "ltr"), ("ar", "rtl")])
def test_home_page_loads_styled_and_self_contained(portal, tab, code, direction):
    response = tab.page.goto(f"{portal}/{code}/")
    assert response.status == 200
    html = tab.page.locator("html")
    assert html.get_attribute("lang") == code
    assert html.get_attribute("dir") == direction
    assert tab.page.locator("h1").is_visible()
    # The DSFR stylesheet applied: the body is set in Marianne.
    font = tab.page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Marianne" in font
    tab.page.wait_for_load_state("networkidle")
    assert tab.foreign_requests(portal) == []


@pytest.mark.parametrize("path", ["/fr/", "/ar/", "/en/fiches/", "/es/no-such-page/"])
def test_pages_have_no_serious_accessibility_violation(portal, tab, path):
    tab.page.goto(f"{portal}{path}")
    tab.page.wait_for_load_state("networkidle")
    assert tab.axe_violations() == []


def test_language_switcher_leads_from_french_to_english(portal, tab):
    tab.page.goto(f"{portal}/fr/fiches/")
    switcher = tab.page.locator(".fr-header__tools .fr-translate__btn")
    switcher.click()
    tab.page.locator('.fr-header__tools a[hreflang="en"]').click()
    tab.page.wait_for_url(f"{portal}/en/fiches/")
    assert tab.page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_pages_fit_a_320_pixel_screen(portal, browser, code):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(f"{portal}/{code}/fiches/")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320
        # On a small screen the navigation sits behind the menu button.
        page.locator("#header-menu-button").click()
        assert page.locator("#header-navigation a[href$='/fiches/']").is_visible()
    finally:
        context.close()


# The harness's own checks must be able to fail: shown on pages made to fail them.


def test_axe_reports_what_it_should(tab):
    tab.page.set_content('<html lang="fr"><title>T</title><main><img src="data:,"></main></html>')
    assert [violation["id"] for violation in tab.axe_violations()] == ["image-alt"]


def test_requests_outside_the_portal_are_recorded(portal, browser, recorded):
    # The recorder itself, without the portal's Content-Security-Policy (which would block the
    # foreign request before it is made, leaving nothing to record).
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        tab = recorded(page)
        page.route("http://elsewhere.invalid/**", lambda route: route.abort())
        page.goto(f"{portal}/fr/")
        page.evaluate("fetch('http://elsewhere.invalid/x.js').catch(() => null)")
        page.wait_for_load_state("networkidle")
        assert tab.foreign_requests(portal) == ["http://elsewhere.invalid/x.js"]
    finally:
        context.close()
