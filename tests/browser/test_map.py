"""The map widget in a real browser: markers, filters, popups, coverage, accessibility."""

import json

import pytest
from django.utils import translation

from tests.browser.helpers import validation_errors
from tests.factories import graphql, make_authority, make_call, small_dataset

pytestmark = pytest.mark.browser

READY = "[data-map-widget][data-state=ready]"
COUNT = "[data-map-count]"
PHONE = {"width": 360, "height": 740}
CLUSTERS = "[data-map-canvas] .map-cluster"


@pytest.fixture
def data(portal):
    data = small_dataset()
    # Mali: an open request and no French partner, a white zone.
    bamako = make_authority("Bamako", country="ML", latitude=12.65, longitude=-8.0)
    make_call(bamako, "Sanitation in Bamako", direction="request")
    return data


def open_map(tab, portal, path="/fr/carte/"):
    tab.page.goto(f"{portal}{path}")
    tab.page.wait_for_selector(READY)
    return tab.page


def shown_count(page):
    return int(page.locator(COUNT).get_attribute("data-count"))


def api_count(client, **filters):
    arguments = ", ".join(f"{name}: {json.dumps(value)}" for name, value in filters.items())
    result = graphql(client, f'{{ mapFeatures(locale: "fr", {arguments}) }}')
    return len(json.loads(result["data"]["mapFeatures"])["features"])


def test_map_loads_with_markers_and_a_result_list(portal, tab, data):
    page = open_map(tab, portal)
    assert shown_count(page) == 3  # Dakar, Lyon, Bamako; Nouakchott has no coordinates
    # Every point is on the map, alone or inside a cluster.
    alone = page.locator("[data-map-canvas] .map-marker").count()
    grouped = sum(
        int(text) for text in page.locator("[data-map-canvas] .map-cluster span[aria-hidden]")
        .all_inner_texts()
    )  # fmt: skip
    assert alone >= 1
    assert alone + grouped == 3
    items = page.locator("[data-map-results] > li")
    assert items.count() == 3
    assert items.first.locator("a").inner_text() == "Bamako"


def test_french_and_foreign_markers_differ_by_shape_not_only_colour(portal, tab, data):
    page = open_map(tab, portal, "/fr/carte/?country=FR")
    assert page.locator(".map-marker[title='Lyon'] svg rect").count() == 1
    page = open_map(tab, portal, "/fr/carte/?country=ML")
    bamako = page.locator(".map-marker[title='Bamako'] svg")
    assert bamako.locator("circle").count() == 1
    # An open request adds a sign (a downward triangle), not only a colour.
    assert bamako.locator(".map-symbol__sign path").count() == 1
    assert "map-symbol--request" in bamako.get_attribute("class")


def test_theme_filter_shows_what_the_api_gives_and_lives_in_the_address(portal, tab, data, client):
    page = open_map(tab, portal)
    everything = shown_count(page)
    page.select_option("#map-filter-theme", "water-sanitation")
    page.wait_for_selector(READY)
    expected = api_count(client, theme="water-sanitation")
    assert expected < everything
    assert shown_count(page) == expected
    assert page.locator("[data-map-results] > li").count() == expected
    assert page.url == f"{portal}/fr/carte/?theme=water-sanitation"
    # The browser's history walks through the filters.
    page.go_back()
    page.wait_for_function(f"document.querySelector('{COUNT}').dataset.count == '{everything}'")
    assert page.locator("#map-filter-theme").input_value() == ""
    page.go_forward()
    page.wait_for_function(f"document.querySelector('{COUNT}').dataset.count == '{expected}'")
    # The address is shareable: opening it gives the same map.
    shared = open_map(tab, portal, "/fr/carte/?theme=water-sanitation")
    assert shown_count(shared) == expected
    assert shared.locator("#map-filter-theme").input_value() == "water-sanitation"


def test_direction_and_french_filters(portal, tab, data):
    page = open_map(tab, portal, "/fr/carte/?direction=request")
    titles = page.locator("[data-map-results] > li .map-result__title").all_inner_texts()
    assert titles == ["Bamako", "Dakar"]
    # The same vocabulary as the directories: french=french|foreign.
    page.select_option("#map-filter-french", "french")
    page.wait_for_selector(READY)
    assert shown_count(page) == 0
    assert page.locator("[data-map-empty]").is_visible()
    assert "french=french" in page.url


def test_unknown_filter_in_the_address_is_reported_in_the_visitors_language(portal, tab, data):
    page = open_map(tab, portal, "/fr/carte/?theme=no-such-theme")
    notice = page.locator("[data-map-notice]")
    assert notice.is_visible()
    with translation.override("fr"):
        expected = translation.gettext(
            "Some filters in the address were not recognised and were ignored."
        )
    assert notice.inner_text().strip() == expected
    assert shown_count(page) == 3
    assert "theme=" not in page.url


