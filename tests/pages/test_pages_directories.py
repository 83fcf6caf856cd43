"""Directories (authorities, calls), country, theme and search pages: filters in the address,
pagination, errors in the visitor's language, and every page reachable by links alone."""

import datetime
from urllib.parse import urljoin, urlsplit

import pytest

from tests.factories import make_authority, make_call, small_dataset
from tests.helpers import RenderedPage, card_titles, get

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(skeleton):
    return small_dataset()


def card_links(client, url):
    return card_titles(get(client, url))


# --- Authority directory --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"lyon", "dakar", "nouakchott"}),
        ("?country=SN", {"dakar"}),
        ("?country=sn", {"dakar"}),
        ("?kind=region", {"nouakchott"}),
        ("?french=french", {"lyon"}),
        ("?french=foreign", {"dakar", "nouakchott"}),
        ("?theme=water-sanitation", {"dakar"}),
        ("?theme=water-sanitation&country=FR", set()),
    ],
)
def test_authority_directory_filters_narrow_the_list(client, data, query, expected):
    links = card_links(client, f"/fr/fiches/{query}")
    assert set(links) == {data[name].url for name in expected}


def test_authority_directory_form_keeps_the_chosen_filters(client, data):
    page = get(client, "/fr/fiches/?country=SN&kind=municipality")
    selected = {
        attrs.get("value") for tag, attrs in page.tags if tag == "option" and "selected" in attrs
    }
    assert {"SN", "municipality"} <= selected
    forms = [attrs for tag, attrs in page.tags if tag == "form"]
    assert forms[0]["method"] == "get"  # shareable addresses, the back button works


@pytest.mark.parametrize(
    ("query", "language", "message"),
    [
        ("?country=ZZ", "fr", "Sélectionnez un choix valide"),
        ("?kind=castle", "en", "Select a valid choice"),
        ("?theme=no-such-theme", "es", "Escoja una opción válida"),
        ("?french=maybe", "ar", "انتق خياراً صحيحاً"),
        ("?page=abc", "fr", "Saisissez un nombre entier"),
        ("?page=0", "en", "greater than or equal to 1"),
        ("?page=99999999999", "pt", "menor ou igual"),
    ],
)
def test_invalid_filter_is_reported_in_the_visitors_language_with_the_whole_list(
    client, data, query, language, message
):
    page = get(client, f"/{language}/fiches/{query}")
    alerts = page.with_class("div", "fr-alert--error")
    assert alerts
    assert message in page.text
    # The bad value is ignored: the list is the unfiltered one.
    assert len(card_titles(page)) == 3


def test_invalid_filter_does_not_drop_the_valid_ones(client, data):
    links = card_links(client, "/fr/fiches/?country=SN&kind=castle")
    assert links == [data["dakar"].url]


def test_authority_directory_is_paginated_keeping_the_filters(client, skeleton):
    for number in range(25):
        make_authority(f"Town {number:02d}", country="SN")
    make_authority("Elsewhere", country="MR")
    first = get(client, "/fr/fiches/?country=SN")
    assert len(card_titles(first)) == 20
    pages = first.links("fr-pagination__link")
    assert "?country=SN&page=2" in pages
    second = get(client, "/fr/fiches/?country=SN&page=2")
    assert len(card_titles(second)) == 5
    assert not set(card_titles(first)) & set(card_titles(second))
    assert "?country=SN&page=1" in second.links("fr-pagination__link")
    beyond = get(client, "/fr/fiches/?country=SN&page=9")
    assert card_titles(beyond) == []
    assert "?country=SN&page=2" in beyond.links("fr-pagination__link")


def test_list_lists_untranslated_fiches_at_an_address_in_the_visitors_language(client, data):
    links = card_links(client, "/en/fiches/")
    assert set(links) == {"/en/fiches/lyon/", "/en/fiches/dakar/", "/en/fiches/nouakchott/"}
    page = get(client, "/en/fiches/")
    assert "Lyon" in page.in_language("fr")
    assert "Dakar (English)" not in page.in_language("fr")


# --- Calls directory ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"water_request", "closed_offer", "lyon_offer"}),
        ("?direction=request", {"water_request"}),
        ("?direction=offer", {"closed_offer", "lyon_offer"}),
        ("?theme=water-sanitation", {"water_request", "lyon_offer"}),
        ("?country=FR", {"lyon_offer", "water_request", "closed_offer"}),  # targets France
        ("?country=MR", set()),
        ("?status=closed", {"closed_offer"}),
        ("?status=open&direction=offer", {"lyon_offer"}),
    ],
)
def test_calls_directory_filters_narrow_the_list(client, data, query, expected):
    links = card_links(client, f"/fr/fiches/appels/{query}")
    assert set(links) == {data[name].url for name in expected}


def test_calls_directory_invalid_status_is_an_error_not_a_server_error(client, data):
    page = get(client, "/en/fiches/appels/?status=forgotten&direction=request")
    assert "Select a valid choice" in page.text
    assert card_titles(page) == [f"/en/fiches/dakar/{data['water_request'].slug}/"]


