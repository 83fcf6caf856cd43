"""The page explorer costs the same number of SQL queries for 5 fiches as for 50: the
translation buttons of each row come from the listing's own query (cms/wagtail_hooks.py)."""

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from cms.models import AuthorityIndexPage
from tests.factories import locale, make_authority, translate

pytestmark = pytest.mark.django_db

# Measured: 34 for 5 and for 50 fiches; 44 and 134 before (wagtail-localize's two a row).
EXPLORER_QUERIES = 34


def fill(count):
    directory = AuthorityIndexPage.objects.get(locale=locale())
    for n in range(count):
        fiche = make_authority(f"Fiche {n:03d}", slug=f"fiche-{n:03d}")
        if n % 2:
            translate(fiche, "en")
    return reverse("wagtailadmin_explore", args=[directory.pk])


@pytest.mark.parametrize("fiches", [5, 50])
def test_the_explorer_costs_the_same_for_5_and_50_fiches(
    admin_client, skeleton, django_assert_max_num_queries, fiches
):
    url = fill(fiches)
    admin_client.get(url)  # per-process caches (content types, site roots) are warm

    with django_assert_max_num_queries(EXPLORER_QUERIES):
        response = admin_client.get(url)

    assert response.status_code == 200


def test_each_row_still_offers_translate_and_sync(admin_client, skeleton):
    url = fill(3)
    html = admin_client.get(url).content.decode()
    fiches = AuthorityIndexPage.objects.get(locale=locale()).get_children()
    for fiche in fiches:
        assert reverse("wagtail_localize:submit_page_translation", args=[fiche.pk]) in html


def test_a_translated_source_offers_sync(admin_client, skeleton):
    url = fill(1)
    fiche = AuthorityIndexPage.objects.get(locale=locale()).get_children().get().specific
    source, _created = TranslationSource.get_or_create_from_instance(fiche)
    Translation.objects.create(source=source, target_locale=locale("es"))

    html = admin_client.get(url).content.decode()

    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in html
