"""The root fields of the public GraphQL API (read only: there are no mutations).

Each list returns ``{ items pagination }``; bad arguments raise ``InvalidFilter``, which
GraphQL reports as an error with the message, never as an empty or truncated result.
"""

import datetime
from functools import partial

import graphene
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.models import (
    AuthorityPage,
    NewsPage,
    PartnershipCallPage,
    PortalPageQuerySet,
    accepting_interest_q,
)
from cms.models.lookups import AnyOf

from . import flat, loaders, pagination, prepared, querysets, suggestions
from .loaders import Item
from .querysets import InvalidFilter
from .scope import scope_for
from .search import CombinedSearch, RankedSearch
from .types import (
    Authority,
    AuthorityKindEnum,
    AuthorityList,
    CallDirectionEnum,
    CallOrderEnum,
    CallStatusEnum,
    CountryCoverage,
    NewsArticle,
    NewsList,
    PartnershipCall,
    PartnershipCallList,
    PartnerSuggestion,
    SearchResultList,
    Theme,
)

LOCALE_HELP = (
    "Language code (fr, en, es, pt, ar); items not translated yet come in their source language."
)


class GeoJSON(graphene.Scalar):
    """A GeoJSON document, sent as one JSON-encoded string (parse it on the client)."""

    @staticmethod
    def serialize(value):
        return value


def enum_value(value):
    """Graphene passes enum arguments as Python enum members or values, depending on path."""
    return getattr(value, "value", value)


def locale_arg():
    return graphene.String(description=LOCALE_HELP)


def authority_filters():
    return {
        "locale": locale_arg(),
        "country": graphene.String(description="ISO 3166-1 alpha-2 code, e.g. SN."),
        "kind": AuthorityKindEnum(),
        "theme": graphene.String(description="Theme slug (see `themes`)."),
        "french": graphene.Boolean(description="true: French authorities only; false: foreign."),
        "search": graphene.String(description="Words to look for."),
    }


def single_item(item_type, what):
    """A root field answering one published item, by id or by slug and locale, or null."""
    return graphene.Field(
        item_type,
        id=graphene.ID(),
        slug=graphene.String(),
        locale=locale_arg(),
        description=f"One published {what} by id, or by slug and locale; null if none.",
    )


def pagination_args():
    return {
        "page": graphene.Int(default_value=1, description="Page number, from 1."),
        "per_page": graphene.Int(
            default_value=pagination.DEFAULT_PER_PAGE,
            description=f"Items per page, 1 to {pagination.MAX_PER_PAGE}.",
        ),
    }


# The largest id a page can have: Wagtail's ``Page.id`` is an ``AutoField``, the database's
# 32-bit integer. A larger id finds nothing (and SQLite refuses numbers over 64 bits).
MAX_ID = 2**31 - 1


def single(build, id, slug, key):
    """One item by id, or by slug in the requested locale (with fallback), of the queryset
    ``build()``. By id, its SQL is compiled once per ``key`` (a tuple naming what ``build``'s
    SQL depends on: the field, language, restrictions and day; ``cms.api.prepared``)."""
    if id is not None:
        if not str(id).isdigit() or not 0 < int(id) <= MAX_ID:
            return None
        found = prepared.run_as(("single", *key), partial(_by_id, build), ids=[int(id)])
        return found[0] if found else None
    elif slug:
        queryset = build().filter(slug=slug)
    else:
        raise InvalidFilter(gettext("Give either id, or slug and locale."))
    return queryset.first()


def _by_id(build, ids):
    """``build()``'s first item among ``ids``, in ``first()``'s order."""
    queryset = build()
    queryset = queryset if queryset.ordered else queryset.order_by("pk")
    return queryset.filter(AnyOf(F("pk"), ids))[:1]


def single_key(field_name, scope, locale):
    """What a root field's item query depends on besides its id (``single``)."""
    return (field_name, scope.locale(locale).pk, scope.restricted, datetime.date.today())


def authority_queryset(scope, locale=None, kind=None, **filters):
    return querysets.authorities(
        scope.locale(locale),
        kind=enum_value(kind),
        restricted=scope.restricted,
        **filters,
    )


