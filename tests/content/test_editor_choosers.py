"""Choosers and related fields offer each authority once: its default-language fiche, found by
typing part of its name (autocomplete), shown with its country, sorted by name."""

import pytest
from django.urls import reverse

from cms.models import AuthorityPage, NewsIndexPage, NewsPage
from tests.factories import locale, make_authority, make_news, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def fiches(skeleton):
    testville = make_authority("Commune de Testville", slug="testville", country="SN")
    evry = make_authority("Évry", slug="evry", country="FR")
    zorro = make_authority("Zorro", slug="zorro", country="ML")
    translate(testville, "en", "Municipality of Testville")
    translate(testville, "es", "Municipio de Testville")
    return {"testville": testville, "evry": evry, "zorro": zorro}


def chooser(client, query=""):
    response = client.get(reverse("fiche_chooser"), {"q": query})
    assert response.status_code == 200
    return [row["label"] for row in response.json()["results"]]


def test_the_choosable_fiches_are_the_default_language_ones(fiches):
    choosable = AuthorityPage.objects.choosable()
    assert set(choosable) == set(fiches.values())
    assert {page.locale.language_code for page in choosable} == {"fr"}


def test_news_related_authorities_offer_default_language_fiches_only(admin_client, fiches):
    news_index = NewsIndexPage.objects.get(locale=locale())
    url = reverse("wagtailadmin_pages:add", args=["cms", "newspage", news_index.pk])
    response = admin_client.get(url)

    field = response.context["form"].fields["related_authorities"]
    assert set(field.queryset) == set(fiches.values())
    html = response.content.decode()
    # The page carries no list of every fiche in every language: the chooser searches.
    assert "Municipality of Testville" not in html
    assert reverse("fiche_chooser") in html


def test_a_news_article_shows_its_chosen_fiches_with_their_country(admin_client, fiches):
    news = make_news("Water week")
    news.related_authorities = [fiches["evry"]]
    news.save_revision().publish()

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[news.pk])).content.decode()

    assert "Évry (France)" in html
    assert "Zorro" not in html


def test_cooperation_partners_offer_default_language_fiches_only(admin_client, fiches):
    url = reverse("wagtailadmin_pages:edit", args=[fiches["zorro"].pk])
    form = admin_client.get(url).context["form"]

    partner = form.formsets["cooperations"].empty_form.fields["partner_page"]
    assert set(partner.queryset) == set(fiches.values())


def test_the_chooser_finds_a_fiche_as_one_types(admin_client, fiches):
    with_country = chooser(admin_client, "Testv")
    assert with_country == ["Commune de Testville (Senegal)"] or with_country == [
        "Commune de Testville (Sénégal)"
    ]


def test_the_chooser_sorts_by_name_accents_included(admin_client, fiches):
    titles = [label.split(" (")[0] for label in chooser(admin_client)]
    assert titles == ["Commune de Testville", "Évry", "Zorro"]


def test_the_chooser_is_for_the_admin_only(client, fiches):
    response = client.get(reverse("fiche_chooser"), {"q": "Testv"})
    assert response.status_code == 302
    assert "Testville" not in response.content.decode()


def test_a_news_article_saves_the_fiches_chosen(admin_client, fiches):
    news = make_news("Water week")
    assert isinstance(news, NewsPage)
    news.related_authorities = [fiches["evry"], fiches["zorro"]]
    news.save_revision().publish()
    assert set(NewsPage.objects.get(pk=news.pk).related_authorities.all()) == {
        fiches["evry"],
        fiches["zorro"],
    }


def test_themes_are_checkboxes_and_domains_are_grouped_under_their_theme(admin_client, fiches):
    url = reverse("wagtailadmin_pages:edit", args=[fiches["zorro"].pk])
    response = admin_client.get(url)
    html = response.content.decode()

    assert 'type="checkbox" name="objective_themes"' in html
    widget = response.context["form"].fields["objective_domains"].widget
    groups = widget.optgroups("objective_domains", [])
    names = [name for name, _options, _index in groups]
    # French (default-language) theme names head their domains, in the taxonomy's order.
    assert "Eau et assainissement" in names, names
    water = next(options for name, options, _i in groups if name == "Eau et assainissement")
    assert "Accès à l'eau potable" in [option["label"] for option in water]
    assert all(option["name"] == "objective_domains" for option in water)
