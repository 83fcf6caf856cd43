"""Words editors read in the admin: a language is not a "Région", labels start with a
capital, numbers are typed as people write them."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from cms.models import AuthorityIndexPage, AuthorityPage
from portal.interest.wagtail_hooks import InterestExpressionFilterSet
from tests.factories import locale
from tests.helpers import fiche_post_data

pytestmark = pytest.mark.django_db


def test_the_french_admin_calls_a_locale_a_language():
    # Wagtail's French says "Région", the word of an authority kind; the portal's catalogue
    # (portal/admin_words.py) overrides it.
    with translation.override("fr"):
        assert gettext("Locale") == "Langue"
        assert gettext("Locales") == "Langues"


def test_the_expression_filters_start_with_a_capital():
    with translation.override("fr"):
        labels = [str(f.label) for f in InterestExpressionFilterSet.base_filters.values()]
    assert all(label[:1].isupper() for label in labels), labels


@pytest.mark.parametrize("typed", ["254 171", "254\u202f171", "254\u00a0171", "254.171", "254171"])
def test_a_population_typed_with_spaces_is_saved_with_its_year(admin_client, skeleton, typed):
    directory = AuthorityIndexPage.objects.get(locale=locale())
    data = fiche_post_data(
        title="Saint-Louis", slug="saint-louis", population=typed, population_year="2023"
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["cms", "authoritypage", directory.pk]), data
    )

    assert response.status_code == 302, response.context["form"].errors
    fiche = AuthorityPage.objects.get(slug="saint-louis")
    assert (fiche.population, fiche.population_year) == (254_171, 2023)


def test_the_population_field_takes_text_not_a_browser_number(admin_client, skeleton):
    directory = AuthorityIndexPage.objects.get(locale=locale())
    html = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["cms", "authoritypage", directory.pk])
    ).content.decode()
    assert 'name="population" inputmode="numeric"' in html or 'inputmode="numeric"' in html


def test_long_lists_can_be_filtered_by_typing(admin_client, skeleton):
    directory = AuthorityIndexPage.objects.get(locale=locale())
    html = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["cms", "authoritypage", directory.pk])
    ).content.decode()
    for name in ("country", "working_languages", "preferred_countries"):
        tag = re.search(rf'<select[^>]*name="{name}"[^>]*>', html).group(0)
        assert "data-filterable" in tag, name
    assert "portal/admin/select-filter" in html
