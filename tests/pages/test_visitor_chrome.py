"""The public chrome every page carries for visitors: the header's search bar, feed
autodiscovery, and share links on news articles, fiches and calls."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import make_authority, make_call, make_news

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def forms(html):
    return re.findall(r"<form\b[^>]*>.*?</form>", html, flags=re.S)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_header_has_a_search_form_to_the_search_page_in_its_language(client, skeleton, code):
    html = client.get(f"/{code}/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    [form] = forms(header)
    assert 'method="get"' in form
    assert f'action="/{code}/recherche/"' in form
    assert 'name="q"' in form
    with translation.override(code):
        assert gettext("Words to look for") in form


def test_the_header_search_leads_to_results(client, skeleton):
    make_authority("Dakar", slug="dakar")
    response = client.get("/fr/recherche/", {"q": "Dakar"})
    assert response.status_code == 200
    assert "/fr/fiches/dakar/" in response.content.decode()


def test_the_header_search_is_on_pages_that_are_not_wagtail_pages(client, skeleton):
    html = client.get("/en/carte/").content.decode()
    assert 'action="/en/recherche/"' in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_pages_announce_the_news_and_calls_feeds_in_their_language(client, skeleton, code):
    html = client.get(f"/{code}/fiches/").content.decode()
    head = html[: html.index("</head>")]
    links = re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)">', head)
    assert sorted(links) == sorted(
        [
            ("application/rss+xml", f"/{code}/feeds/news.rss"),
            ("application/atom+xml", f"/{code}/feeds/news.atom"),
            ("application/rss+xml", f"/{code}/feeds/calls.rss"),
            ("application/atom+xml", f"/{code}/feeds/calls.atom"),
        ]
    )
    for _type, href in links:
        assert client.get(href).status_code == 200


def share_links(html):
    start = html.index('class="fr-share')
    block = html[start : html.index("</ul>", start)]
    return re.findall(r'href="([^"]+)"', block), block


@pytest.fixture
def content(skeleton):
    dakar = make_authority("Dakar", slug="dakar")
    return {
        "news": make_news("Une Bourse-partenariats de la coopération décentralisée"),
        "fiche": dakar,
        "call": make_call(dakar, "Eau potable & assainissement"),
    }


@pytest.mark.parametrize("kind", ["news", "fiche", "call"])
def test_news_fiches_and_calls_have_share_links_to_their_address(client, content, kind):
    page = content[kind]
    response = client.get(page.url)
    html = response.content.decode()
    hrefs, block = share_links(html)
    address = f"http://testserver{page.url}"
    hosts = {urlsplit(href.replace("&amp;", "&")).netloc for href in hrefs}
    assert hosts == {
        "www.facebook.com",
        "twitter.com",
        "www.linkedin.com",
        "bsky.app",
        "www.threads.net",
        "",  # mailto:
    }
    for href in hrefs:
        query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        values = " ".join(value for values in query.values() for value in values)
        assert address in values, href
    mail = next(href for href in hrefs if href.startswith("mailto:"))
    assert parse_qs(urlsplit(mail.replace("&amp;", "&")).query)["subject"] == [page.title]
    assert f'data-share-copy="{address}"' in block
    # Plain links: no third-party script or frame is loaded by the page.
    assert not re.search(r'<(script|iframe)[^>]+src="https?://', html)


def test_the_share_title_is_in_the_visitor_language(client, content):
    html = client.get(content["news"].url.replace("/fr/", "/ar/", 1)).content.decode()
    with translation.override("ar"):
        assert gettext("Share this page") in html


def test_other_pages_have_no_share_links(client, skeleton):
    assert 'class="fr-share' not in client.get("/fr/fiches/").content.decode()
