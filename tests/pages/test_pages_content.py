"""The public pages of each type, fed by their GraphQL operation: what a visitor reads.

Home, fiche, partnership call, news list and article, in French, English and Arabic (right
to left); content not translated into the visitor's language is served at an address in
their language, in its source language, and says so.
"""

import datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format

from tests.factories import (
    make_authority,
    make_call,
    make_news,
    small_dataset,
    translate,
)
from tests.helpers import card_titles, get

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(skeleton):
    return small_dataset()


# --- Home -----------------------------------------------------------------------------------


def test_home_shows_the_introduction_key_figures_and_latest_content(client, data):
    page = get(client, "/fr/")
    assert "La Bourse-partenariats recense les offres" in page.text  # the editable introduction
    text = page.text
    assert "3 collectivités" in text  # Lyon, Dakar, Nouakchott
    assert "3 pays" in text  # FR, SN, MR
    assert "2 appels ouverts" in text  # the closed offer does not count
    assert data["water_request"].url in page.links()
    assert data["lyon_offer"].url in page.links()
    assert data["closed_offer"].url not in page.links()
    assert data["article"].url in page.links()
    assert page.section("map-title") == "Carte des collectivités"


def test_home_figures_and_lists_follow_the_visitors_language(client, data):
    page = get(client, "/en/")
    assert "3 local authorities" in page.text
    assert "2 open calls" in page.text
    assert "Latest open calls" in page.text
    # Calls not translated into English are linked at an English address.
    assert "/en/fiches/dakar/" + data["water_request"].slug + "/" in page.links()


