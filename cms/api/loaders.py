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

A relation is loaded for the whole batch on first use (issue 11): a query that selects only
flat fields (title, url, country) costs the page query alone, and each relation it does
select costs a fixed number of queries whatever the number of items. The page querysets
themselves select the columns the API reads (``API_DEFERRED`` is left out).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import F, Prefetch, prefetch_related_objects
from wagtail.images import get_image_model

from cms.models import (
    ActionDomain,
    AuthorityPage,
    Cooperation,
    NewsPage,
    PartnershipCallPage,
    Theme,
    visible_pages,
)
from cms.models.lookups import AnyOf

from . import prepared, querysets

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


def terms_by_owner(field, owner_pks, scope):
    """{owner pk: [theme or action domain, in the taxonomy's order]} for the many-to-many
    ``field`` (onto Theme or ActionDomain) of the rows ``owner_pks``: one query of id pairs,
    the rows themselves from the per-process taxonomy (no model built per link, no queryset
    per owner); read from the database when one is missing there (changed meanwhile)."""
    if not owner_pks:
        return {}
    pairs = prepared.run(_term_pairs, (field,), owners=list(owner_pks))
    terms = {pk: scope.term(field.related_model, pk) for pk in {pk for _owner, pk in pairs}}
    if None in terms.values():
        rows = field.related_model.objects.filter(pk__in=list(terms))  # in its Meta ordering
        terms = {obj.pk: (rank, obj) for rank, obj in enumerate(rows)}
    ranked = defaultdict(list)
    for owner, pk in pairs:
        ranked[owner].append(terms[pk])
    return {owner: [obj for _rank, obj in sorted(found)] for owner, found in ranked.items()}


def _term_pairs(field, owners):
    """(owner pk, term pk) of the many-to-many ``field`` for the owners ``owners``."""
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    return through.objects.filter(AnyOf(F(f"{source}_id"), owners)).values_list(
        f"{source}_id", f"{target}_id"
    )


def _is_term_link(field):
    return field.many_to_many and field.related_model in (Theme, ActionDomain)


@dataclass(frozen=True, slots=True)
class PartnerRow:
    """A partner fiche as a cooperation shows it (``types.AuthorityLink``, a cooperation's
    partner name and country), from a values row: the rest of its fiche (texts, figures) is
    not read, so neither loaded nor built into a page model (issue 11). ``country`` and
    ``kind`` are the stored codes, as a page's ``str(country)`` and ``kind`` read."""

    translation_key: Any
    pk: int
    title: str
    slug: str
    url_path: str
    locale_id: int
    country: str
    kind: str


def partner_rows(keys, locale, scope):
    """{translation_key: PartnerRow} of the visible copy in ``locale`` (or fallback) of each
    authority translation key (one query)."""
    if not keys:
        return {}
    rows = prepared.run(_partners, (locale, scope.restricted), keys=list(set(keys)))
    return {row[0]: PartnerRow(*row) for row in rows}


def _visible_authorities(locale, restricted, keys):
    return AuthorityPage.objects.visible_in(locale, restricted).filter(
        AnyOf(F("translation_key"), keys)
    )


def _partners(locale, restricted, keys):
    return _visible_authorities(locale, restricted, keys).values_list(*PartnerRow.__slots__)


def localized_authorities(keys, locale, scope):
    """The visible copy in ``locale`` (or fallback) of each authority translation_key."""
    if not keys:
        return {}
    pages = prepared.run(_visible_authorities, (locale, scope.restricted), keys=list(set(keys)))
    return {page.translation_key: page for page in pages}


