"""An editor's day in a real browser, through the Wagtail admin: create a fiche, add an open
call, translate the fiche into English, publish the translation, and find it on /en/.

Screenshots of each step are kept under ``var/browser/editor/`` (CI keeps them as artefacts).
"""

from pathlib import Path

import pytest
from django.conf import settings
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from cms.models import AuthorityIndexPage, AuthorityPage, PartnershipCallPage
from tests.factories import locale

pytestmark = pytest.mark.browser

SHOTS = Path(settings.VAR_DIR) / "browser" / "editor"
PASSWORD = "a-long-editor-password"


@pytest.fixture
def editor(portal, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin's words below are its English ones
    profile.save()
    return user


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def publish(page):
    """The page editor's "Publish" (in the footer's action menu)."""
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_load_state()


def test_an_editor_creates_translates_and_publishes_a_fiche(tab, portal, editor):
    page = tab.page
    page.set_default_timeout(15_000)
    page.goto(f"{portal}/admin/login/")
    page.fill("input[name='username']", "editor")
    page.fill("input[name='password']", PASSWORD)
    page.click("button[type='submit']")
    page.wait_for_url(f"{portal}/admin/")

    # 1. A fiche, in French (the default language), published.
    directory = AuthorityIndexPage.objects.get(locale=locale())
    page.goto(f"{portal}/admin/pages/add/cms/authoritypage/{directory.pk}/")
    page.fill("input[name='title']", "Saint-Louis")
    page.fill("textarea[name='summary']", "Ville historique au nord du Sénégal.")
    page.select_option("select[name='kind']", "municipality")
    # The countries' box keeps the matching names in view as one types (accents ignored).
    page.locator("select[name='country']").focus()
    page.locator("input.select-filter[aria-controls='id_country']").fill("senegal")
    shown = page.evaluate(
        "[...document.querySelector(\"select[name='country']\").options]"
        ".filter(o => !o.hidden && o.value).map(o => o.value)"
    )
    assert shown == ["SN"]
    page.select_option("select[name='country']", "SN")
    # Its location picked on the map (the shipped country shapes): a click fills both fields.
    page.get_by_role("tab", name="Characteristics").click()
    page.locator("[data-coordinates-map]").click()
    latitude = float(page.input_value("input[name='latitude']"))
    longitude = float(page.input_value("input[name='longitude']"))
    assert -90 <= latitude <= 90 and -180 <= longitude <= 180
    shot(page, "1-new-fiche")
    publish(page)
    fiche = AuthorityPage.objects.get(title="Saint-Louis", locale=locale())
    assert fiche.live
    assert (round(fiche.latitude, 5), round(fiche.longitude, 5)) == (latitude, longitude)

    # 2. An open call under it, published.
    page.goto(f"{portal}/admin/pages/add/cms/partnershipcallpage/{fiche.pk}/")
    page.fill("input[name='title']", "Eau potable")
    page.select_option("select[name='direction']", "request")
    page.select_option("select[name='status']", "open")
    page.fill("textarea[name='summary']", "Nous cherchons un partenaire pour l'eau potable.")
    shot(page, "2-new-call")
    publish(page)
    call = PartnershipCallPage.objects.get(title="Eau potable")
    assert call.live and call.status == "open"

    # 3. "Translate this page" into English, the call with it: a draft, not yet public.
    page.goto(f"{portal}/admin/localize/submit/page/{fiche.pk}/")
    page.get_by_label("English").check()
    subtree = page.locator("input[name='include_subtree']")
    if subtree.count():
        subtree.check()
    shot(page, "3-translate")
    page.locator("form button[type='submit'], form input[type='submit']").last.click()
    page.wait_for_load_state()
    english = AuthorityPage.objects.get(translation_key=fiche.translation_key, locale=locale("en"))
    assert not english.live
    public = page.context.new_page()
    public.goto(f"{portal}/en/fiches/saint-louis/")
    assert "Not yet translated into your language" in public.content()
    shot(public, "4-public-before")

    # 4. The translator publishes the English fiche from the translation editor.
    page.goto(f"{portal}/admin/pages/{english.pk}/edit/")
    page.get_by_role("button", name="Publish in English").click()
    page.wait_for_load_state()
    shot(page, "5-translation-published")
    english.refresh_from_db()
    assert english.live

    # 5. An English visitor reads it as English content, its open call listed.
    public.goto(f"{portal}/en/fiches/{english.slug}/")
    html = public.content()
    assert "Saint-Louis" in html
    assert "Not yet translated into your language" not in html
    assert "Eau potable" in html  # the call, in French until its own translation is published
    shot(public, "6-public-after")


def log_in(page, portal):
    page.goto(f"{portal}/admin/login/")
    page.fill("input[name='username']", "editor")
    page.fill("input[name='password']", PASSWORD)
    page.click("button[type='submit']")
    page.wait_for_url(f"{portal}/admin/")


def test_a_french_editor_reads_the_translation_editor_and_the_menu_whole(tab, portal, editor):
    directory = AuthorityIndexPage.objects.get(locale=locale())
    fiche = AuthorityPage(
        title="Saint-Louis", slug="saint-louis", kind="municipality", country="SN"
    )
    directory.add_child(instance=fiche)
    fiche.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(fiche)
    Translation.objects.create(source=source, target_locale=locale("en")).save_target()
    english = AuthorityPage.objects.get(translation_key=fiche.translation_key, locale=locale("en"))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    page = tab.page
    page.set_default_timeout(15_000)
    log_in(page, portal)

    page.goto(f"{portal}/admin/pages/{english.pk}/edit/")
    editor_text = page.locator(".js-translation-editor").inner_text()
    assert "Traduction : Français → Anglais" in editor_text
    assert " to " not in editor_text and "translation" not in editor_text
    assert page.get_by_role("button", name="Publier en Anglais").count() == 1
    shot(page, "7-translation-editor-fr")

    # The sidebar's own entries, whole in every language (no ellipsis at its default width).
    for language in ("fr", "en", "es", "pt", "ar"):
        profile.preferred_language = language
        profile.save()
        page.goto(f"{portal}/admin/")
        cut = page.evaluate(
            "[...document.querySelectorAll('.sidebar-main-menu .menuitem-label')]"
            ".filter(e => e.scrollWidth > e.clientWidth).map(e => e.textContent)"
        )
        assert cut == [], language
