"""Words editors read in the admin: a language is not a "Région", labels start with a
capital, numbers are typed as people write them."""

import json
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.admin.menu import admin_menu
from wagtail.users.models import UserProfile
from wagtail.utils.version import get_main_version

from cms.models import AuthorityIndexPage, AuthorityPage
from cms.models.blocks import NewsBodyBlock
from portal.interest.wagtail_hooks import InterestExpressionFilterSet
from tests.content.test_translation import english, translate
from tests.factories import locale, make_authority
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


# --- the translation editor (wagtail-localize's React app), in the editor's language --------


@pytest.fixture
def source_fiche(skeleton):
    return make_authority(
        "Saint-Louis", slug="saint-louis", summary="Ville historique au nord du Sénégal."
    )


def translation_editor(client, user, fiche, language, capture):
    """The translation editor's page of the English fiche, for an editor reading
    ``language``: its HTML, the app's props and the portal's words for it."""
    translated = translate(fiche, english(), capture)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk])).content.decode()
    props = re.search(r'class="js-translation-editor" data-props="([^"]*)"', html).group(1)
    props = json.loads(unescape(props))
    words = json.loads(
        re.search(r'<script id="translation-editor-words"[^>]*>(.*?)</script>', html, re.S).group(1)
    )
    return html, props, words


def test_the_translation_editor_speaks_french(
    client, admin_user, source_fiche, django_capture_on_commit_callbacks
):
    html, props, words = translation_editor(
        client, admin_user, source_fiche, "fr", django_capture_on_commit_callbacks
    )

    assert "portal/admin/translation-editor.js" in html
    # Its heading, an English template in the app ("Français to Anglais translation").
    assert words["heading"] == "Traduction : %(source)s → %(target)s"
    assert words["moreActions"] == "Plus d’actions"
    # "Publier dans" + "Anglais" read "Publier dansAnglais".
    assert words["catalog"]["Publish in "] == "Publier en "
    assert [tab["label"] for tab in props["tabs"]][0] == "Informations générales"
    # The side panel says "Langue", not Wagtail's "Région".
    assert "Disponible dans 2 langues" in html and "régions" not in html
    assert "Status\u00a0:" not in html


@pytest.mark.parametrize("language", ["es", "pt", "ar"])
def test_the_translation_editor_has_no_french_fallback(
    client, admin_user, source_fiche, language, django_capture_on_commit_callbacks
):
    # Django serves the default language's (French) words where a catalogue lacks a string.
    _html, _props, words = translation_editor(
        client, admin_user, source_fiche, language, django_capture_on_commit_callbacks
    )
    french = {"Publier en ", "Application du verrou d'édition", "Suppression du verrou d'édition"}
    assert not set(words["catalog"].values()) & french
    assert "Traduction" not in words["heading"]
    assert "%(source)s" in words["heading"] and "%(target)s" in words["heading"]


def test_stream_block_labels_start_with_a_capital():
    # The translation editor and the page editor show block labels as they are written.
    labels = [
        str(child.label)
        for block in NewsBodyBlock().child_blocks.values()
        for child in [block, *getattr(block, "child_blocks", {}).values()]
    ]
    assert all(label[:1].isupper() for label in labels), labels


# --- the sidebar ------------------------------------------------------------------------------

# At its default width the sidebar shows about 20 letters of a label, then an ellipsis.
MENU_LABEL_LETTERS = 20


@pytest.mark.parametrize("language", ["fr", "en", "es", "pt", "ar"])
def test_the_sidebar_labels_fit_and_have_their_own_icon(rf, admin_user, language):
    request = rf.get("/admin/")
    request.user = admin_user
    with translation.override(language):
        items = admin_menu.menu_items_for_request(request)
        labels = {str(item.label): item.icon_name for item in items}
    too_long = [label for label in labels if len(label) > MENU_LABEL_LETTERS]
    assert too_long == []
    assert len(set(labels.values())) == len(labels), labels


# --- the help menu ----------------------------------------------------------------------------


def test_whats_new_in_wagtail_is_named_in_each_editors_language(client, admin_user, skeleton):
    # Wagtail names the entry once per process, in the language of the first request.
    version = get_main_version(include_patch=False)
    client.force_login(admin_user)
    profile = UserProfile.get_for_user(admin_user)
    seen = {}
    for language in ["en", "fr"]:
        profile.preferred_language = language
        profile.save()
        seen[language] = client.get(reverse("wagtailadmin_home")).content.decode()

    assert f"What's new in Wagtail {version}" in seen["en"]
    assert f"Ce qui est nouveau avec Wagtail {version}" in seen["fr"]
    assert "What's new in Wagtail" not in seen["fr"]