class Batch:
    """Pages of one model loaded together, for one request and requested locale.

    ``related(page, name)`` is the page's many-to-many or child rows ``name``, prefetched for
    every page of the batch the first time any page asks (``PREFETCH`` names the lookups).
    ``_load_rows`` gives some relations as plain rows instead (themes and action domains from
    the taxonomy, ``terms_by_owner``; a fiche's cooperations as ``CooperationRow``), except in
    a preview: a previewed draft holds its relations in memory, which only its managers read.
    """

    PREFETCH = {}

    def __init__(self, pages, locale, scope):
        self.pages = list(pages)
        self.locale = locale
        self.language = locale.language_code
        self.scope = scope
        self._prefetched = set()
        self._rows = {}
        self._translations = None
        self.in_memory = scope.preview is not None

    def item(self, page):
        return Item(page, self.language, self)

    def items(self):
        return [self.item(page) for page in self.pages]

    def related(self, page, name):
        if name not in self._prefetched:
            self._prefetched.add(name)
            rows = self._load_rows(name)
            if rows is None:
                prefetch_related_objects(_saved(self.pages), self.PREFETCH.get(name, name))
            else:
                self._rows[name] = rows
        if name in self._rows:
            return self._rows[name].get(page.pk, ())
        return getattr(page, name).all()

    def _load_rows(self, name):
        """{page pk: rows} of the relation ``name``, or None: prefetch it."""
        if self.in_memory or not self.pages:
            return None
        field = type(self.pages[0])._meta.get_field(name)
        if not _is_term_link(field):
            return None
        return terms_by_owner(field, [page.pk for page in self.pages], self.scope)

    def _load_translations(self):
        """The other live, public copies of each page (one query)."""
        translations = defaultdict(list)
        keys = list({page.translation_key for page in self.pages})
        rows = prepared.run(_translations, (self.scope.restricted,), keys=keys) if keys else ()
        for pk, key, code, url_path in rows:
            url = self.scope.page_urls(url_path)
            translations[key].append((pk, {"locale": code, "url": url}))
        return translations

    def translations_of(self, page):
        if self._translations is None:
            self._translations = self._load_translations()
        return [value for pk, value in self._translations[page.translation_key] if pk != page.pk]


def _translations(restricted, keys):
    return (
        visible_pages(restricted=restricted)
        .filter(AnyOf(F("translation_key"), keys))
        .values_list("pk", "translation_key", "locale__language_code", "url_path")
        .order_by("locale__language_code")
    )


@dataclass(frozen=True, slots=True)
class CooperationRow:
    """A cooperation as the API reads it (``types.Cooperation``), from a values row: what a
    list needs of it, without building a model (and its cluster) per cooperation."""

    pk: int
    partner_page_id: int | None
    partner_key: Any  # the partner page's translation key
    partner_name: str
    partner_country: str
    kind: str
    since_year: int | None
    is_active: bool
    description: str


COOPERATION_COLUMNS = ("authority_id", *CooperationRow.__slots__)


def cooperation_rows(authority_pks):
    """{fiche pk: [CooperationRow, in the cooperations' order]} (one query)."""
    rows = prepared.run(_cooperations, (), authorities=list(authority_pks))
    by_authority = defaultdict(list)
    for authority_id, *values in rows:
        by_authority[authority_id].append(CooperationRow(*values))
    return by_authority


def _cooperations(authorities):
    return (
        Cooperation.objects.filter(AnyOf(F("authority_id"), authorities))
        .annotate(partner_key=F("partner_page__translation_key"))
        .values_list(*COOPERATION_COLUMNS)
    )


def _open_calls(locale, restricted, day, keys):
    """The open calls of the fiches ``keys`` (``day``: the date their deadlines are read
    against, part of the compiled query's key)."""
    return querysets.open_calls(locale, restricted=restricted, authority_keys=keys)


class AuthorityBatch(Batch):
    """Fiches with, on first use, their taxonomy, foreign actors, cooperations (and partners'
    copies in the locale), translations and open calls."""

    PREFETCH = {
        "cooperations": Prefetch(
            "cooperations",
            queryset=Cooperation.objects.select_related("partner_page").prefetch_related("themes"),
        ),
    }

    def __init__(self, pages, locale, scope):
        super().__init__(pages, locale, scope)
        self.by_key = {page.translation_key: page for page in self.pages}
        self._partners = None
        self._calls = None
        self._cooperation_themes = None

    def _load_rows(self, name):
        if name == "cooperations" and not self.in_memory and self.pages:
            return cooperation_rows([page.pk for page in self.pages])
        return super()._load_rows(name)

    def cooperation_themes(self, cooperation):
        """A cooperation's themes (those of every cooperation of the batch on first use)."""
        if self.in_memory:
            return cooperation.themes.all()  # prefetched (``PREFETCH``), or the draft's
        if self._cooperation_themes is None:
            rows = [row for page in self.pages for row in self.related(page, "cooperations")]
            field = Cooperation._meta.get_field("themes")
            self._cooperation_themes = terms_by_owner(field, [row.pk for row in rows], self.scope)
        return self._cooperation_themes.get(cooperation.pk, ())

    @property
    def calls(self):
        """The open calls of these fiches (a CallBatch whose fiches are this batch)."""
        if self._calls is None:
            calls = []
            if self.pages:
                calls = prepared.run(
                    _open_calls,
                    (self.locale, self.scope.restricted, datetime.date.today()),
                    keys=list(self.by_key),
                )
            self._calls = CallBatch(calls, self.locale, self.scope, authorities=self)
            self._open_calls = defaultdict(list)
            for call in calls:
                self._open_calls[call.authority_key].append(call)
        return self._calls

    def open_calls_of(self, page):
        calls = self.calls
        return [calls.item(call) for call in self._open_calls[page.translation_key]]

    def partner_of(self, cooperation):
        """The partner fiche's visible copy (an Item), else None (outside the portal, or not
        published: a draft or private fiche lends nothing, not even its title)."""
        if not cooperation.partner_page_id:
            return None
        if self._partners is None:
            partner_keys = {
                _partner_key(row)
                for page in self.pages
                for row in self.related(page, "cooperations")
                if row.partner_page_id
            }
            self._partners = partner_rows(partner_keys, self.locale, self.scope)
        page = self._partners.get(_partner_key(cooperation))
        return Item(page, self.language) if page is not None else None


