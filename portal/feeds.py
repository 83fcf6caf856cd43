"""RSS and Atom feeds of the news and of new partnership calls, one per language.

``/<lang>/feeds/news.rss`` (``.atom``) and ``/<lang>/feeds/calls.rss`` (``.atom``), optionally
narrowed with ``?theme=<slug>``. A feed lists live, public pages only; a page not translated
into the feed's language appears in its source language, marked so. Which pages, in which
language and order, come from cms.api.querysets (on the content rules of
cms.models.querysets): the lists GraphQL and exports share.
Items carry titles, summaries, links, dates and themes: nothing from an authority's private
contact fields.
"""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Subquery
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language_info, gettext
from wagtail.models import Locale, Page

from cms.api import querysets
from cms.bootstrap import AUTHORITY_INDEX_SLUG, NEWS_INDEX_SLUG
from cms.models import Theme, name_in
from cms.models.querysets import parent_path

FEED_LENGTH = 30


def theme_from_slug(slug):
    """The default-locale theme that pages reference, or 404 for an unknown slug.

    No slug, or an empty one (a form's "any theme" choice), means no filter.
    """
    if not slug:
        return None
    try:
        return querysets.theme_by_slug(slug)
    except querysets.InvalidFilter as error:
        raise Http404(str(error)) from error


@dataclass
class FeedScope:
    """What one request asks for: the feed's language, its theme, and how to build links."""

    request: object
    locale: Locale
    theme: Theme | None
    # The private sections, looked up once for every queryset of the request.
    restricted: object = None

    @property
    def theme_slug(self):
        return self.theme.slug if self.theme else None

    @property
    def theme_name(self):
        if not self.theme:
            return ""
        themes = Theme.objects.filter(translation_key=self.theme.translation_key)
        return name_in(self.theme, themes.names_in(self.locale.language_code))


def _theme_names(pages, locale):
    """{page pk: [theme names in ``locale``]} in two queries for the whole list."""
    themes_by_page = {page.pk: list(page.themes.all()) for page in pages}
    keys = {theme.translation_key for themes in themes_by_page.values() for theme in themes}
    names = Theme.objects.filter(translation_key__in=keys).names_in(locale.language_code)
    return {
        pk: [name_in(theme, names) for theme in themes] for pk, themes in themes_by_page.items()
    }


def _untranslated_note(page, locale):
    if page.locale_id == locale.pk:
        return ""
    language = get_language_info(page.locale.language_code)["name_translated"]
    return gettext("Not yet translated: shown in %(language)s.") % {"language": language}


class PageFeed(Feed):
    """What the news and calls feeds share; subclasses say which pages and how to word them."""

    index_slug = ""

    def get_object(self, request):
        locale = Locale.objects.get(language_code=translation.get_language())
        theme = theme_from_slug(request.GET.get("theme"))
        return FeedScope(request, locale, theme, restricted=Page.objects.private_q())

    def pages(self, scope):
        raise NotImplementedError

    def describe(self, page, scope):
        raise NotImplementedError

    def heading(self):
        raise NotImplementedError

    def items(self, scope):
        pages = list(
            self.pages(scope).select_related("locale").prefetch_related("themes")[:FEED_LENGTH]
        )
        theme_names = _theme_names(pages, scope.locale)
        for page in pages:
            # Item methods only receive the item: give it what they need.
            page.feed_link = page.get_url(scope.request)
            page.feed_categories = theme_names[page.pk]
            page.feed_description = " ".join(
                part
                for part in (_untranslated_note(page, scope.locale), self.describe(page, scope))
                if part
            )
        return [page for page in pages if page.feed_link]

    def title(self, scope):
        site_name = gettext("Decentralised cooperation partnership exchange")
        if scope.theme:
            return f"{self.heading()}: {scope.theme_name} — {site_name}"
        return f"{self.heading()} — {site_name}"

    def link(self, scope):
        return reverse("wagtail_serve", args=[f"{self.index_slug}/"])

    def item_title(self, page):
        return page.title

    def item_link(self, page):
        return page.feed_link

    def item_description(self, page):
        return page.feed_description

    def item_categories(self, page):
        return page.feed_categories

    def item_updateddate(self, page):
        return page.last_published_at


class NewsFeed(PageFeed):
    index_slug = NEWS_INDEX_SLUG

    def heading(self):
        return gettext("News")

    def description(self, scope):
        return gettext("The latest news of the decentralised cooperation partnership exchange.")

    def pages(self, scope):
        return querysets.news(scope.locale, theme=scope.theme_slug, restricted=scope.restricted)

    def describe(self, page, scope):
        return page.introduction

    def item_pubdate(self, page):
        # The editorial date, at the time of day the article was first published.
        published = timezone.localtime(page.first_published_at) if page.first_published_at else None
        return datetime.datetime.combine(
            page.date, published.time() if published else datetime.time()
        )


class CallsFeed(PageFeed):
    index_slug = AUTHORITY_INDEX_SLUG

    def heading(self):
        return gettext("New partnership calls")

    def description(self, scope):
        return gettext("Partnership offers and requests recently published by local authorities.")

    def pages(self, scope):
        # The authority's title in the call's own tree, i.e. in the call's language.
        parent = Page.objects.filter(path=parent_path())
        calls = querysets.calls(scope.locale, theme=scope.theme_slug, restricted=scope.restricted)
        return calls.annotate(authority_title=Subquery(parent.values("title")[:1]))

    def describe(self, page, scope):
        heading = gettext("%(direction)s by %(authority)s (%(status)s).") % {
            "direction": page.get_direction_display(),
            "authority": page.authority_title,
            "status": page.get_status_display(),
        }
        return f"{heading} {page.summary}"

    def item_pubdate(self, page):
        return page.first_published_at


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class CallsAtomFeed(CallsFeed):
    feed_type = Atom1Feed
    subtitle = CallsFeed.description