def test_calls_directory_marks_calls_past_their_deadline(client, data):
    make_call(
        data["lyon"],
        "Past deadline",
        deadline=datetime.date.today() - datetime.timedelta(days=2),
        start_date=datetime.date(2020, 1, 1),
    )
    page = get(client, "/en/fiches/appels/?status=open")
    assert "Deadline passed" in page.text


# --- Country and theme pages -----------------------------------------------------------------


def test_country_page_shows_its_coverage_authorities_and_open_calls(client, data):
    page = get(client, "/fr/fiches/pays/sn/")
    # Fiches, French cooperations, open calls, open requests without a French partner.
    assert len(page.with_class("p", "fr-display--xs")) == 4
    assert "Sénégal" in page.text
    assert card_titles(page).count(data["dakar"].url) == 1
    # Open calls concerning Senegal: Dakar's request and Lyon's offer targeting it.
    assert data["water_request"].url in card_titles(page)
    assert data["lyon_offer"].url in card_titles(page)
    assert data["closed_offer"].url not in card_titles(page)


def test_country_page_figures_come_from_the_coverage(client, data):
    page = get(client, "/en/fiches/pays/sn/")
    parts = page.html.split('class="fr-display--xs fr-mb-0">')[1:]
    numbers = [int(part.split("<", 1)[0]) for part in parts]
    # 1 fiche, 1 cooperation with Lyon, 1 open call, and its request has an active French
    # partner (Lyon) so it does not count among the requests without one.
    assert numbers == [1, 1, 1, 0]


def test_country_page_of_a_country_without_fiches_and_unknown_codes(client, data):
    page = get(client, "/en/fiches/pays/jp/")
    assert "Japan" in page.text
    assert "No authority of this country has a fiche yet." in page.text
    assert client.get("/en/fiches/pays/zz/").status_code == 404
    assert client.get("/en/fiches/pays/fra/").status_code == 404


def test_theme_page_lists_authorities_seeking_it_and_open_calls(client, data):
    page = get(client, "/en/fiches/themes/water-sanitation/")
    assert "Water and sanitation" in page.text
    assert "SDG 6" in page.text
    titles = card_titles(page)
    assert "/en/fiches/dakar/" in titles
    assert "/en/fiches/lyon/" not in titles  # Lyon seeks culture, not water
    assert f"/en/fiches/lyon/{data['lyon_offer'].slug}/" in titles
    assert client.get("/en/fiches/themes/no-such-theme/").status_code == 404


# --- Search ---------------------------------------------------------------------------------


def test_search_finds_fiches_calls_and_news(client, data):
    page = get(client, "/fr/recherche/?q=water")
    titles = card_titles(page)
    assert data["water_request"].url in titles
    assert data["lyon_offer"].url in titles
    assert data["article"].url in titles
    assert data["nouakchott"].url not in titles


def test_search_without_words_shows_the_form_only(client, data):
    page = get(client, "/en/recherche/")
    assert card_titles(page) == []
    assert [attrs for tag, attrs in page.tags if tag == "input" and attrs.get("name") == "q"]


def test_search_with_too_many_words_is_an_error_not_a_server_error(client, data):
    page = get(client, "/en/recherche/?q=" + "water " * 100)
    assert "at most 200 characters" in page.text


def test_search_is_paginated(client, skeleton):
    for number in range(22):
        make_authority(f"Harbour town {number:02d}", summary="A harbour on the coast.")
    first = get(client, "/fr/recherche/?q=harbour")
    assert len(card_titles(first)) == 20
    assert "?q=harbour&page=2" in first.links("fr-pagination__link")
    assert len(card_titles(get(client, "/fr/recherche/?q=harbour&page=2"))) == 2


# --- Reachability ---------------------------------------------------------------------------


def crawl(client, start, limit=400):
    """Addresses reachable from ``start`` by following links within the language."""
    prefix = start
    seen, queue = set(), [start]
    while queue and len(seen) < limit:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming or not response["Content-Type"].startswith("text/html"):
            continue  # exports, feeds
        for href in RenderedPage(response.content.decode()).links():
            absolute = urljoin(url, href)
            parts = urlsplit(absolute)
            if parts.netloc or not parts.path.startswith(prefix):
                continue
            if "page=" in parts.query:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                queue.append(target)
    return seen


def test_every_page_is_reachable_from_the_home_page_by_links(client, data):
    reached = {urlsplit(url).path for url in crawl(client, "/fr/")}
    expected = {
        "/fr/fiches/",
        "/fr/fiches/appels/",
        "/fr/recherche/",
        "/fr/actualites/",
        data["dakar"].url,
        data["lyon"].url,
        data["nouakchott"].url,
        data["water_request"].url,
        data["lyon_offer"].url,
        data["closed_offer"].url,
        data["article"].url,
        "/fr/fiches/pays/sn/",
        "/fr/fiches/themes/water-sanitation/",
    }
    assert expected <= reached


def test_main_navigation_leads_to_the_calls_directory_and_the_search(client, data):
    page = get(client, "/en/fiches/appels/")
    navigation = page.links("fr-nav__link")
    assert "/en/fiches/appels/" in navigation and "/en/recherche/" in navigation
    current = [
        attrs["href"]
        for attrs in page.with_class("a", "fr-nav__link")
        if attrs.get("aria-current") == "page"
    ]
    assert current == ["/en/fiches/appels/"]
