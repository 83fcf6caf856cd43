"""Template helpers of the public pages fed by GraphQL operations (cms.pages)."""

import datetime
import threading
from collections import OrderedDict

from django import template
from django.db.models import OuterRef, Subquery
from django.utils import translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from cms.models import AccessibilityPage, Conformity, visible_pages
from cms.models.standard import ACCESSIBILITY_SLUG, SITE_PAGE_SLUGS
from cms.pages import urls
from cms.pages.chrome import public_chrome
from cms.pages.forms import SEARCH_MAX_LENGTH
from cms.pages.urls import in_visitor_language

register = template.Library()

# --- cards ------------------------------------------------------------------------------------

# A grid's card template and the variable naming its item, by the grid's ``card``.
CARDS = {
    "call": ("cms/includes/call_card.html", "call"),
    "authority": ("cms/includes/authority_card.html", "authority"),
    "news": ("cms/includes/news_card.html", "article"),
    "search": ("cms/includes/search_card.html", "item"),
}
# Cards kept rendered per process: about 3 KB each with its key (the item's data), ~3 MB.
CARDS_KEPT = 1024
_cards = OrderedDict()
_cards_lock = threading.Lock()


@register.simple_tag(takes_context=True)
def grid_card(context, card, item):
    """A grid's card: ``{% include %}`` of the card template with the item, as the grid did,
    rendered once per process for the same item data, active language, day (a deadline's
    days left), heading level and contact action, the only things a card reads: the same
    card on the next page view is the same text (issue 11)."""
    name, variable = CARDS.get(card, CARDS["news"])
    key = (
        name,
        translation.get_language(),
        datetime.date.today(),
        context.get("level"),
        context.get("with_contact"),
        repr(item),
    )
    with _cards_lock:
        html = _cards.get(key)
        if html is not None:
            _cards.move_to_end(key)
            return html
    with context.push(**{variable: item}):
        html = context.template.engine.get_template(name).render(context)
    with _cards_lock:
        _cards[key] = html
        if len(_cards) > CARDS_KEPT:
            _cards.popitem(last=False)
    return html


@register.filter
def visitor_url(item):
    """The address of an item (``url`` and ``locale`` keys) in the visitor's language."""
    if not item:
        return ""
    return in_visitor_language(item.get("url"), item.get("locale"))


@register.filter
def lang_attr(item):
    """`` lang="fr"`` on content in another language than the visitor's, else nothing.

    ``item`` is a result with a ``locale`` key, or a language code. When the two languages
    are written in different directions (French content on an Arabic page), ``dir`` too.
    """
    locale = item.get("locale") if isinstance(item, dict) else item
    current = translation.get_language()
    if not locale or locale == current:
        return ""
    if _is_rtl(locale) == _is_rtl(current):
        return format_html(' lang="{}"', locale)
    return format_html(' lang="{}" dir="{}"', locale, "rtl" if _is_rtl(locale) else "ltr")


def _is_rtl(code):
    try:
        return get_language_info(code)["bidi"]
    except KeyError:
        return False


@register.filter
def iso_date(value):
    """A GraphQL Date or DateTime (ISO text) as a Python value for the ``date`` filter."""
    if not value:
        return None
    return parse_datetime(value) if "T" in value else parse_date(value)


@register.filter
def days_left(value):
    """Days from today until an ISO date (negative once past)."""
    day = iso_date(value)
    return (day - datetime.date.today()).days if day else None


# Languages whose grammar writes a language's name in lower case inside a sentence
# ("idioma original, francés"); English capitalises it and Arabic has no case.
LOWER_CASE_LANGUAGE_NAMES = {"fr", "es", "pt"}


@register.filter
def language_name(code):
    """The name of a language as Django gives it in the active language, written as it is
    inside a sentence of that language."""
    try:
        name = get_language_info(code)["name_translated"]
    except KeyError:
        return code
    if translation.get_language() in LOWER_CASE_LANGUAGE_NAMES:
        return name[:1].lower() + name[1:]
    return name


@register.simple_tag
def directory_url(route_name="", *args):
    """``{% directory_url "theme" slug %}``: see cms.pages.urls.directory_url."""
    return urls.directory_url(route_name, *args)


@register.simple_tag
def search_url():
    return urls.search_url()


@register.simple_tag
def search_max_length():
    """The longest search the search page accepts (the header's search bar says so too)."""
    return SEARCH_MAX_LENGTH


@register.simple_tag
def news_url():
    return urls.news_url()


@register.simple_tag
def current_language():
    return translation.get_language()


@register.simple_tag(takes_context=True)
def site_pages(context):
    """The mandatory pages of the active language (site map, accessibility with its RGAA
    status, legal notice, personal data) that are live and public, in the DSFR footer's
    order: one query."""
    request = context.get("request")
    return public_chrome(request, "site-pages", [], lambda: _site_pages(request))


def _site_pages(request):
    conformity = AccessibilityPage.objects.filter(pk=OuterRef("pk")).values("conformity")
    pages = (
        visible_pages()
        .filter(depth=3, locale__language_code=translation.get_language(), slug__in=SITE_PAGE_SLUGS)
        .annotate(conformity=Subquery(conformity[:1]))
    )
    links = []
    for page in sorted(pages, key=lambda page: SITE_PAGE_SLUGS.index(page.slug)):
        url = page.get_url(request)
        if not url:
            continue
        label = page.title
        if page.slug == ACCESSIBILITY_SLUG and page.conformity:
            label = _("Accessibility: %(status)s") % {"status": Conformity(page.conformity).label}
        links.append({"label": label, "url": url, "slug": page.slug})
    return links
