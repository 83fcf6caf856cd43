"""What the public chrome (header, footer) needs on every page.

The main navigation and the footer links are plain lists of ``Link`` so that later steps add
an entry in one line. A link whose URL is not (yet) routed is left out rather than shown
dead. Addresses of the page tree come from cms.pages.urls, where the skeleton's sections and
routes are named once.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from cms.pages import urls as page_urls


@dataclass(frozen=True)
class Link:
    label: str
    url_name: str = ""
    url: Callable | None = None  # an address of the page tree, in the active language

    def resolve(self):
        """The URL in the active language, or None while nothing serves it."""
        try:
            return self.url() if self.url else reverse(self.url_name)
        except NoReverseMatch:
            return None


MAIN_NAVIGATION = [
    Link(_("Home"), url=page_urls.home_url),
    Link(_("Authorities"), url=page_urls.directory_url),
    Link(_("Partnership calls"), url=lambda: page_urls.directory_url("calls")),
    Link(_("Map"), "map"),
    Link(_("News"), url=page_urls.news_url),
    Link(_("API for partners"), "api"),
    Link(_("Search"), url=page_urls.search_url),
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
