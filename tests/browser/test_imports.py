"""The import screen in a real browser, in French: upload a workbook (a fiche and one of its
partnership calls), read the preview, confirm, and find both in the portal."""

import io
import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.users.models import UserProfile

from cms.models import AuthorityPage, PartnershipCallPage
from portal.imports.columns import TABLES

pytestmark = pytest.mark.browser


def french_headers(table, *keys):
    columns = {column.key: column for column in TABLES[table]}
    with translation.override("fr"):
        return [str(columns[key].header) for key in keys]


def workbook():
    book = openpyxl.Workbook()
    book.remove(book.active)
    fiches = book.create_sheet("Fiches")
    fiches.append(french_headers("fiches", "title", "kind", "country_code", "official_code"))
    fiches.append(["Besançon", "Commune", "FR", "25056"])
    calls = book.create_sheet("Appels")
    calls.append(
        french_headers(
            "calls", "fiche_official_code", "call_title", "direction", "call_summary", "deadline"
        )
    )
    calls.append(["25056", "Jumelage scolaire", "Demande", "Des écoles cherchent.", "31/12/2031"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_moderator_uploads_previews_and_confirms_in_french(browser, portal):
    user = get_user_model().objects.create_superuser("moderator", "mod@example.org", "pass-123")
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "fr"})
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{portal}/admin/login/")
    page.locator("input[name=username]").fill("moderator")
    page.locator("input[name=password]").fill("pass-123")
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(f"{portal}/admin/imports/")
    page.locator("input[name=file]").set_input_files(
        files=[
            {
                "name": "atlas.xlsx",
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "buffer": workbook(),
            }
        ]
    )
    page.get_by_role("button", name="Vérifier le fichier").click()
    page.locator("#import-lines").wait_for()
    assert page.get_by_text("Rien n'a encore été enregistré.").is_visible()
    lines = page.locator("#import-lines tbody tr")
    assert lines.count() == 2
    assert page.locator("#import-lines tbody tr[data-status=created]").count() == 2
    assert "Jumelage scolaire" in page.locator("#import-lines").inner_text()
    assert not AuthorityPage.objects.filter(official_code="25056").exists()  # a preview only

    page.get_by_role("button", name="Importer", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/imports/\d+/confirm/$"))
    assert page.get_by_role("status").filter(has_text="atlas.xlsx” est importé").is_visible()
    fiche = AuthorityPage.objects.get(official_code="25056")
    call = PartnershipCallPage.objects.child_of(fiche).get()
    assert (call.title, call.direction, call.live) == ("Jumelage scolaire", "request", True)
    context.close()