def test_popup_link_opens_the_fiche_in_the_current_language(portal, tab, data):
    # One country: the map frames it, and the marker stands alone, out of any cluster.
    page = open_map(tab, portal, "/en/carte/?country=SN")
    page.locator(".map-marker[title='Dakar (English)']").click()
    link = page.locator(".leaflet-popup a", has_text="Dakar (English)")
    link.click()
    page.wait_for_url(f"{portal}/en/fiches/dakar/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Dakar (English)"


def test_show_on_map_opens_the_popup_and_moves_focus_to_it(portal, tab, data):
    page = open_map(tab, portal, "/en/carte/")
    item = page.locator("[data-map-results] > li", has_text="Lyon")
    item.locator("button").click()
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    assert page.evaluate("document.activeElement.textContent") == "Lyon"
    close = popup.locator(".leaflet-popup-close-button")
    with translation.override("en"):
        assert close.get_attribute("aria-label") == translation.gettext("Close")


@pytest.fixture
def one_town(data):
    """Two fiches at the same place: a cluster down to the last zoom."""
    return [
        make_authority(title, country="BF", latitude=12.37, longitude=-1.53)
        for title in ("Ouagadougou", "Kadiogo")
    ]


def zoom_of(page):
    return int(page.locator("[data-map-widget]").get_attribute("data-zoom"))


def test_a_cluster_zooms_in_and_at_the_last_zoom_lists_its_fiches(portal, tab, one_town):
    page = open_map(tab, portal, "/fr/carte/?country=BF")
    assert page.locator("[data-map-canvas] .map-marker").count() == 0
    cluster = page.locator(CLUSTERS)
    assert cluster.locator("span[aria-hidden]").inner_text() == "2"
    before = zoom_of(page)
    cluster.click()
    assert before < 10
    page.wait_for_selector("[data-map-widget][data-zoom='10']")
    page.locator(CLUSTERS).click()
    links = page.locator(".leaflet-popup .map-popup__group a")
    assert links.all_inner_texts() == ["Kadiogo", "Ouagadougou"]
    kadiogo = next(fiche for fiche in one_town if fiche.title == "Kadiogo")
    assert links.first.get_attribute("href") == kadiogo.url


def test_keyboard_users_expand_a_cluster_and_stay_in_the_map(portal, tab, one_town):
    page = open_map(tab, portal, "/fr/carte/?country=BF")
    before = zoom_of(page)
    page.locator(CLUSTERS).focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(f"[data-map-widget]:not([data-zoom='{before}'])")
    assert zoom_of(page) > before
    assert page.evaluate(
        "document.querySelector('[data-map-canvas]').contains(document.activeElement)"
    )


def test_show_on_map_of_a_fiche_sharing_its_place_opens_the_list_at_its_link(portal, tab, one_town):
    page = open_map(tab, portal, "/fr/carte/?country=BF")
    item = page.locator("[data-map-results] > li", has_text="Ouagadougou")
    item.locator("button").click()
    page.locator(".leaflet-popup .map-popup__group").wait_for()
    assert page.evaluate("document.activeElement.textContent") == "Ouagadougou"
    assert zoom_of(page) == 10


def test_coverage_layer_draws_countries_and_white_zones(portal, tab, data):
    page = open_map(tab, portal)
    page.wait_for_selector("[data-map-widget][data-coverage=drawn]")
    assert page.locator("path.map-country").count() > 200
    # Senegal and Mali have fiches; Mali has an open request and no French partner.
    assert page.locator("path.map-country--c1").count() == 1  # Senegal: Dakar with Lyon
    assert page.locator("path.map-country--white-zone").count() == 1
    rows = page.locator("[data-map-coverage-rows] tr")
    assert rows.count() == 4  # France, Mali, Mauritania, Senegal
    assert rows.filter(has_text="Mali").locator(".fr-badge").count() == 1
    page.locator("label[for=map-coverage-toggle]").click()
    assert not page.locator("#map-coverage-toggle").is_checked()
    assert page.locator("[data-map-coverage-legend]").is_hidden()


def test_map_makes_no_request_outside_the_portal(portal, tab, data):
    open_map(tab, portal)
    tab.page.wait_for_load_state("networkidle")
    assert tab.foreign_requests(portal) == []
    requested = [url for url in tab.requests if "/graphql/" in url or "countries-50m" in url]
    assert len(requested) == 2


@pytest.mark.parametrize("path", ["/fr/carte/", "/ar/carte/?theme=water-sanitation"])
def test_map_page_has_no_serious_accessibility_violation(portal, tab, data, path):
    open_map(tab, portal, path)
    tab.page.wait_for_selector("[data-map-widget][data-coverage=drawn]")
    assert tab.axe_violations() == []


def test_keyboard_users_can_skip_and_leave_the_map(portal, tab, data):
    page = open_map(tab, portal)
    page.locator(".map-widget__skip").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "map-widget-results"
    # From the map, Tab reaches the page after it: the map is no keyboard trap.
    page.locator("[data-map-canvas]").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "document.querySelector('[data-map-canvas]').contains(document.activeElement)"
        )
        if not inside:
            break
    assert not inside


def test_on_a_phone_the_list_comes_under_the_map(portal, browser, data):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(f"{portal}/fr/carte/")
        page.wait_for_selector(READY)
        canvas = page.locator("[data-map-canvas]").bounding_box()
        results = page.locator("[data-map-results]").bounding_box()
        assert results["y"] >= canvas["y"] + canvas["height"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_map_page_markup_is_valid(client, skeleton, tmp_path, code):
    response = client.get(f"/{code}/carte/")
    path = tmp_path / f"map-{code}.html"
    path.write_bytes(response.content)
    assert validation_errors([str(path)]) == []
