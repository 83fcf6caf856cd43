"""What every portal needs before any content: locales, the taxonomy, the page skeleton.

Idempotent: running it again changes nothing. Used by ``manage.py bootstrap_portal``,
by ``seed_demo`` and by the test fixtures.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site

from cms.models import ActionDomain, AuthorityIndexPage, HomePage, NewsIndexPage, Theme
from cms.models.standard_content import site_pages
from cms.taxonomy_data import THEMES

# Slugs are the same in every language so that /fr/fiches/ and /en/fiches/ mirror each other.
AUTHORITY_INDEX_SLUG = "fiches"
NEWS_INDEX_SLUG = "actualites"


@dataclass
class Skeleton:
    home: HomePage
    authorities: AuthorityIndexPage
    news: NewsIndexPage


def ensure_locales():
    """One Locale per configured language, the default one first."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def ensure_taxonomy(locales=None):
    """The starting themes and action domains, in the default locale and translated."""
    locales = locales or ensure_locales()
    default = locales[settings.LANGUAGE_CODE]
    for order, data in enumerate(THEMES):
        theme = Theme.objects.filter(locale=default, slug=data["slug"]).first()
        if theme is None:
            theme = Theme.objects.create(
                locale=default,
                slug=data["slug"],
                name=data["names"][settings.LANGUAGE_CODE],
                sdg_numbers=data["sdgs"],
                sort_order=order,
            )
        themes_by_locale = {default.language_code: theme}
        for code, locale in locales.items():
            if locale == default or code not in data["names"]:
                continue
            translated = theme.get_translation_or_none(locale)
            if translated is None:
                translated = theme.copy_for_translation(locale)
                translated.name = data["names"][code]
                translated.save()
            themes_by_locale[code] = translated
        for domain_order, domain in enumerate(data.get("domains", [])):
            _ensure_domain(domain, domain_order, themes_by_locale, locales, default)


def _ensure_domain(data, order, themes_by_locale, locales, default):
    source = ActionDomain.objects.filter(locale=default, slug=data["slug"]).first()
    if source is None:
        source = ActionDomain.objects.create(
            locale=default,
            slug=data["slug"],
            theme=themes_by_locale[default.language_code],
            name=data["names"][settings.LANGUAGE_CODE],
            sort_order=order,
        )
    for code, locale in locales.items():
        if locale == default or code not in data["names"] or code not in themes_by_locale:
            continue
        if source.get_translation_or_none(locale) is None:
            translated = source.copy_for_translation(locale)
            translated.name = data["names"][code]
            translated.theme = themes_by_locale[code]
            translated.save()


def _child(parent, model, slug, title, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(title=title, slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _translate_page(page, locale, title):
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale, copy_parents=True)
        translated.title = title
        translated.save_revision().publish()
    return translated


def find_skeleton():
    """The default-locale skeleton when it exists (three queries), else None."""
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return None
    authorities = AuthorityIndexPage.objects.child_of(home).first()
    news = NewsIndexPage.objects.child_of(home).first()
    if authorities is None or news is None:
        return None
    return Skeleton(home=home, authorities=authorities, news=news)


@transaction.atomic
def ensure_skeleton():
    """The home page, the directory and the news index in every language, served by one Site.

    The French tree is the source; the others are its translations (same translation_key),
    so Wagtail's i18n routing serves /en/ from the English home.
    """
    locales = ensure_locales()
    ensure_taxonomy(locales)
    default = locales[settings.LANGUAGE_CODE]
    root = Page.get_first_root_node()

    home = HomePage.objects.filter(locale=default).first()
    if home is None:
        home = HomePage(
            title=settings.WAGTAIL_SITE_NAME,
            slug="accueil",
            locale=default,
            introduction=(
                "<p>La Bourse-partenariats recense les offres et les demandes des collectivités "
                "territoriales françaises et étrangères qui souhaitent s’engager dans un "
                "partenariat de coopération décentralisée.</p>"
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            # Wagtail's placeholder "Welcome" page has no place in the portal.
            old_root.delete()
    # The public address (settings.PUBLIC_BASE_URL) is what mail links and feeds use.
    public = urlsplit(getattr(settings, "PUBLIC_BASE_URL", "") or "")
    if public.hostname:
        port = public.port or (443 if public.scheme == "https" else 80)
        site = Site.objects.get(is_default_site=True)
        if (site.hostname, site.port) != (public.hostname, port):
            site.hostname, site.port = public.hostname, port
            site.save()  # through save(): Wagtail drops its cached site root paths

    with translation.override(settings.LANGUAGE_CODE):
        authorities = _child(
            home, AuthorityIndexPage, AUTHORITY_INDEX_SLUG, "Collectivités et appels à partenariat"
        )
        news = _child(home, NewsIndexPage, NEWS_INDEX_SLUG, "Actualités")

    for code, locale in locales.items():
        if locale == default:
            continue
        with translation.override(code):
            _translate_page(home, locale, gettext("Decentralised cooperation partnership exchange"))
            _translate_page(authorities, locale, gettext("Authorities and partnership calls"))
            _translate_page(news, locale, gettext("News"))
    ensure_site_pages(home, locales)
    return Skeleton(home=home, authorities=authorities, news=news)


def ensure_site_pages(home, locales):
    """Accessibility, legal notice, personal data and site map under every language's home,
    first worded in that language (translations of the French pages)."""
    contact = settings.BOURSE_MODERATORS_EMAIL
    with translation.override(settings.LANGUAGE_CODE):
        sources = [
            _child(home, model, slug, **fields) for model, slug, fields in site_pages(contact)
        ]
    for code, locale in locales.items():
        if locale == home.locale:
            continue
        with translation.override(code):
            for source, (_model, _slug, fields) in zip(sources, site_pages(contact), strict=True):
                if source.get_translation_or_none(locale) is None:
                    copy = source.copy_for_translation(locale, copy_parents=True)
                    for name, value in fields.items():
                        setattr(copy, name, value)
                    copy.save_revision().publish()