def test_home_in_arabic_reads_right_to_left(client, data):
    response = client.get("/ar/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl"' in html
    assert "أحدث" in html  # "Latest …" headings in Arabic


def test_home_links_only_calls_accepting_interest(client, data):
    past = make_call(
        data["lyon"],
        "Past deadline call",
        deadline=datetime.date.today() - datetime.timedelta(days=1),
        start_date=datetime.date.today() - datetime.timedelta(days=30),
    )
    assert past.url not in get(client, "/fr/").links()


# --- Fiche ----------------------------------------------------------------------------------


def test_fiche_shows_its_five_sections(client, data):
    page = get(client, data["dakar"].url)
    general = page.section("general")
    assert "Commune" in general and "Sénégal" in general
    assert "1 main street" in general and "https://example.org/" in general
    assert "Head of international relations" in general and "Awa Diop" in general
    characteristics = page.section("characteristics")
    assert "82,50 km²" in characteristics
    assert "1 200 000 habitants (2020)" in characteristics.replace("\xa0", " ")
    assert "Fishing and tourism" in characteristics
    assert "français, anglais" in characteristics.lower()
    cooperations = page.section("cooperations")
    assert "Lyon" in cooperations and "Saint-Louis" in cooperations
    assert "Depuis 1999" in cooperations and "En sommeil" in cooperations
    actors = page.section("foreign-actors")
    assert "GIZ" in actors and "Agence de développement" in actors and "Allemagne" in actors
    objectives = page.section("objectives")
    assert "Eau et assainissement" in objectives
    assert "A coastal city." in objectives and "Expertise in fisheries." in objectives
    assert "15 janvier 2025" in page.text


def test_fiche_objectives_are_theme_tags_leading_to_the_theme_page(client, data):
    page = get(client, data["dakar"].url)
    tags = [attrs["href"] for attrs in page.with_class("a", "fr-tag")]
    assert "/fr/fiches/themes/water-sanitation/" in tags
    assert client.get("/fr/fiches/themes/water-sanitation/").status_code == 200


def test_fiche_cooperation_links_the_partner_fiche_in_the_visitors_language(client, data):
    french = get(client, data["dakar"].url)
    assert data["lyon"].url in french.links()
    # On the English fiche, Lyon (not translated) is linked at its English address.
    english = get(client, data["dakar_en"].url)
    assert "/en/fiches/lyon/" in english.links()
    assert data["lyon"].url not in english.links()
    assert client.get("/en/fiches/lyon/").status_code == 200


def test_fiche_lists_open_calls_each_with_a_get_in_touch_action(client, data):
    page = get(client, data["dakar"].url)
    calls = page.section("calls")
    assert "Drinking water for Dakar" in calls
    assert "Closed festival offer" not in calls
    contact = f"{data['water_request'].url}#contact"
    assert contact in page.links("fr-btn")
    call_page = get(client, data["water_request"].url)
    assert call_page.section("contact")  # the anchor the action leads to


def test_fiche_never_verified_says_so(client, skeleton):
    fiche = make_authority("Unverified", last_verified=None)
    assert "Not verified yet" in get(client, f"/en{fiche.url[3:]}").text


# --- Partnership call -----------------------------------------------------------------------


def test_call_page_shows_every_field(client, data):
    page = get(client, data["lyon_offer"].url)
    text = page.text.replace("\xa0", " ")
    assert "Lyon water expertise" in text
    assert "Summary of Lyon water expertise." in text
    assert "What we want to do." in text
    assert "Offre" in text and "Ouvert" in text
    assert "Eau et assainissement" in text
    assert "Sénégal" in text  # the target country
    assert "A French municipality." in text
    assert "1 janvier 2026" in text or "1er janvier 2026" in text
    assert "24 mois" in text
    assert "50 000 €" in text and "20 000 €" in text
    deadline = datetime.date.today() + datetime.timedelta(days=10)
    with translation.override("fr"):
        assert date_format(deadline, "DATE_FORMAT") in text


def test_call_page_shows_status_and_deadline_badges(client, data):
    page = get(client, data["lyon_offer"].url)
    badges = [attrs["class"] for attrs in page.with_class("p", "fr-badge")]
    assert any("fr-badge--success" in classes for classes in badges)  # open
    assert any("fr-badge--warning" in classes for classes in badges)  # deadline in 10 days
    closed = get(client, data["closed_offer"].url)
    assert "Clôturé" in closed.text
    assert "n’accepte plus" in closed.section("contact")


def test_call_page_shows_its_authority_card_and_related_calls(client, data):
    page = get(client, data["water_request"].url)
    # Lyon's offer shares the water theme; the call itself is not among its related calls.
    # Cards: the authority's, then the related calls.
    assert card_titles(page) == [data["dakar"].url, data["lyon_offer"].url]


def test_call_page_breadcrumb_leads_to_its_fiche(client, data):
    page = get(client, data["water_request"].url)
    crumbs = [attrs.get("href") for attrs in page.with_class("a", "fr-breadcrumb__link")]
    assert crumbs == ["/fr/", "/fr/fiches/", data["dakar"].url, None]


# --- News -----------------------------------------------------------------------------------


def test_news_index_lists_articles_newest_first(client, data):
    make_news("Older article", date=datetime.date(2024, 1, 1))
    make_news("Newer article", date=datetime.date(2025, 6, 1))
    page = get(client, "/fr/actualites/")
    text = page.text
    assert text.index("Newer article") < text.index("Water forum") < text.index("Older article")


def test_news_index_is_paginated(client, skeleton):
    for number in range(12):
        make_news(f"Article {number:02d}", date=datetime.date(2025, 1, 1 + number))
    first = get(client, "/fr/actualites/")
    assert "Article 11" in first.text and "Article 01" not in first.text
    second = get(client, "/fr/actualites/?page=2")
    assert "Article 01" in second.text and "Article 11" not in second.text
    assert "?page=2" in first.links("fr-pagination__link")


def test_news_article_shows_its_body_themes_and_authorities(client, data):
    page = get(client, data["article"].url)
    text = page.text
    assert "Water forum" in text and "Introduction of Water forum." in text
    assert "Body paragraph." in text and "Cooperation works." in text and "A mayor" in text
    assert "/fr/fiches/themes/water-sanitation/" in page.links()
    assert data["dakar"].url in page.links()


# --- Languages and untranslated content ----------------------------------------------------


@pytest.mark.parametrize("code", ["fr", "en", "ar"])
def test_every_page_type_renders_in_each_language(client, data, code):
    urls = [
        f"/{code}/",
        f"/{code}/fiches/",
        f"/{code}/fiches/dakar/",
        f"/{code}/fiches/dakar/{data['water_request'].slug}/",
        f"/{code}/actualites/",
        f"/{code}/actualites/{data['article'].slug}/",
        f"/{code}/fiches/appels/",
        f"/{code}/fiches/pays/sn/",
        f"/{code}/fiches/themes/water-sanitation/",
        f"/{code}/recherche/?q=water",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        direction = "rtl" if code == "ar" else "ltr"
        assert f'<html lang="{code}" dir="{direction}"' in html, url
        assert "Dakar" in html or "Water" in html, url


def test_untranslated_fiche_is_served_in_the_visitors_language_and_marked(client, data):
    page = get(client, "/en/fiches/lyon/")
    # The chrome and the notice are English; the content is French, marked lang="fr".
    assert "Not yet translated into your language: shown in its original language, French." in (
        page.text
    )
    assert "Lyon" in page.in_language("fr")
    assert "Summary of Lyon." in page.in_language("fr")
    assert "General information" in page.text
    # Its canonical address is the source one.
    links = [attrs for tag, attrs in page.tags if tag == "link"]
    canonical = [attrs["href"] for attrs in links if attrs.get("rel") == "canonical"]
    assert canonical == [f"http://testserver{data['lyon'].url}"]


def test_untranslated_notice_is_in_the_visitors_language(client, data):
    spanish = get(client, "/es/fiches/lyon/")
    assert "francés" in spanish.text
    arabic = get(client, "/ar/fiches/lyon/")
    assert "الفرنسية" in arabic.text
    # French content on a right-to-left page is set left to right.
    assert '<h1 lang="fr" dir="ltr">Lyon</h1>' in arabic.html
    assert '<h1 lang="fr">Lyon</h1>' in spanish.html


def test_translated_fiche_is_not_marked(client, data):
    page = get(client, data["dakar_en"].url)
    assert "Not yet translated into your language" not in page.text
    assert "Dakar (English)" in page.text
    french = page.in_language("fr")
    assert "Dakar (English)" not in french and "Summary of Dakar." not in french
    # Its calls, not translated yet, are in French and marked so on their cards.
    assert "Drinking water for Dakar" in french
    assert "Not yet translated: in French" in page.section("calls")


def test_untranslated_call_under_a_translated_fiche_is_served_in_english(client, data):
    url = f"/en/fiches/dakar/{data['water_request'].slug}/"
    page = get(client, url)
    assert "Drinking water for Dakar" in page.in_language("fr")
    assert "Not yet translated into your language" in page.text
    # Labels come in the visitor's language.
    assert "Request" in page.text and "Water and sanitation" in page.text


def test_fiche_whose_slug_was_translated_is_found_from_the_source_slug(client, data):
    english = translate(data["lyon"], "en", "Lyon (English)")
    english.slug = "lyon-en"
    english.save_revision().publish()
    page = get(client, f"/en/fiches/lyon/{data['lyon_offer'].slug}/")
    assert "Lyon water expertise" in page.in_language("fr")


def test_unknown_address_in_another_language_is_still_not_found(client, data):
    assert client.get("/en/fiches/no-such-fiche/").status_code == 404
    assert client.get("/en/fiches/dakar/no-such-call/").status_code == 404
    assert client.get("/en/actualites/no-such-article/").status_code == 404
