"""The portal's page types: valid HTML (Nu checker), no serious accessibility violation (axe),
and usable on a small screen, in French and in Arabic (right to left)."""

import pytest

from tests.browser.helpers import validation_errors
from tests.factories import small_dataset


def page_paths(data, code):
    dakar, call, article = data["dakar"], data["water_request"], data["article"]
    return {
        "home": f"/{code}/",
        "directory": f"/{code}/fiches/?country=SN",
        "directory-error": f"/{code}/fiches/?country=ZZ&page=0",
        "fiche": f"/{code}/fiches/{dakar.slug}/",
        "untranslated-fiche": f"/{code}/fiches/{data['lyon'].slug}/",
        "call": f"/{code}/fiches/{dakar.slug}/{call.slug}/",
        "calls": f"/{code}/fiches/appels/?direction=request",
        "country": f"/{code}/fiches/pays/sn/",
        "theme": f"/{code}/fiches/themes/water-sanitation/",
        "search": f"/{code}/recherche/?q=water",
        "news": f"/{code}/actualites/",
        "article": f"/{code}/actualites/{article.slug}/",
    }


@pytest.mark.django_db
def test_every_page_type_is_valid_html_in_french_and_arabic(client, skeleton, tmp_path):
    data = small_dataset()
    paths = []
    for code in ("fr", "ar"):
        for name, url in page_paths(data, code).items():
            response = client.get(url)
            assert response.status_code == 200, url
            path = tmp_path / f"{name}-{code}.html"
            path.write_bytes(response.content)
            paths.append(str(path))
    assert validation_errors(paths) == []


@pytest.fixture
def data(portal):
    return small_dataset()


@pytest.mark.browser
@pytest.mark.parametrize("code", ["fr", "en", "ar"])
def test_page_types_have_no_serious_accessibility_violation(portal, tab, data, code):
    found = {}
    for name, url in page_paths(data, code).items():
        tab.page.goto(f"{portal}{url}")
        violations = tab.axe_violations()
        if violations:
            found[name] = violations
    assert found == {}


@pytest.mark.browser
@pytest.mark.parametrize("code", ["fr", "ar"])
def test_fiche_and_directory_fit_a_320_pixel_screen(portal, browser, data, code):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        for url in (page_paths(data, code)["fiche"], page_paths(data, code)["calls"]):
            page.goto(f"{portal}{url}")
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, url
    finally:
        context.close()


@pytest.mark.browser
def test_directory_filters_live_in_the_address_and_the_back_button_works(portal, tab, data):
    tab.page.goto(f"{portal}/en/fiches/appels/")
    tab.page.select_option("#filter-direction", "request")
    tab.page.get_by_role("button", name="Filter").click()
    tab.page.wait_for_url("**/en/fiches/appels/?*direction=request*")
    titles = tab.page.locator(".fr-card__title a").all_inner_texts()
    assert titles == ["Drinking water for Dakar"]
    tab.page.go_back()
    tab.page.wait_for_url(f"{portal}/en/fiches/appels/")
    assert len(tab.page.locator(".fr-card__title a").all_inner_texts()) == 3
