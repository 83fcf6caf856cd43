"""The pages a French public site owes its visitors: accessibility statement, legal notice,
personal data and site map, editable, in every language, linked from every footer."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from cms.bootstrap import ensure_skeleton
from cms.models import AccessibilityPage, SitemapPage, StandardPage
from cms.models.standard import SITE_PAGE_SLUGS

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def footer(html):
    return html[html.index('<footer class="fr-footer"') :]


def test_bootstrap_creates_them_once_in_every_language(skeleton):
    ensure_skeleton()  # idempotent
    for code in LANGUAGES:
        slugs = sorted(
            page.slug
            for model in (StandardPage, SitemapPage)
            for page in model.objects.live().filter(locale__language_code=code)
        )
        assert slugs == sorted(SITE_PAGE_SLUGS), code
    assert AccessibilityPage.objects.count() == len(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_footer_links_the_four_pages_in_its_language(client, skeleton, code):
    html = footer(client.get(f"/{code}/fiches/").content.decode())
    hrefs = re.findall(r'class="fr-footer__bottom-link" href="([^"]+)"', html)
    for slug in SITE_PAGE_SLUGS:
        assert f"/{code}/{slug}/" in hrefs
        assert client.get(f"/{code}/{slug}/").status_code == 200
    with translation.override(code):
        assert gettext("Accessibility: %(status)s") % {"status": gettext("not compliant")} in html


def test_the_accessibility_status_and_audit_date_are_editable(client, skeleton):
    page = AccessibilityPage.objects.get(locale__language_code="fr")
    assert (
        "The portal has not been audited yet." in client.get("/en/accessibilite/").content.decode()
    )
    page.conformity = "partial"
    page.compliance_rate = 62.5
    page.audit_date = datetime.date(2026, 10, 15)
    page.auditor = "Access42"
    page.save_revision().publish()
    html = client.get("/fr/accessibilite/").content.decode()
    with translation.override("fr"):
        status = gettext("partially compliant")
        assert gettext("Accessibility: %(status)s") % {"status": status} in footer(html)
    statement = html[html.index('id="conformity-status"') :]
    assert status in statement[: statement.index("</p>")]
    assert "15 octobre 2026" in html
    assert "Access42" in html
    assert "62,5" in html


def test_personal_data_page_says_what_the_forms_store_and_whom_to_ask(client, skeleton):
    html = client.get("/en/donnees-personnelles/").content.decode()
    for heading in ("Expressions of interest", "Email alerts", "Comments", "Your rights"):
        assert f"<h2>{heading}</h2>" in html
    assert "7 days" in html
    assert settings.BOURSE_MODERATORS_EMAIL in html


def test_the_site_map_lists_the_sections_and_the_mandatory_pages(client, skeleton):
    html = client.get("/fr/plan-du-site/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    for href in ("/fr/", "/fr/fiches/", "/fr/fiches/appels/", "/fr/carte/", "/fr/actualites/"):
        assert f'href="{href}"' in main
    for slug in SITE_PAGE_SLUGS:
        assert f'href="/fr/{slug}/"' in main


def test_an_unpublished_page_leaves_the_footer(client, skeleton):
    StandardPage.objects.get(locale__language_code="en", slug="mentions-legales").unpublish()
    html = footer(client.get("/en/").content.decode())
    assert "/en/mentions-legales/" not in html
    assert "/en/donnees-personnelles/" in html


def test_editors_can_add_a_standard_page_under_a_home(admin_client, skeleton):
    response = admin_client.get(f"/admin/pages/add/cms/standardpage/{skeleton.home.pk}/")
    assert response.status_code == 200
