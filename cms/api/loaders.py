"""Batch loading for lists of items: everything nested fields need, in a fixed number of queries.

Each ``load_*`` function takes a list of pages already filtered for visibility and the
request's ApiScope, attaches what resolvers read (``_api_*`` attributes) and returns the
list. The cost does not depend on the number of items.
"""

from collections import defaultdict

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model

from cms.models import AuthorityPage, Cooperation, visible_pages

from . import querysets

# The only rendition the API serves: arbitrary filters would let clients make the server
# generate unbounded numbers of image files.
IMAGE_RENDITION = "max-1200x1200"


def _saved(pages):
    """Pages to prefetch for: a draft previewed while being created has no row yet (its
    related objects are in memory, and a prefetch keeps in-memory values anyway)."""
    return [page for page in pages if page.pk is not None]


def load_translations(pages, scope):
    """``_api_translations``: the other live, public copies of each page (one query)."""
    pages = [page for page in pages if not hasattr(page, "_api_translations")]
    if not pages:
        return
    keys = {page.translation_key for page in pages}
    rows = (
        visible_pages(restricted=scope.restricted)
        .filter(translation_key__in=keys)
        .values_list("pk", "translation_key", "locale__language_code", "url_path")
        .order_by("locale__language_code")
    )
    by_key = defaultdict(list)
    for pk, key, code, url_path in rows:
        by_key[key].append((pk, code, url_path))
    for page in pages:
        page._api_translations = [
            {"locale": code, "url": scope.page_urls(url_path)}
            for pk, code, url_path in by_key[page.translation_key]
            if pk != page.pk
        ]


def localized_authorities(keys, locale, scope):
    """The visible copy in ``locale`` (or fallback) of each authority translation_key."""
    if not keys:
        return {}
    pages = AuthorityPage.objects.visible_in(locale, scope.restricted).filter(
        translation_key__in=set(keys)
    )
    return {page.translation_key: page for page in pages}


def load_authorities(pages, locale, scope, *, with_calls=True):
    pages = [page for page in pages if not hasattr(page, "_api_loaded")]
    if not pages:
        return pages
    prefetch_related_objects(
        _saved(pages),
        "objective_themes",
        "objective_domains",
        "foreign_actors",
        Prefetch(
            "cooperations",
            queryset=Cooperation.objects.select_related("partner_page").prefetch_related("themes"),
        ),
    )
    _load_partners(pages, locale, scope)
    load_translations(pages, scope)
    for page in pages:
        page._api_loaded = True
        page._api_locale = locale
        page._api_open_calls = []
    if with_calls:
        by_key = {page.translation_key: page for page in pages}
        calls = list(
            querysets.open_calls(locale, restricted=scope.restricted).filter(
                authority_key__in=list(by_key)
            )
        )
        for call in calls:
            call._api_authority = by_key[call.authority_key]
            by_key[call.authority_key]._api_open_calls.append(call)
        load_calls(calls, locale, scope)
    return pages


def _load_partners(pages, locale, scope):
    """``_api_partner`` on each cooperation: the partner's visible copy, else None."""
    cooperations = [row for page in pages for row in page.cooperations.all()]
    partner_keys = {row.partner_page.translation_key for row in cooperations if row.partner_page_id}
    partners = localized_authorities(partner_keys, locale, scope)
    for row in cooperations:
        row._api_partner = (
            partners.get(row.partner_page.translation_key) if row.partner_page_id else None
        )


def load_calls(calls, locale, scope):
    calls = [call for call in calls if not hasattr(call, "_api_loaded")]
    if not calls:
        return calls
    prefetch_related_objects(_saved(calls), "themes", "action_domains")
    load_translations(calls, scope)
    missing = [call for call in calls if not hasattr(call, "_api_authority")]
    if missing:
        authorities = localized_authorities([call.authority_key for call in missing], locale, scope)
        load_authorities(list(authorities.values()), locale, scope)
        for call in missing:
            call._api_authority = authorities.get(call.authority_key)
    for call in calls:
        call._api_loaded = True
        call._api_locale = locale
    return calls


def load_previewed_call(call, locale, scope):
    """A draft call an editor previews: its authority is its parent page, in whatever state."""
    authority = call.authority
    load_authorities([authority], locale, scope)
    call._api_authority = authority
    return load_calls([call], locale, scope)


def load_news(articles, locale, scope):
    articles = [article for article in articles if not hasattr(article, "_api_loaded")]
    if not articles:
        return articles
    prefetch_related_objects(
        _saved(articles),
        "themes",
        Prefetch("related_authorities", queryset=AuthorityPage.objects.only("translation_key")),
    )
    load_translations(articles, scope)
    keys = {
        related.translation_key
        for article in articles
        for related in article.related_authorities.all()
    }
    authorities = localized_authorities(keys, locale, scope)
    load_authorities(list(authorities.values()), locale, scope)
    _load_images(articles, scope)
    for article in articles:
        article._api_loaded = True
        article._api_locale = locale
        article._api_related = [
            authorities[related.translation_key]
            for related in article.related_authorities.all()
            if related.translation_key in authorities
        ]
    return articles


def _load_images(articles, scope):
    """The images of every body in one query, with their (single, fixed) rendition."""
    ids = {
        block["value"].get("image")
        for article in articles
        for block in article.body.raw_data
        if block["type"] == "image" and isinstance(block.get("value"), dict)
    }
    ids.discard(None)
    images = (
        get_image_model().objects.filter(pk__in=ids).prefetch_renditions(IMAGE_RENDITION)
        if ids
        else []
    )
    scope.images.update({image.pk: image for image in images})
