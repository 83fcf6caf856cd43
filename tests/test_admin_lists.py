"""Admin lists built for the editors' tasks: the taxonomy one language at a time."""

import pytest
from django.urls import reverse

from cms.models import Theme

pytestmark = pytest.mark.django_db


def theme_list(client, **params):
    response = client.get(reverse("wagtailsnippets_cms_theme:list"), params)
    assert response.status_code == 200
    return response


def test_the_theme_list_shows_one_language_with_a_language_column(admin_client, skeleton):
    response = theme_list(admin_client)
    rows = list(response.context["object_list"])

    assert len(rows) == Theme.objects.filter(locale__language_code="fr").count() == 14
    html = response.content.decode()
    assert "Eau et assainissement" in html and "Water and sanitation" not in html
    assert "[6]" not in html  # SDGs read as numbers, not a Python list


def test_another_language_is_one_filter_away(admin_client, skeleton):
    rows = list(theme_list(admin_client, locale="en").context["object_list"])
    assert {row.locale.language_code for row in rows} == {"en"}
    assert len(rows) == 14