class Query(graphene.ObjectType):
    authorities = graphene.Field(
        AuthorityList,
        required=True,
        description="Published fiches, by title.",
        **authority_filters(),
        **pagination_args(),
    )
    authority = single_item(Authority, "fiche")
    partnership_calls = graphene.Field(
        PartnershipCallList,
        required=True,
        description="Published partnership calls.",
        locale=locale_arg(),
        direction=CallDirectionEnum(),
        status=CallStatusEnum(),
        theme=graphene.String(description="Theme slug."),
        country=graphene.String(
            description="ISO alpha-2 code: calls of authorities of this country, or targeting it."
        ),
        authority=graphene.ID(description="Calls of this fiche (any of its translations)."),
        search=graphene.String(),
        accepting=graphene.Boolean(
            name="open",
            description="true: calls accepting interest (open status, deadline not passed); "
            "false: the others.",
        ),
        order=CallOrderEnum(default_value="NEWEST"),
        **pagination_args(),
    )
    partnership_call = single_item(PartnershipCall, "call")
    news = graphene.Field(
        NewsList,
        required=True,
        description="Published news, newest first.",
        locale=locale_arg(),
        theme=graphene.String(description="Theme slug."),
        **pagination_args(),
    )
    news_article = single_item(NewsArticle, "news article")
    themes = graphene.List(
        graphene.NonNull(Theme),
        required=True,
        locale=locale_arg(),
        description="The taxonomy: themes, their action domains and SDGs.",
    )
    countries = graphene.List(
        graphene.NonNull(CountryCoverage),
        required=True,
        locale=locale_arg(),
        description="Every country with published fiches, with coverage figures.",
    )
    map_features = graphene.Field(
        GeoJSON,
        required=True,
        description="Published fiches as GeoJSON points (properties: id, title, url, locale, "
        "country, kind, french, openOffers, openRequests, themes).",
        **authority_filters(),
    )
    search = graphene.Field(
        SearchResultList,
        required=True,
        query=graphene.String(required=True),
        locale=locale_arg(),
        description="Fiches, calls and news matching the words, best first.",
        **pagination_args(),
    )
    suggested_partners = graphene.List(
        graphene.NonNull(PartnerSuggestion),
        required=True,
        authority=graphene.ID(description="Suggestions for this fiche."),
        call=graphene.ID(description="Suggestions for this call."),
        locale=locale_arg(),
        limit=graphene.Int(
            default_value=suggestions.DEFAULT_LIMIT,
            description=f"How many, 1 to {suggestions.MAX_LIMIT}.",
        ),
        description="Complementary authorities and open calls for a fiche or a call (give "
        "exactly one), best first: an offer meeting a request, themes and action domains in "
        "common, countries sought, a shared working language; existing partners left out.",
    )

    @staticmethod
    def resolve_authorities(root, info, page, per_page, **filters):
        scope = scope_for(info)
        locale = scope.locale(filters.get("locale"))
        key = count_key("authorities", scope, filters)
        build = partial(authority_queryset, scope, **filters)
        return query_page(loaders.load_authorities, build, page, per_page, locale, scope, key)

    @staticmethod
    def resolve_authority(root, info, id=None, slug=None, locale=None):
        scope = scope_for(info)
        item = scope.preview_of(AuthorityPage)
        if item is None:
            build = partial(authority_queryset, scope, locale)
            item = single(build, id, slug, single_key("authority", scope, locale))
        return first(loaders.load_authorities, item, scope.locale(locale), scope)

    @staticmethod
    def resolve_partnership_calls(root, info, page, per_page, locale=None, **filters):
        scope = scope_for(info)
        build = partial(call_queryset, scope, locale, **filters)
        key = count_key("partnershipCalls", scope, {"locale": locale, **filters})
        locale = scope.locale(locale)
        return query_page(loaders.load_calls, build, page, per_page, locale, scope, key)

    @staticmethod
    def resolve_partnership_call(root, info, id=None, slug=None, locale=None):
        scope = scope_for(info)
        item = scope.preview_of(PartnershipCallPage)
        if item is not None:
            return loaders.load_previewed_call(item, scope.locale(locale), scope)
        build = partial(call_queryset, scope, locale)
        item = single(build, id, slug, single_key("partnershipCall", scope, locale))
        return first(loaders.load_calls, item, scope.locale(locale), scope)

    @staticmethod
    def resolve_news(root, info, page, per_page, locale=None, theme=None):
        scope = scope_for(info)
        locale_obj = scope.locale(locale)
        build = partial(querysets.news, locale_obj, theme=theme, restricted=scope.restricted)
        key = count_key("news", scope, {"locale": locale, "theme": theme})
        return query_page(loaders.load_news, build, page, per_page, locale_obj, scope, key)

    @staticmethod
    def resolve_news_article(root, info, id=None, slug=None, locale=None):
        scope = scope_for(info)
        item = scope.preview_of(NewsPage)
        if item is None:
            build = partial(querysets.news, scope.locale(locale), restricted=scope.restricted)
            item = single(build, id, slug, single_key("newsArticle", scope, locale))
        return first(loaders.load_news, item, scope.locale(locale), scope)

    @staticmethod
    def resolve_themes(root, info, locale=None):
        scope = scope_for(info)
        language = scope.locale(locale).language_code
        return [Item(theme, language) for theme in scope.default_themes()]

    @staticmethod
    def resolve_countries(root, info, locale=None):
        scope = scope_for(info)
        language = scope.locale(locale).language_code
        rows = flat.country_coverage(scope.locale(locale))
        named = [{**row, "name": scope.country_name(row["code"], language)} for row in rows]
        return sorted(named, key=lambda row: row["name"])

    @staticmethod
    def resolve_map_features(root, info, locale=None, kind=None, **filters):
        scope = scope_for(info)
        filters = {key: value for key, value in filters.items() if value is not None}
        if kind is not None:
            filters["kind"] = enum_value(kind)
        return flat.map_features_json(scope.locale(locale), **filters)

    @staticmethod
    def resolve_search(root, info, query, page, per_page, locale=None):
        scope = scope_for(info)
        locale_obj = scope.locale(locale)
        page, per_page = pagination.check_pagination(page, per_page)  # before searching
        results = search_content(query, locale_obj, scope, stop=page * per_page)
        return one_page(loaders.load_mixed, results, page, per_page, locale_obj, scope)

    @staticmethod
    def resolve_suggested_partners(root, info, authority=None, call=None, locale=None, limit=None):
        return suggestions.suggest(
            scope_for(info), authority=authority, call=call, locale=locale, limit=limit
        )


