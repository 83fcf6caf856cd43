"""The map page and its widget: rendering in every language, self-contained assets, and the
operation the widget runs (graphql/map.graphql) against the public endpoint."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from graphql import build_schema, parse, validate

from cms.api.schema import schema
from cms.api.validation import validation_rules
from portal import map as portal_map
from tests.factories import graphql, make_authority, make_call, restrict, small_dataset

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "portal" / "static" / "portal" / "vendor" / "world-atlas" / "countries-50m.json"
# Absolute URLs that vendored code may contain without the page ever fetching them: the SVG
# namespace, Leaflet's attribution link (the widget replaces that prefix) and a licence note.
NON_FETCHING_URLS = {
    "http://www.w3.org/2000/svg",
    "https://leafletjs.com",
    "https://github.com/topojson/topojson-client",
}
URL = re.compile(r"https?://[^\s\"'()<>]+")


@pytest.fixture
def data(skeleton):
    return small_dataset()


def widget_operation(client, locale="en"):
    """What the widget posts: the document served to the page, with the page's locale."""
    response = client.post(
        "/graphql/",
        {
            "query": portal_map.operation_document(),
            "operationName": portal_map.OPERATION_NAME,
            "variables": {"locale": locale},
        },
        content_type="application/json",
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def features_of(data):
    return json.loads(data["mapFeatures"])["features"]


def page_config(response):
    match = re.search(
        r'<script id="map-widget-config" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, "the page carries no widget configuration"
    return json.loads(match.group(1))


# --- the page ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "direction", "heading"),
    [("fr", "ltr", "Carte des collectivités"), ("en", "ltr", "Map of the authorities"),
     ("ar", "rtl", "خريطة الجماعات المحلية")],
)  # fmt: skip
def test_map_page_renders_in_the_visitors_language(client, skeleton, code, direction, heading):
    response = client.get(f"/{code}/carte/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}" dir="{direction}"' in html
    assert f"<h1>{heading}</h1>" in html
    config = page_config(response)
    assert config["locale"] == code
    assert config["dir"] == direction
    assert config["operation"] == (ROOT / "graphql" / "map.graphql").read_text()
    assert config["fullMapUrl"] == f"/{code}/carte/"
    with translation.override(code):
        assert config["strings"]["count"] == translation.gettext("Authorities shown: %(count)s")


def test_every_visible_string_of_the_widget_is_translated(client, skeleton):
    french = page_config(client.get("/fr/carte/"))["strings"]
    english = page_config(client.get("/en/carte/"))["strings"]
    untranslated = [name for name in english if french[name] == english[name]]
    assert untranslated == []


def test_map_is_in_the_main_navigation(client, skeleton):
    html = client.get("/en/carte/").content.decode()
    assert '<a class="fr-nav__link" href="/en/carte/" aria-current="page">' in html


def test_filters_in_the_address_never_break_the_page(client, skeleton):
    response = client.get("/fr/carte/?theme=%3Cscript%3E&country=ZZ&french=maybe&page=-1")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_language_switcher_keeps_the_filters(client, skeleton):
    html = client.get("/fr/carte/?theme=health&direction=request").content.decode()
    assert 'href="/en/carte/?theme=health&amp;direction=request"' in html


# --- nothing fetched from elsewhere ----------------------------------------------------------


class ResourceCollector(HTMLParser):
    """Addresses the browser fetches on its own: scripts, stylesheets, images, frames."""

    FETCHED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "embed": "src",
               "audio": "src", "video": "src", "object": "data"}  # fmt: skip

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.FETCHED and attrs.get(self.FETCHED[tag]):
            self.urls.append(attrs[self.FETCHED[tag]])
        if tag == "link" and attrs.get("href") and attrs.get("rel") != "alternate":
            self.urls.append(attrs["href"])
        if attrs.get("style"):
            self.urls += re.findall(r"url\(['\"]?([^'\")]+)", attrs["style"])


def is_local(url):
    parts = urlsplit(url)
    return parts.scheme in ("", "data") and not parts.netloc or parts.netloc == "testserver"


def served_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content).decode()