def _partner_key(cooperation):
    """The partner page's translation key: a ``CooperationRow``'s, or in a preview the
    partner page's own."""
    key = getattr(cooperation, "partner_key", None)
    return key if key is not None else cooperation.partner_page.translation_key


class CallBatch(Batch):
    """Calls with, on first use, their taxonomy, translations and fiche. Each call carries
    ``authority_key`` (``with_authority``); ``authorities`` is the batch holding their
    fiches, loaded on first use when not given."""

    def __init__(self, calls, locale, scope, *, authorities=None):
        super().__init__(calls, locale, scope)
        self._authorities = authorities

    @property
    def authorities(self):
        if self._authorities is None:
            keys = [call.authority_key for call in self.pages]
            pages = localized_authorities(keys, self.locale, self.scope)
            self._authorities = AuthorityBatch(pages.values(), self.locale, self.scope)
        return self._authorities

    def authority_of(self, call):
        authorities = self.authorities
        page = authorities.by_key.get(call.authority_key)
        return authorities.item(page) if page is not None else None


def published_comments(articles):
    """Each article's published comments as (name, text, date) rows, in one query. The model
    is a portal feature, found by name (``COMMENTS_MODEL``) as Django finds the user model."""
    model = apps.get_model(settings.COMMENTS_MODEL)
    rows = model.objects.published_on_any(articles).values_list(
        "article_id", "name", "text", "created_at"
    )
    by_article = defaultdict(list)
    for article_id, *comment in rows:
        by_article[article_id].append(comment)
    return by_article


class NewsBatch(Batch):
    """Articles with, on first use, their themes, translations, related fiches and body
    images."""

    PREFETCH = {
        "related_authorities": Prefetch(
            "related_authorities", queryset=AuthorityPage.objects.only("translation_key")
        ),
    }

    def __init__(self, articles, locale, scope):
        super().__init__(articles, locale, scope)
        self._images = None
        self._authorities = None
        self._comments = None

    def comments_of(self, article):
        """The article's published comments: the whole batch's, loaded on first use."""
        if self._comments is None:
            self._comments = published_comments(self.pages)
        return self._comments[article.pk]

    @property
    def authorities(self):
        if self._authorities is None:
            keys = {
                related.translation_key
                for article in self.pages
                for related in self.related(article, "related_authorities")
            }
            pages = localized_authorities(keys, self.locale, self.scope)
            self._authorities = AuthorityBatch(pages.values(), self.locale, self.scope)
        return self._authorities

    def related_of(self, article):
        authorities = self.authorities
        by_key = authorities.by_key
        return [
            authorities.item(by_key[related.translation_key])
            for related in self.related(article, "related_authorities")
            if related.translation_key in by_key
        ]

    @property
    def images(self):
        """The images of every body in one query, with their (single, fixed) rendition."""
        if self._images is None:
            self._images = {}
            ids = {
                block["value"].get("image")
                for article in self.pages
                for block in article.body.raw_data
                if block["type"] == "image" and isinstance(block.get("value"), dict)
            }
            ids.discard(None)
            if ids:
                images = get_image_model().objects.filter(pk__in=ids)
                self._images = {
                    image.pk: image for image in images.prefetch_renditions(IMAGE_RENDITION)
                }
        return self._images


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
    if any(not hasattr(call, "authority_key") for call in calls):
        # Results of a backend other than the database's lack the annotation that links a
        # call to its fiche (``cms.api.search``).
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
