"""Template tags of the public chrome: language versions, breadcrumb, Open Graph locale."""

from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Page

from cms.pages.chrome import public_chrome
from cms.pages.urls import in_visitor_language

register = template.Library()

# Open Graph wants language_TERRITORY; these are the territories the portal writes for.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB", "es": "es_ES", "pt": "pt_PT", "ar": "ar_AR"}


@dataclass
class LanguageVersion:
    code: str
    name: str
    url: str
    is_current: bool


@dataclass
class LanguageVersions:
    """The current page in every language: what the switcher and hreflang links show.

    ``switcher`` has one entry per configured language: the live translation of the page,
    or that language's home when there is none. ``alternates`` lists only live, public
    translations (absolute URLs), ``x_default`` the default-language one if it exists.
    """

    switcher: list = field(default_factory=list)
    alternates: list = field(default_factory=list)
    x_default: str = ""


def language_home(code):
    with translation.override(code):
        return reverse("wagtail_serve", args=[""])


def _translated_path(request, code):
    """The same non-page view in another language, or that language's home.

    Wagtail's catch-all matches any path, but a page path that exists in one language may not
    exist in another (slugs are translated), so it leads to the home instead.
    """
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return language_home(code)
    if match.url_name == "wagtail_serve":
        return language_home(code)
    url = translate_url(request.path, code)
    query = request.META.get("QUERY_STRING")
    return f"{url}?{query}" if query else url


def _page_translations(page, request):
    """{language code: URL} of the live, public versions of ``page``, itself included."""
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    urls = {}
    for version in translations:
        url = version.get_url(request)
        if url:
            urls[version.locale.language_code] = url
    return urls


def _untranslated_url(page_urls, code):
    """Where a page with no version in ``code`` is read in that language's chrome.

    cms.models.routing serves content not yet translated under every language's prefix, in its
    source language and marked so; the language's home is the answer only for a page with
    no public version at all.
    """
    if not page_urls:
        return language_home(code)
    source = settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in page_urls else min(page_urls)
    with translation.override(code):
        return in_visitor_language(page_urls[source], source)


def language_versions(request, page=None):
    current = translation.get_language()
    page_urls = {}
    if isinstance(page, Page):
        page_urls = public_chrome(
            request, "translations", [page.pk], lambda: _page_translations(page, request)
        )
    versions = LanguageVersions()
    for code, _name in settings.LANGUAGES:
        if isinstance(page, Page):
            url = page_urls.get(code) or _untranslated_url(page_urls, code)
        else:
            url = _translated_path(request, code)
        versions.switcher.append(
            LanguageVersion(
                code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                is_current=code == current,
            )
        )
    versions.alternates = [
        {"code": code, "url": request.build_absolute_uri(url)} for code, url in page_urls.items()
    ]
    if settings.LANGUAGE_CODE in page_urls:
        versions.x_default = request.build_absolute_uri(page_urls[settings.LANGUAGE_CODE])
    return versions


@register.simple_tag(takes_context=True)
def page_language_versions(context):
    """``{% page_language_versions as versions %}``: see ``LanguageVersions``."""
    request = context.get("request")
    if request is None:
        return LanguageVersions()
    return language_versions(request, context.get("page"))


@register.simple_tag(takes_context=True)
def breadcrumb_links(context, page):
    """The live, public ancestors of ``page`` below its language's home, with their URLs.

    The home itself is the breadcrumb's first link, written by the template.
    """
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return public_chrome(request, "breadcrumb", [page.pk], lambda: _breadcrumb(page, request))


def _breadcrumb(page, request):
    links = []
    for ancestor in page.get_ancestors().filter(depth__gt=2).live().public():
        url = ancestor.get_url(request)
        if url:
            links.append({"title": ancestor.title, "url": url})
    return links


@register.simple_tag
def home_url():
    """The home of the active language."""
    return language_home(translation.get_language())


@register.simple_tag(takes_context=True)
def absolute_url(context, url=None):
    """The absolute form of ``url`` (the current path by default) for the request's host."""
    request = context.get("request")
    if request is None:
        return url or ""
    return request.build_absolute_uri(url if url is not None else request.path)


@register.filter
def og_locale(code):
    return OG_LOCALES.get(code, code)