def count_key(field_name, scope, arguments):
    """What a list's count depends on besides the content version: its root field, its
    arguments (filters and language), the request's restrictions and the day (deadlines)."""
    return [
        field_name,
        sorted((name, str(value)) for name, value in arguments.items()),
        scope.restricted,
        datetime.date.today(),
    ]


def one_page(load, object_list, page, per_page, locale, scope, count_key=None):
    """A list's ``{ items pagination }``: one page of ``object_list``, loaded as items."""
    pages, figures = pagination.paginate(object_list, page, per_page, count_key)
    return {"items": load(pages, locale, scope), "pagination": figures}


def query_page(load, build, page, per_page, locale, scope, count_key):
    """``one_page`` of the queryset ``build()``, built only when needed
    (``pagination.paginate_query``)."""
    pages, figures = pagination.paginate_query(build, page, per_page, count_key)
    return {"items": load(pages, locale, scope), "pagination": figures}


def first(load, page, locale, scope):
    """The item of one page (or None), loaded like a list's."""
    return load([page], locale, scope)[0] if page is not None else None


def call_queryset(
    scope, locale, direction=None, status=None, order="NEWEST", accepting=None, **filters
):
    queryset = querysets.calls(
        scope.locale(locale),
        direction=enum_value(direction),
        status=enum_value(status),
        order=enum_value(order) or "NEWEST",
        restricted=scope.restricted,
        **filters,
    )
    if accepting is not None:
        open_q = accepting_interest_q()
        queryset = queryset.filter(open_q if accepting else ~open_q)
    return queryset


# The models search finds, in the order that breaks ties between equal scores and titles.
SEARCHED_MODELS = (AuthorityPage, PartnershipCallPage, NewsPage)


def search_content(text, locale, scope, stop=20):
    """Fiches, calls and news in ``locale`` (with fallback) matching ``text``, best first
    (counted and read a page at a time, ``stop`` the end of the first page to be read: see
    ``cms.api.search``)."""
    if not text.strip():
        return []
    backend = get_search_backend()
    # What the number of matches depends on: the words, the language, the restrictions (a
    # visitor who unlocked a private page sees it) and the day (calls' deadlines).
    count_key = [text, locale.pk, repr(scope.restricted), datetime.date.today()]
    types = ContentType.objects.get_for_models(*SEARCHED_MODELS).values()
    pages = PortalPageQuerySet(Page).filter(content_type__in=types)
    combined = backend.search(text, pages).annotate_score("_score")
    get_queryset = getattr(combined, "get_queryset", None)
    if get_queryset is not None:  # a database backend: one ranked query over the models

        def ranked():
            return get_queryset().listed_in(locale, restricted=scope.restricted)

        return CombinedSearch(ranked, SEARCHED_MODELS, stop, count_key=count_key)
    visible_sets = {
        AuthorityPage: querysets.authorities(locale, restricted=scope.restricted),
        PartnershipCallPage: querysets.calls(locale, restricted=scope.restricted),
        NewsPage: querysets.news(locale, restricted=scope.restricted),
    }
    results = []
    for model, visible_set in visible_sets.items():
        candidates = model.objects.filter(pk__in=visible_set.values("pk"))
        results.append(backend.search(text, candidates).annotate_score("_score"))
    return RankedSearch(results)