def test_map_page_fetches_nothing_from_another_host(client, skeleton):
    parser = ResourceCollector()
    parser.feed(client.get("/fr/carte/").content.decode())
    assert parser.urls, "no resource found: the collector is broken"
    assert [url for url in parser.urls if not is_local(url)] == []


def test_widget_markup_and_own_assets_hold_no_external_address(client, skeleton):
    with translation.override("fr"):
        fragment = render_to_string("components/map.html", {"locale": "fr"})
    assert URL.findall(fragment) == []
    parser = ResourceCollector()
    parser.feed(fragment)
    own = [url for url in parser.urls if "/portal/map/" in url]
    assert len(own) == 3  # map.css, map-request.js and map.js
    for url in own:
        assert URL.findall(served_text(client, url)) == [], url


def test_vendored_map_assets_fetch_nothing_from_another_host(client, skeleton):
    with translation.override("fr"):
        fragment = render_to_string("components/map.html", {"locale": "fr"})
    parser = ResourceCollector()
    parser.feed(fragment)
    vendored = [url for url in parser.urls if "/vendor/" in url]
    assert len(vendored) == 4  # leaflet css+js, supercluster, topojson-client
    for url in vendored:
        text = served_text(client, url)
        if url.endswith(".css"):
            targets = re.findall(r"url\(['\"]?([^'\")]+)", text)
            assert [t for t in targets if not (is_local(t) or t.startswith("#"))] == [], url
            # Comments may cite bug trackers; nothing outside comments may name a host.
            text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        assert set(URL.findall(text)) <= NON_FETCHING_URLS, url


def test_basemap_is_a_local_file_and_tiles_are_off_by_default(client, skeleton):
    config = page_config(client.get("/fr/carte/"))
    assert config["tiles"] is None
    assert is_local(config["basemap"])
    atlas = json.loads(served_text(client, config["basemap"]))
    assert atlas["type"] == "Topology"


@override_settings(
    MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png",
    MAP_TILE_ATTRIBUTION="© Example contributors",
)
def test_a_tile_layer_is_used_only_when_configured(client, skeleton):
    config = page_config(client.get("/fr/carte/"))
    assert config["tiles"] == {
        "url": "https://tiles.example.org/{z}/{x}/{y}.png",
        "attribution": "© Example contributors",
    }


def test_every_country_shape_joins_an_iso_alpha2_code():
    shapes = json.loads(ATLAS.read_text())["objects"]["countries"]["geometries"]
    codes = portal_map.numeric_country_codes()
    ids = [shape["id"] for shape in shapes if "id" in shape]
    assert len(ids) > 230
    assert [shape_id for shape_id in ids if shape_id not in codes] == []
    assert codes["250"] == "FR"
    assert codes["686"] == "SN"
    assert codes["004"] == "AF"


def test_compact_widget_has_no_filters_and_links_to_the_full_map(skeleton):
    with translation.override("en"):
        fragment = render_to_string("components/map.html", {"locale": "en", "compact": True})
    assert "data-map-filters" not in fragment
    assert 'href="/en/carte/"' in fragment
    config = json.loads(
        re.search(r'id="map-widget-config" type="application/json">(.*?)</script>', fragment).group(
            1
        )
    )
    assert config["compact"] is True
    assert config["perBatch"] < portal_map.RESULTS_PER_BATCH[False]


# --- the operation -------------------------------------------------------------------------


def test_operation_is_valid_against_the_schema_and_its_snapshot():
    document = parse(portal_map.operation_document())
    assert validate(schema.graphql_schema, document, validation_rules()) == []
    snapshot = build_schema((ROOT / "graphql" / "schema.graphql").read_text())
    assert validate(snapshot, document) == []


def test_operation_returns_points_coverage_and_themes(client, data):
    result = widget_operation(client, "en")
    by_title = {f["properties"]["title"]: f for f in features_of(result)}
    # Nouakchott has no coordinates; Dakar comes in English, Lyon in its source language.
    assert set(by_title) == {"Dakar (English)", "Lyon"}
    dakar = by_title["Dakar (English)"]["properties"]
    assert dakar["url"] == "/en/fiches/dakar/"
    assert dakar["openRequests"] == 1
    assert by_title["Lyon"]["properties"]["locale"] == "fr"
    countries = {row["code"]: row for row in result["countries"]}
    assert countries["SN"]["name"] == "Senegal"
    assert countries["SN"]["frenchCooperations"] == 1
    assert "water-sanitation" in {theme["slug"] for theme in result["themes"]}


