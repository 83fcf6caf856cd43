"""Every label an editor reads in the admin, page by page, in the language of their account:
field labels, section headings, column headings and filters start with a capital, and none
is left in English (nor, in Spanish, in French: Django falls back to the default language
where Wagtail's Spanish catalogue lacks a word)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.models import ActionDomain, AuthorityIndexPage, NewsIndexPage, Theme
from portal.alerts.models import AlertSubscription
from portal.comments.models import Comment
from portal.imports.models import ImportRun
from tests.content.test_admin_lists import expression
from tests.factories import locale, make_authority, make_call, make_news

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es"]

# Words written the same in English and the admin's language (not left untranslated).
SAME_AS_ENGLISH = {
    "fr": {
        "Action",
        "Active",  # a cooperation, active or dormant
        "App",
        "Budget",
        "Budget (EUR)",
        "Contact",
        "Date",
        "Description",
        "Fiche",  # the portal's word for a profile page, in every language
        "Introduction",
        "Latitude",
        "Longitude",
        "Message",
        "Notifications",
        "Pages",
        "Population",
        "Publication",
        "Section",
        "Site",
        "Type",
    },
    "es": {"App", "Ficha"},
}
# Words written the same in Spanish and French.
SAME_AS_FRENCH = {"App", "Contraste", "Ficha", "Superficie (km²)"}

HIDDEN = {"w-sr-only", "visuallyhidden", "sr-only", "fr-sr-only"}


def _text(tag):
    for hidden in tag.find_all(class_=lambda names: names and HIDDEN & set(names.split())):
        hidden.decompose()
    return re.sub(r"\s+", " ", tag.get_text(" ", strip=True)).strip(" *:")


def _hidden(tag):
    return any(HIDDEN & set(parent.get("class") or []) for parent in [tag, *tag.parents])


def visible_labels(html):
    """What names a field, a section, a column or a filter on an admin page: a list of
    (kind, text). Choices (a theme's checkbox, a country in a list) are content, not labels."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all("label"):
        field_label = "w-field__label" in (tag.get("class") or []) or tag.get("for")
        if field_label and not tag.find("input") and not _hidden(tag):
            found.append(("field label", _text(tag)))
    for tag in soup.select(".w-panel__heading"):
        found.append(("section heading", _text(tag)))
    for tag in soup.select("thead th"):
        # A sortable heading is a link; the rest of the cell counts the rows.
        found.append(("column heading", _text(tag.find("a") or tag)))
    for tag in soup.select("dl dt"):
        found.append(("field name", _text(tag)))
    return [(kind, text) for kind, text in found if re.search(r"[^\W\d_]", text)]


@pytest.fixture
def content(skeleton):
    fiche = make_authority(
        "Dakar",
        slug="dakar",
        cooperations=[{"partner_name": "Saint-Louis", "partner_country": "SN"}],
        foreign_actors=[{"name": "GIZ", "kind": "development_agency", "country_of_origin": "DE"}],
    )
    call = make_call(fiche, "Water network")
    news = make_news("Assises de la coopération")
    return {
        "fiche": fiche,
        "call": call,
        "news": news,
        "directory": AuthorityIndexPage.objects.get(locale=locale()),
        "news_index": NewsIndexPage.objects.get(locale=locale()),
        "theme": Theme.objects.filter(locale=locale()).first(),
        "domain": ActionDomain.objects.filter(locale=locale()).first(),
        "expression": expression(call, "Ville de Lille"),
        "alert": AlertSubscription.objects.create(email="a@example.org", language="fr"),
        "comment": Comment.objects.create(
            article=news, name="Awa", email="a@example.org", text="Merci.", language="fr"
        ),
        "run": ImportRun.objects.create(filename="fiches.csv", data=b"x", language="fr"),
    }


def page(name, *args):
    """An admin page's address from the test's content (``args`` name its objects)."""
    return lambda content: reverse(
        name, args=[content[arg].pk if arg in content else arg for arg in args]
    )


PAGES = {
    "fiche: edit": page("wagtailadmin_pages:edit", "fiche"),
    "fiche: add": page("wagtailadmin_pages:add", "cms", "authoritypage", "directory"),
    "call: edit": page("wagtailadmin_pages:edit", "call"),
    "call: add": page("wagtailadmin_pages:add", "cms", "partnershipcallpage", "fiche"),
    "news: edit": page("wagtailadmin_pages:edit", "news"),
    "news: add": page("wagtailadmin_pages:add", "cms", "newspage", "news_index"),
    "explorer": page("wagtailadmin_explore", "directory"),
    "calls": page("partnership_calls:index"),
    "themes": page("wagtailsnippets_cms_theme:list"),
    "theme: add": page("wagtailsnippets_cms_theme:add"),
    "theme: edit": page("wagtailsnippets_cms_theme:edit", "theme"),
    "action domains": page("wagtailsnippets_cms_actiondomain:list"),
    "action domain: add": page("wagtailsnippets_cms_actiondomain:add"),
    "action domain: edit": page("wagtailsnippets_cms_actiondomain:edit", "domain"),
    "expressions of interest": page("interest_expressions:index"),
    "expression of interest: edit": page("interest_expressions:edit", "expression"),
    "expression of interest: inspect": page("interest_expressions:inspect", "expression"),
    "alerts": page("alert_subscriptions:index"),
    "alert: inspect": page("alert_subscriptions:inspect", "alert"),
    "comments": page("wagtailsnippets_comments_comment:list"),
    "comment: edit": page("wagtailsnippets_comments_comment:edit", "comment"),
    "comment: inspect": page("wagtailsnippets_comments_comment:inspect", "comment"),
    "representatives: grant": page("grant_representative", "fiche"),
    "imports": page("imports"),
    "report: fiches not verified": page("stale_fiches_report"),
    "report: page types": page("wagtailadmin_reports:page_types_usage"),
    "report: aging pages": page("wagtailadmin_reports:aging_pages"),
    "report: site history": page("wagtailadmin_reports:site_history"),
    "report: locked pages": page("wagtailadmin_reports:locked_pages"),
    "account": page("wagtailadmin_account"),
}

# The labels of a page in a language, read once per run (they do not depend on the rows).
_read = {}


def labels_of(client, user, content, name, language):
    if (name, language) not in _read:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        response = client.get(PAGES[name](content))
        assert response.status_code == 200, (name, language)
        _read[name, language] = visible_labels(response.content.decode())
    return _read[name, language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_admin_labels_start_with_a_capital_in_the_editors_language(
    client, admin_user, content, name, language
):
    client.force_login(admin_user)
    labels = labels_of(client, admin_user, content, name, language)
    assert labels, f"{name}: no labels found"

    lower_case = [(kind, text) for kind, text in labels if text[:1].islower()]
    assert not lower_case, f"{name} ({language}): starts with a lower-case letter: {lower_case}"
    if language == "en":
        return
    english = {text for _kind, text in labels_of(client, admin_user, content, name, "en")}
    left_in_english = [
        (kind, text)
        for kind, text in labels
        if text in english and text not in SAME_AS_ENGLISH[language]
    ]
    assert not left_in_english, f"{name} ({language}): left in English: {left_in_english}"
    if language == "es":
        french = {text for _kind, text in labels_of(client, admin_user, content, name, "fr")}
        left_in_french = [
            (kind, text)
            for kind, text in labels
            if text in french - english and text not in SAME_AS_FRENCH
        ]
        assert not left_in_french, f"{name} ({language}): left in French: {left_in_french}"
