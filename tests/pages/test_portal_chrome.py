"""The public chrome (DSFR header, language switcher, hreflang, Open Graph, footer), the
error pages, robots.txt, the sitemap and the RSS/Atom feeds."""

import datetime
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from django.views.defaults import server_error
from wagtail.models import Locale

from tests.factories import make_authority, make_call, make_news, restrict, translate

LANGUAGES = ("fr", "en", "es", "pt", "ar")
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}
ATOM_NS = {"a": "http://www.w3.org/2005/Atom"}


class Elements(HTMLParser):
    """The start tags of a page with their attributes, and the text inside chosen tags."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **attrs):
        return [
            found
            for name, found in self.tags
            if name == tag
            and all(found.get(key.rstrip("_")) == value for key, value in attrs.items())
        ]

    def with_class(self, tag, css_class):
        return [
            found
            for name, found in self.tags
            if name == tag and css_class in found.get("class", "").split()
        ]


def get_html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def switcher_links(html):
    return {
        link["hreflang"]: link["href"]
        for link in Elements(html).with_class("a", "fr-translate__language")
    }


def alternates(html):
    links = Elements(html).find("link", rel="alternate")
    # The feeds' autodiscovery links are alternates too, without hreflang.
    return {link["hreflang"]: link["href"] for link in links if "hreflang" in link}


def meta_property(html, name):
    found = Elements(html).find("meta", property=name)
    return [tag["content"] for tag in found]


pytestmark = pytest.mark.django_db


# --- Chrome -------------------------------------------------------------------------------


def test_home_page_wears_the_state_design_system_served_by_the_portal(client, skeleton):
    html = get_html(client, "/fr/")
    stylesheets = [link["href"] for link in Elements(html).find("link", rel="stylesheet")]
    assert "/static/dsfr/dist/dsfr/dsfr.min.css" in stylesheets
    assert all(href.startswith("/static/") for href in stylesheets), "no CDN"
    assert client.get("/static/dsfr/dist/dsfr/dsfr.min.css").status_code == 200
    assert "République<br>française" in html
    assert 'class="fr-header__service-title"' in html


def test_site_name_is_the_french_one_on_french_pages(client, skeleton):
    html = get_html(client, "/fr/")
    site_name = "Bourse-partenariats de la coopération décentralisée"
    assert f'<p class="fr-header__service-title">{site_name}</p>' in html
    assert meta_property(html, "og:site_name") == [site_name]
    assert f"<title>{site_name}</title>" in html


def test_skip_links_lead_to_existing_targets(client, skeleton):
    html = get_html(client, "/fr/")
    page = Elements(html)
    targets = [
        link["href"]
        for link in page.with_class("a", "fr-link")
        if link.get("href", "").startswith("#")
    ]
    assert targets == ["#content", "#header-navigation", "#footer"]
    ids = {attrs.get("id") for _tag, attrs in page.tags}
    assert {"content", "header-navigation", "footer"} <= ids


def test_main_navigation_links_work_and_mark_the_current_section(client, skeleton):
    html = get_html(client, "/en/actualites/")
    links = [
        link
        for link in Elements(html).with_class("a", "fr-nav__link")
        if "fr-translate__language" not in link["class"]
    ]
    hrefs = [link["href"] for link in links]
    assert hrefs[:1] == ["/en/"]
    assert "/en/fiches/" in hrefs and "/en/actualites/" in hrefs
    current = [link["href"] for link in links if link.get("aria-current") == "page"]
    assert current == ["/en/actualites/"]
    for href in hrefs:
        assert client.get(href).status_code == 200, href


def test_footer_links_work(client, skeleton):
    html = get_html(client, "/fr/")
    hrefs = [link["href"] for link in Elements(html).with_class("a", "fr-footer__bottom-link")]
    assert hrefs
    for href in hrefs:
        assert client.get(href).status_code == 200, href


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_sets_lang_and_direction(client, skeleton, code):
    html = get_html(client, f"/{code}/")
    direction = "rtl" if code == "ar" else "ltr"
    assert f'<html lang="{code}" dir="{direction}"' in html
    assert ("/static/portal/css/rtl.css" in html) is (code == "ar")


def test_right_to_left_stylesheet_is_served(client, skeleton):
    response = client.get("/static/portal/css/rtl.css")
    assert response.status_code == 200
    assert b'[dir="rtl"]' in b"".join(response.streaming_content)


def test_language_switcher_leads_to_the_translation_of_the_page(client, skeleton):
    authority = make_authority("Dakar")
    translate(authority, "en", "Dakar (en)")
    translate(authority, "es", "Dakar (es)", publish=False)
    links = switcher_links(get_html(client, authority.url))
    assert links["fr"] == authority.url
    english = authority.get_translation(translation_locale("en"))
    assert links["en"] == english.url
    # A draft translation is not offered: the source, read in the Spanish chrome, instead.
    assert links["es"] == "/es/" + authority.url.removeprefix("/fr/")
    assert links["ar"] == "/ar/" + authority.url.removeprefix("/fr/")
    arabic = client.get(links["ar"])
    assert arabic.status_code == 200
    assert "Dakar" in arabic.content.decode()
    assert "Dakar (es)" not in arabic.content.decode()


def test_hreflang_alternates_list_live_translations_only(client, skeleton):
    authority = make_authority("Dakar")
    english = translate(authority, "en", "Dakar (en)")
    translate(authority, "es", "Dakar (es)", publish=False)
    found = alternates(get_html(client, english.url))
    assert found == {
        "fr": f"http://testserver{authority.url}",
        "en": f"http://testserver{english.url}",
        "x-default": f"http://testserver{authority.url}",
    }


def test_open_graph_describes_the_page(client, skeleton):
    authority = make_authority("Dakar", summary="A coastal capital.", search_description="")
    english = translate(authority, "en", "Dakar (en)")
    html = get_html(client, english.url)
    assert meta_property(html, "og:title") == ["Dakar (en)"]
    assert meta_property(html, "og:url") == [f"http://testserver{english.url}"]
    assert meta_property(html, "og:locale") == ["en_GB"]
    assert meta_property(html, "og:locale:alternate") == ["fr_FR"]
    assert meta_property(html, "og:type") == ["website"]
    assert meta_property(html, "og:description") == ["A coastal capital."]
    assert len(meta_property(html, "og:site_name")) == 1


def test_breadcrumb_leads_back_through_live_ancestors(client, skeleton):
    authority = make_authority("Dakar")
    call = make_call(authority, "Water for Dakar")
    page = Elements(get_html(client, call.url))
    crumbs = page.with_class("a", "fr-breadcrumb__link")
    assert [crumb.get("href") for crumb in crumbs] == ["/fr/", "/fr/fiches/", authority.url, None]
    assert crumbs[-1]["aria-current"] == "page"


def test_home_page_has_no_breadcrumb(client, skeleton):
    assert "fr-breadcrumb" not in get_html(client, "/fr/")


def count_queries(client, url):
    client.get(url)  # warm the site root paths cache, as in production
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_language_links_cost_the_same_whatever_the_number_of_translations(client, skeleton):
    lone = make_authority("Lone")
    translated = make_authority("Translated")
    for code in ("en", "es", "pt", "ar"):
        translate(translated, code)
    assert count_queries(client, translated.url) == count_queries(client, lone.url)
    # 18 for the fiche and its chrome, plus a fixed 10 for its partner suggestions (issue 6).
    assert count_queries(client, translated.url) <= 30


def translation_locale(code):
    return Locale.objects.get(language_code=code)


# --- Error pages --------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_not_found_page_in_each_language(client, skeleton, code):
    html = get_html(client, f"/{code}/no-such-page/", status=404)
    assert f'<html lang="{code}"' in html
    page = Elements(html)
    assert page.with_class("header", "fr-header") and page.with_class("footer", "fr-footer")
    assert page.find("meta", name="robots", content="noindex")
    assert page.find("a", class_="fr-btn", href=f"/{code}/")
    with translation.override(code):
        assert f"<h1>{gettext('Page not found')}</h1>" in html
        assert gettext("Error 404") in html
    assert not [link for link in page.find("link", rel="alternate") if "hreflang" in link]
    # The switcher leads to each language's home: the missing path exists in none.
    assert switcher_links(html) == {other: f"/{other}/" for other in LANGUAGES}


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_server_error_page_renders_without_database_or_request_context(code):
    # No django_db here: any query from the template would raise.
    request = RequestFactory().get(f"/{code}/")
    with translation.override(code):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}"' in html
    assert "/static/dsfr/dist/dsfr/dsfr.min.css" in html
    assert f'href="/{code}/"' in html
    with translation.override(code):
        assert f"<h1>{gettext('Unexpected error')}</h1>" in html


# --- robots.txt and sitemap ---------------------------------------------------------------


def test_robots_txt_allows_all_but_the_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /django-admin/"} <= set(lines)
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def sitemap_urls(client, url="/sitemap.xml"):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        node.find("s:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in node.findall("x:link", SITEMAP_NS)
        }
        for node in root.findall("s:url", SITEMAP_NS)
    }


def test_sitemap_lists_live_public_pages_in_every_language_with_alternates(client, skeleton):
    authority = make_authority("Dakar")
    english = translate(authority, "en", "Dakar (en)")
    translate(authority, "es", "Dakar (es)", publish=False)
    draft = make_authority("Draft town", publish=False)
    private = make_authority("Private town")
    restrict(private)
    urls = sitemap_urls(client)
    base = "http://testserver"
    for code in LANGUAGES:
        assert f"{base}/{code}/" in urls
        assert f"{base}/{code}/fiches/" in urls
    assert urls[f"{base}{authority.url}"] == {
        "fr": f"{base}{authority.url}",
        "en": f"{base}{english.url}",
        "x-default": f"{base}{authority.url}",
    }
    assert urls[f"{base}{english.url}"] == urls[f"{base}{authority.url}"]
    assert f"{base}/es/fiches/{authority.slug}/" not in urls
    assert not any(draft.slug in url or private.slug in url for url in urls)


def test_sitemap_costs_a_bounded_number_of_queries(client, skeleton, django_assert_max_num_queries):
    for _ in range(15):
        translate(make_authority(), "en")
    client.get("/sitemap.xml")  # warm the site root paths cache
    # A few queries per page of the sitemap, plus one per page type: none per page.
    with django_assert_max_num_queries(14):
        urls = sitemap_urls(client)
    # The skeleton's three sections and the four mandatory pages, in every language.
    assert len(urls) == 15 + 15 + (3 + 4) * len(LANGUAGES)


def test_sitemap_rejects_a_bad_page_number(client, skeleton):
    assert client.get("/sitemap.xml?p=abc").status_code == 404
    assert client.get("/sitemap.xml?p=99").status_code == 404


# --- Feeds --------------------------------------------------------------------------------


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def titles(items):
    return [item.findtext("title") for item in items]


def test_news_feed_lists_published_public_news_newest_first(client, skeleton):
    make_news("Older", date=datetime.date(2025, 1, 1))
    make_news("Newer", date=datetime.date(2025, 6, 1))
    make_news("Draft", publish=False)
    restrict(make_news("Private"))
    channel, items = rss_items(client, "/fr/feeds/news.rss")
    assert titles(items) == ["Newer", "Older"]
    assert channel.findtext("language") == "fr"
    assert channel.findtext("link") == "http://testserver/fr/actualites/"
    assert items[0].findtext("link").startswith("http://testserver/fr/actualites/")


def test_feed_lists_a_page_in_its_source_language_until_translated(client, skeleton):
    translated = make_news("Translated")
    translate(translated, "en", "Translated in English")
    make_news("Only in French")
    _channel, items = rss_items(client, "/en/feeds/news.rss")
    by_title = {item.findtext("title"): item for item in items}
    assert set(by_title) == {"Translated in English", "Only in French"}
    assert by_title["Only in French"].findtext("link").startswith("http://testserver/fr/")
    assert by_title["Translated in English"].findtext("link").startswith("http://testserver/en/")
    assert "French" in by_title["Only in French"].findtext("description")
    assert "French" not in by_title["Translated in English"].findtext("description")


def test_news_feed_filters_by_theme_and_names_themes_in_the_feed_language(client, skeleton):
    make_news("About water", theme_slugs=["water-sanitation"])
    make_news("About health", theme_slugs=["health"])
    _channel, items = rss_items(client, "/en/feeds/news.rss?theme=water-sanitation")
    assert titles(items) == ["About water"]
    categories = [category.text for category in items[0].findall("category")]
    assert categories and all(name and "eau" not in name.lower() for name in categories)


@pytest.mark.parametrize("theme", ["no-such-theme", "%00", "x" * 500, "../health"])
def test_unknown_theme_is_a_not_found_never_a_server_error(client, skeleton, theme):
    for url in ("/fr/feeds/news.rss", "/fr/feeds/calls.atom"):
        assert client.get(url, {"theme": theme}).status_code == 404


def test_calls_feed_never_carries_contact_details(client, skeleton):
    authority = make_authority(
        "Dakar", contact_email="mayor@dakar.example", contact_phone="+221 33 123 45 67"
    )
    make_call(authority, "Water for Dakar", summary="Wells in three districts.")
    for url in ("/fr/feeds/calls.rss", "/fr/feeds/calls.atom", "/en/feeds/calls.rss"):
        body = client.get(url).content.decode()
        assert "Water for Dakar" in body
        assert "Dakar" in body and "Wells in three districts." in body
        assert "mayor@dakar.example" not in body
        assert "123 45 67" not in body


def test_calls_feed_leaves_out_drafts_private_pages_and_calls_of_unpublished_fiches(
    client, skeleton
):
    authority = make_authority("Dakar")
    make_call(authority, "Published call")
    make_call(authority, "Draft call", publish=False)
    private = make_authority("Private town")
    make_call(private, "Private call")
    restrict(private)
    hidden = make_authority("Hidden town")
    make_call(hidden, "Call of an unpublished fiche")
    hidden.unpublish()
    _channel, items = rss_items(client, "/fr/feeds/calls.rss")
    assert titles(items) == ["Published call"]


def test_empty_theme_means_every_theme(client, skeleton):
    make_news("About water", theme_slugs=["water-sanitation"])
    _channel, items = rss_items(client, "/fr/feeds/news.rss?theme=")
    assert titles(items) == ["About water"]


def test_atom_feeds_are_valid_atom(client, skeleton):
    make_news("An article")
    response = client.get("/es/feeds/news.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall("a:entry", ATOM_NS)
    assert [entry.findtext("a:title", namespaces=ATOM_NS) for entry in entries] == ["An article"]
    assert entries[0].find("a:updated", ATOM_NS) is not None


def test_feeds_cost_a_bounded_number_of_queries(client, skeleton, django_assert_max_num_queries):
    authority = make_authority("Dakar")
    for number in range(12):
        news = make_news(theme_slugs=["health", "water-sanitation"])
        make_call(authority, theme_slugs=["health"])
        if number % 2:
            translate(news, "en")
    client.get("/en/feeds/news.rss")  # warm the site root paths cache
    for url in ("/en/feeds/news.rss", "/en/feeds/calls.atom", "/en/feeds/news.rss?theme=health"):
        # Locale, theme, private sections, items, their themes and names: none per item.
        with django_assert_max_num_queries(10):
            response = client.get(url)
        assert response.status_code == 200
        assert response.content.count(b"<item>") + response.content.count(b"<entry>") == 12