def test_operation_costs_the_same_queries_for_any_number_of_fiches(client, data):
    with CaptureQueriesContext(connection) as few:
        widget_operation(client, "fr")
    for number in range(8):
        extra = make_authority(f"Extra {number}", country="MA", theme_slugs=["health"])
        make_call(extra, direction="request")
    cache.clear()
    with CaptureQueriesContext(connection) as more:
        assert len(features_of(widget_operation(client, "fr"))) == 10
    assert len(more) == len(few)
    # Cached until content changes: a second visitor costs no payload query.
    with CaptureQueriesContext(connection) as cached:
        widget_operation(client, "fr")
    assert len(cached) < len(few)


def test_operation_shows_nothing_unpublished_private_or_personal(client, data):
    make_authority("Draft town", publish=False)
    hidden = make_authority("Private town")
    restrict(hidden)
    payload = json.dumps(widget_operation(client, "fr"))
    assert "Draft town" not in payload
    assert "Private town" not in payload
    assert "@example.org" not in payload
    assert "+221" not in payload


# The widget filters in the browser. These pin what it relies on: for every filter, the
# points it keeps are exactly those the API's own mapFeatures filter returns.


def widget_keeps(properties, theme=None, country=None, kind=None, french=None):
    """The widget's rule (map.js, ``matches``) for the filters mapFeatures also takes."""
    return (
        (theme is None or theme in properties["themes"])
        and (country is None or properties["country"] == country)
        and (kind is None or properties["kind"] == kind)
        and (french is None or properties["french"] is french)
    )


@pytest.fixture
def varied(data):
    make_authority("Rabat", country="MA", kind="region", theme_slugs=["health", "water-sanitation"])
    make_authority("Lille", country="FR", kind="department", theme_slugs=["health"])
    make_authority("Cayenne", country="GF", theme_slugs=["culture-heritage"])
    bamako = make_authority("Bamako", country="ML", theme_slugs=["water-sanitation"])
    make_call(bamako, direction="request", theme_slugs=["water-sanitation"])
    return data


@pytest.mark.parametrize(
    "filters",
    [
        {"theme": "water-sanitation"},
        {"theme": "health"},
        {"country": "MA"},
        {"kind": "REGION"},
        {"french": True},
        {"french": False},
        {"theme": "water-sanitation", "french": False},
    ],
)
def test_widget_filtering_matches_the_api_filter(client, varied, filters):
    everything = features_of(widget_operation(client, "fr"))
    kept = {f["properties"]["id"] for f in everything if widget_keeps(f["properties"], **filters)}
    arguments = ", ".join(
        f"{name}: {json.dumps(value) if name != 'kind' else value}"
        for name, value in filters.items()
    )
    result = graphql(client, f'{{ mapFeatures(locale: "fr", {arguments}) }}')
    from_api = {f["properties"]["id"] for f in features_of(result["data"])}
    assert kept == from_api
    assert kept  # every case above keeps something: an empty match would prove nothing


def test_theme_filter_count(client, varied):
    result = graphql(client, '{ mapFeatures(locale: "fr", theme: "water-sanitation") }')
    titles = sorted(f["properties"]["title"] for f in features_of(result["data"]))
    assert titles == ["Bamako", "Dakar", "Rabat"]


def test_white_zones_are_countries_with_requests_and_no_french_partner(client, varied):
    countries = {row["code"]: row for row in widget_operation(client, "fr")["countries"]}
    # Mali: an open request, no cooperation with a French authority.
    assert countries["ML"]["frenchCooperations"] == 0
    assert countries["ML"]["openRequestsWithoutFrenchPartner"] == 1
    # Senegal: an open request too, but Dakar cooperates with Lyon.
    assert countries["SN"]["frenchCooperations"] == 1
