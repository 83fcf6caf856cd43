"""What the public chrome (header, footer) needs on every page.

The main navigation and the footer links are plain lists of ``Link`` so that later steps add
an entry in one line. A link whose URL name is not (yet) routed is left out rather than shown
dead: the partnership calls, map and API entries appear as soon as their views are named
``partnership_calls``, ``map`` and ``api`` inside the language prefix.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from cms.bootstrap import AUTHORITY_INDEX_SLUG, NEWS_INDEX_SLUG

WAGTAIL_SERVE = "wagtail_serve"


@dataclass(frozen=True)
class Link:
    label: str
    url_name: str
    args: tuple = ()

    def resolve(self):
        """The URL in the active language, or None while nothing serves it."""
        try:
            return reverse(self.url_name, args=self.args)
        except NoReverseMatch:
            return None


MAIN_NAVIGATION = [
    Link(_("Home"), WAGTAIL_SERVE, ("",)),
    Link(_("Authorities"), WAGTAIL_SERVE, (f"{AUTHORITY_INDEX_SLUG}/",)),
    # The calls directory and the search are routes of the directory and home pages (cms.views).
    Link(_("Partnership calls"), WAGTAIL_SERVE, (f"{AUTHORITY_INDEX_SLUG}/appels/",)),
    Link(_("Map"), "map"),
    Link(_("News"), WAGTAIL_SERVE, (f"{NEWS_INDEX_SLUG}/",)),
    Link(_("API for partners"), "api"),
    Link(_("Search"), WAGTAIL_SERVE, ("recherche/",)),
]

FOOTER_LINKS = [
    Link(_("News feed (RSS)"), "feed_news_rss"),
    Link(_("Partnership calls feed (RSS)"), "feed_calls_rss"),
    Link(_("Alerts by email"), "alerts_subscribe"),
]


def _is_current(url, path):
    # The home only matches itself; a section matches everything under it.
    if url.rstrip("/").count("/") <= 1:
        return path == url
    return path.startswith(url)


def _entries(links, path):
    entries = []
    for link in links:
        url = link.resolve()
        if url is not None:
            entries.append({"label": link.label, "url": url, "is_current": _is_current(url, path)})
    # Nested sections (the calls directory lives under the authorities'): the closest wins.
    current = [entry for entry in entries if entry["is_current"]]
    for entry in sorted(current, key=lambda entry: len(entry["url"]))[:-1]:
        entry["is_current"] = False
    return entries


def navigation(request):
    return {
        "main_navigation": _entries(MAIN_NAVIGATION, request.path),
        "footer_links": _entries(FOOTER_LINKS, request.path),
    }
