"""Addresses of the skeleton's sections and of content in the visitor's language.

The skeleton's section slugs are the same in every language (cms.bootstrap), so these
addresses cost no query.
"""

from django.urls import reverse
from django.utils import translation

from cms.bootstrap import AUTHORITY_INDEX_SLUG, NEWS_INDEX_SLUG
from cms.models import AuthorityIndexPage, HomePage


def home_url():
    return reverse("wagtail_serve", args=[""])


def directory_url(route_name="", *args):
    """Address of a directory view in the active language ("" is the authority directory)."""
    subpath = AuthorityIndexPage.get_resolver().reverse(route_name, *args) if route_name else ""
    return reverse("wagtail_serve", args=[f"{AUTHORITY_INDEX_SLUG}/{subpath}"])


def news_url():
    return reverse("wagtail_serve", args=[f"{NEWS_INDEX_SLUG}/"])


def search_url():
    return reverse("wagtail_serve", args=[HomePage.get_resolver().reverse("search")])


def in_visitor_language(url, locale):
    """``url`` of an item in ``locale``, moved under the active language's prefix.

    Page trees mirror each other (the skeleton's slugs are the same in every language) and
    ``LocaleFallbackRoutingMixin`` serves the source-language item at that address.
    """
    current = translation.get_language()
    prefix = f"/{locale}/"
    if not url or not locale or locale == current or not url.startswith(prefix):
        return url
    return f"/{current}/{url[len(prefix) :]}"
