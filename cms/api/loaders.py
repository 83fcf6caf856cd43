"""Batch loading: the items nested GraphQL types receive, with what their fields read
fetched in a fixed number of queries whatever the number of items.

Every type with resolvers receives an ``Item``: the object (a page, a cooperation, a foreign
actor, a theme), the language the client asked for, and the batch it was loaded with. A
batch is the pages of one kind loaded together (one list, one search page, the open calls of
a list of fiches…) and their relations, fetched for all of them at once: translations, a
fiche's open calls and its cooperations' partners, a call's fiche, an article's fiches and
images. Resolvers reach relations only through their item's batch (``translations_of``,
``open_calls_of``, ``authority_of``, ``partner_of``, ``related_of``), never through
attributes set on model instances.

Today a batch loads all its relations when it is built. Paying only for what a query selects
(issue 11) changes the batches alone: a relation becomes a property computed for the whole
batch on first use, and the resolvers stay as they are.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model

from cms.models import AuthorityPage, Cooperation, NewsPage, PartnershipCallPage, visible_pages

from . import querysets

# The only rendition the API serves: arbitrary filters would let clients make the server
# generate unbounded numbers of image files.
IMAGE_RENDITION = "max-1200x1200"


@dataclass(frozen=True, eq=False)
class Item:
    """What the resolvers of a nested type receive (its ``parent``)."""

    obj: Any
    language: str  # the requested language: names and labels follow it
    batch: "Batch | None" = field(default=None, repr=False)

    def child(self, obj):
        """A nested object (a cooperation, a theme…) in the same language and batch."""
        return Item(obj, self.language, self.batch)


def _saved(pages):
    """Pages to prefetch for: a draft previewed while being created has no row yet (its
    related objects are in memory, and a prefetch keeps in-memory values anyway)."""
    return [page for page in pages if page.pk is not None]


def localized_authorities(keys, locale, scope):
    """The visible copy in ``locale`` (or fallback) of each authority translation_key."""
    if not keys:
        return {}
    pages = AuthorityPage.objects.visible_in(locale, scope.restricted).filter(
        translation_key__in=set(keys)
    )
    return {page.translation_key: page for page in pages}


class Batch:
    """Pages of one model loaded together, for one request and requested locale."""

    def __init__(self, pages, locale, scope):
        self.pages = list(pages)
        self.locale = locale
        self.language = locale.language_code
        self.scope = scope
        self._translations = defaultdict(list)

    def item(self, page):
        return Item(page, self.language, self)

    def items(self):
        return [self.item(page) for page in self.pages]

    def _load_translations(self):
        """The other live, public copies of each page (one query)."""
        keys = {page.translation_key for page in self.pages}
        rows = (
            visible_pages(restricted=self.scope.restricted)
            .filter(translation_key__in=keys)
            .values_list("pk", "translation_key", "locale__language_code", "url_path")
            .order_by("locale__language_code")
        )
        for pk, key, code, url_path in rows:
            url = self.scope.page_urls(url_path)
            self._translations[key].append((pk, {"locale": code, "url": url}))

    def translations_of(self, page):
        return [value for pk, value in self._translations[page.translation_key] if pk != page.pk]


class AuthorityBatch(Batch):
    """Fiches with their taxonomy, foreign actors, cooperations (and partners' copies in the
    locale), translations and open calls."""

    def __init__(self, pages, locale, scope):
        super().__init__(pages, locale, scope)
        self.by_key = {page.translation_key: page for page in self.pages}
        self._partners = {}
        self._open_calls = defaultdict(list)
        self.calls = None
        if not self.pages:
            return
        prefetch_related_objects(
            _saved(self.pages),
            "objective_themes",
            "objective_domains",
            "foreign_actors",
            Prefetch(
                "cooperations",
                queryset=Cooperation.objects.select_related("partner_page").prefetch_related(
                    "themes"
                ),
            ),
        )
        partner_keys = {
            row.partner_page.translation_key
            for page in self.pages
            for row in page.cooperations.all()
            if row.partner_page_id
        }
        self._partners = localized_authorities(partner_keys, locale, scope)
        self._load_translations()
        calls = list(
            querysets.open_calls(locale, restricted=scope.restricted).filter(
                authority_key__in=list(self.by_key)
            )
        )
        self.calls = CallBatch(calls, locale, scope, authorities=self)
        for call in calls:
            self._open_calls[call.authority_key].append(call)

    def open_calls_of(self, page):
        return [self.calls.item(call) for call in self._open_calls[page.translation_key]]

    def partner_of(self, cooperation):
        """The partner fiche's visible copy (an Item), else None (outside the portal, or not
        published: a draft or private fiche lends nothing, not even its title)."""
        if not cooperation.partner_page_id:
            return None
        page = self._partners.get(cooperation.partner_page.translation_key)
        return Item(page, self.language) if page is not None else None


class CallBatch(Batch):
    """Calls with their taxonomy, translations and fiche. Each call carries ``authority_key``
    (``with_authority``); ``authorities`` is the batch holding their fiches, loaded here when
    not given."""

    def __init__(self, calls, locale, scope, *, authorities=None):
        super().__init__(calls, locale, scope)
        self.authorities = authorities
        if not self.pages:
            return
        prefetch_related_objects(_saved(self.pages), "themes", "action_domains")
        self._load_translations()
        if self.authorities is None:
            keys = [call.authority_key for call in self.pages]
            pages = localized_authorities(keys, locale, scope)
            self.authorities = AuthorityBatch(pages.values(), locale, scope)

    def authority_of(self, call):
        page = self.authorities.by_key.get(call.authority_key) if self.authorities else None
        return self.authorities.item(page) if page is not None else None


class NewsBatch(Batch):
    """Articles with their themes, translations, related fiches and body images."""

    def __init__(self, articles, locale, scope):
        super().__init__(articles, locale, scope)
        self.images = {}
        self.authorities = None
        if not self.pages:
            return
        prefetch_related_objects(
            _saved(self.pages),
            "themes",
            Prefetch("related_authorities", queryset=AuthorityPage.objects.only("translation_key")),
        )
        self._load_translations()
        keys = {
            related.translation_key
            for article in self.pages
            for related in article.related_authorities.all()
        }
        pages = localized_authorities(keys, locale, scope)
        self.authorities = AuthorityBatch(pages.values(), locale, scope)
        self._load_images()

    def related_of(self, article):
        by_key = self.authorities.by_key
        return [
            self.authorities.item(by_key[related.translation_key])
            for related in article.related_authorities.all()
            if related.translation_key in by_key
        ]

    def _load_images(self):
        """The images of every body in one query, with their (single, fixed) rendition."""
        ids = {
            block["value"].get("image")
            for article in self.pages
            for block in article.body.raw_data
            if block["type"] == "image" and isinstance(block.get("value"), dict)
        }
        ids.discard(None)
        if ids:
            images = get_image_model().objects.filter(pk__in=ids)
            self.images = {image.pk: image for image in images.prefetch_renditions(IMAGE_RENDITION)}


# --- entry points: pages in, items out ------------------------------------------------------


def load_authorities(pages, locale, scope):
    return AuthorityBatch(pages, locale, scope).items()


def load_calls(calls, locale, scope):
    return CallBatch(calls, locale, scope).items()


def load_news(articles, locale, scope):
    return NewsBatch(articles, locale, scope).items()


def load_previewed_call(call, locale, scope):
    """A draft call an editor previews: its fiche is its parent page, in whatever state."""
    authority = call.authority
    call.authority_key = authority.translation_key  # what ``with_authority`` annotates
    authorities = AuthorityBatch([authority], locale, scope)
    return CallBatch([call], locale, scope, authorities=authorities).item(call)


def load_mixed(pages, locale, scope):
    """Search results (fiches, calls and news in one ranked list), as items in their order."""
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    calls = by_model[PartnershipCallPage]
    if calls:
        # Search results lack the annotation that links a call to its fiche.
        keyed = querysets.calls(locale, restricted=scope.restricted).filter(
            pk__in=[call.pk for call in calls]
        )
        keys = dict(keyed.values_list("pk", "authority_key"))
        for call in calls:
            call.authority_key = keys[call.pk]
    batches = {
        AuthorityPage: AuthorityBatch(by_model[AuthorityPage], locale, scope),
        PartnershipCallPage: CallBatch(calls, locale, scope),
        NewsPage: NewsBatch(by_model[NewsPage], locale, scope),
    }
    return [batches[type(page)].item(page) for page in pages]
