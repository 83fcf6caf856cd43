"""Big flat payloads built from a few ``.values()`` queries: the map and country coverage.

Resolving thousands of points field by field in GraphQL costs far more than building one
JSON document (``python -m bench`` measures both), so these builders return plain data,
cached per content version (``cache.py``). Exports reuse them.
"""

import gc
from collections import Counter, defaultdict
from contextlib import contextmanager

import orjson
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Subquery, TextField
from django.db.models.functions import Cast
from wagtail.models import Page

from cms.models import (
    FRENCH_COUNTRY_CODES,
    AuthorityPage,
    CallDirection,
    Cooperation,
    Theme,
)

from . import querysets
from .cache import cached
from .paths import PageUrls


@contextmanager
def collector_paused():
    """No cyclic garbage collection while building a big acyclic document: its tens of
    thousands of new dicts and lists would otherwise set off collections that walk the
    whole process's heap (half the map's build time at 15,000 fiches). Reference counting
    still frees everything; the collector resumes at the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _cache_parts(locale, filters):
    return [locale.language_code, *[f"{key}={filters[key]}" for key in sorted(filters)]]


class _CallCounts(dict):
    """{authority translation_key: Counter({direction: n})}; a fiche without open calls
    reads as an empty Counter, without one being made and stored for each of them."""

    def __missing__(self, key):
        return _NO_CALLS


_NO_CALLS = Counter()


def open_call_counts(locale, restricted=None):
    """{authority translation_key: Counter({direction: n})} of open calls (one query)."""
    counts = _CallCounts()
    rows = querysets.open_calls(locale, restricted=restricted).values_list(
        "authority_key", "direction"
    )
    for (key, direction), number in Counter(rows).items():
        counts.setdefault(key, Counter())[direction] = number
    return counts


def theme_slugs_by_page():
    """{fiche id: [theme slugs, in the taxonomy's order]} of every fiche (two queries: the
    whole table read plainly costs less than the same rows filtered by the visible set).

    Fiches share a few hundred distinct sets of themes: each set is ordered once, and the
    fiches with that set share its list."""
    themes = {
        pk: (sort_order, slug)
        for pk, sort_order, slug in Theme.objects.values_list("pk", "sort_order", "slug")
    }
    pairs = AuthorityPage.objective_themes.through.objects.order_by(
        "authoritypage_id", "theme_id"
    ).values_list("authoritypage_id", "theme_id")
    ids_by_page = defaultdict(list)
    for page_id, theme_id in pairs:
        ids_by_page[page_id].append(theme_id)
    slugs_of_set = {}
    by_page = {}
    for page_id, ids in ids_by_page.items():
        ids = tuple(ids)
        slugs = slugs_of_set.get(ids)
        if slugs is None:
            slugs = slugs_of_set[ids] = [slug for _order, slug in sorted(map(themes.get, ids))]
        by_page[page_id] = slugs
    return by_page


class _EnumNames(dict):
    """{"city": "CITY"}: a kind's GraphQL enum name (as in filters), made once per kind."""

    def __missing__(self, value):
        self[value] = value.upper()
        return self[value]


def map_call_counts(locale, restricted):
    """{fiche translation_key as text: (open offers, open requests)}: one query, counted by
    PostgreSQL (a few thousand groups instead of every call, keys as text, not UUIDs)."""
    offer, request = CallDirection.OFFER.value, CallDirection.REQUEST.value
    rows = (
        querysets.open_calls(locale, restricted=restricted)
        .order_by()
        .annotate(key=Cast("authority_key", TextField()))
        .values("key", "direction")
        .annotate(number=Count("pk"))
        .values_list("key", "direction", "number")
    )
    counts = defaultdict(lambda: [0, 0])
    for key, direction, number in rows:
        if direction == offer:
            counts[key][0] += number
        elif direction == request:
            counts[key][1] += number
    return {key: tuple(pair) for key, pair in counts.items()}


def build_map_features(locale, restricted=None, **filters):
    """A GeoJSON FeatureCollection: one Point per published fiche that has coordinates.

    Three queries (the points with the locale fallback done by the database, their open
    calls counted by it, the theme pairs) and one dict per point: at 15,000 fiches the
    Python per point is what costs, so it does nothing but fill the point's properties.
    """
    if restricted is None:
        restricted = Page.objects.private_q()  # once, for every query below
    authorities = querysets.authorities(locale, restricted=restricted, **filters).filter(
        latitude__isnull=False, longitude__isnull=False
    )
    rows = authorities.annotate(key=Cast("translation_key", TextField())).values_list(
        "pk",
        "title",
        "url_path",
        "key",
        "locale__language_code",
        "country",
        "kind",
        "latitude",
        "longitude",
    )
    themes = theme_slugs_by_page()
    calls = map_call_counts(locale, restricted)
    no_themes, no_calls = (), (0, 0)
    french = frozenset(FRENCH_COUNTRY_CODES)
    kinds = _EnumNames()
    url = PageUrls()
    features = []
    append = features.append
    for pk, title, url_path, key, language_code, country, kind, latitude, longitude in rows:
        offers, requests = calls.get(key, no_calls)
        append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
                "properties": {
                    "id": str(pk),
                    "title": title,
                    "url": url(url_path),
                    "locale": language_code,
                    "country": country,
                    "kind": kinds[kind],
                    "french": country in french,
                    "openOffers": offers,
                    "openRequests": requests,
                    "themes": themes.get(pk, no_themes),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


# --- the map's document from one PostgreSQL query ----------------------------------------------

MAX_THEME_RANKS = 64  # a fiche's themes as the bits of a bigint


def ranked_theme_ids():
    """Ids of the themes fiches use, in the taxonomy's order (``theme_slugs_by_page``'s:
    order, then slug), with their slugs."""
    used = AuthorityPage.objective_themes.through.objects.filter(theme_id=OuterRef("pk"))
    rows = Theme.objects.filter(Exists(used)).values_list("pk", "sort_order", "slug")
    return [(pk, slug) for pk, _order, slug in sorted(rows, key=lambda row: (row[1], row[2]))]


def _rank_bit(rank):
    """The bigint whose bit ``rank`` alone is set (the 64th is the sign bit)."""
    return (1 << rank) - (1 << 64 if rank == MAX_THEME_RANKS - 1 else 0)


def _bits_by_theme_id(ranked_ids):
    """``(bits, offset)``: ``bits[theme_id - offset]`` (PostgreSQL's arrays count from 1) is
    the bit of the theme's rank, 0 for an id between them that no fiche uses. A subscript
    per theme pair, where ``array_position`` searched the ranked ids for each (the masks'
    aggregate at 15,000 fiches, alone: 16-22 -> 11-15 ms); as long as the span of the used
    themes' ids, a taxonomy's few dozen."""
    if not ranked_ids:
        return [], 0
    offset = min(ranked_ids) - 1
    bits = [0] * (max(ranked_ids) - offset)
    for rank, pk in enumerate(ranked_ids):
        bits[pk - offset - 1] = _rank_bit(rank)
    return bits, offset


def map_features_text(locale, restricted=None, **filters):
    """``orjson.dumps(build_map_features(...))``, byte for byte, without a dict
    per point: one query selects the points (the same queryset) with their open calls
    counted (the calls' fiche joined, not looked up per call) and their themes as a bit
    mask (hashed, unordered, each pair's bit read by its theme id); each point is then
    written from a fixed template, its values by orjson, each distinct set of themes once.
    None when the fiches use more than ``MAX_THEME_RANKS`` themes (the caller builds the
    document the plain way)."""
    if restricted is None:
        restricted = Page.objects.private_q()
    ranked = ranked_theme_ids()
    if len(ranked) > MAX_THEME_RANKS:
        return None
    points = querysets.authorities(locale, restricted=restricted, **filters).filter(
        latitude__isnull=False, longitude__isnull=False
    )
    columns = (
        "pk",
        "title",
        "url_path",
        "locale__language_code",
        "country",
        "kind",
        "latitude",
        "longitude",
        "translation_key",
    )
    points_sql, points_params = points.order_by().values(*columns).query.sql_with_params()
    calls_sql, calls_params = querysets.open_call_keys_sql(locale, restricted)
    pairs = AuthorityPage.objective_themes.through._meta.db_table
    url_sql, url_params = PageUrls().sql("points.url_path")
    sql = f"""
        SELECT points.id, points.title, {url_sql}, points.language_code,
            points.country, points.kind, points.latitude, points.longitude,
            coalesce(counts.offers, 0), coalesce(counts.requests, 0), coalesce(masks.mask, 0)
        FROM ({points_sql}) AS points (
            id, title, url_path, language_code, country, kind, latitude, longitude, key
        )
        LEFT JOIN (
            SELECT authority_key AS key,
                count(*) FILTER (WHERE direction = %s) AS offers,
                count(*) FILTER (WHERE direction = %s) AS requests
            FROM ({calls_sql}) AS calls
            GROUP BY authority_key
        ) AS counts ON counts.key = points.key
        LEFT JOIN (
            SELECT authoritypage_id AS id, bit_or((%s::bigint[])[theme_id - %s]) AS mask
            FROM {pairs}
            GROUP BY authoritypage_id
        ) AS masks ON masks.id = points.id
        ORDER BY points.title, points.id
    """
    params = [
        *url_params,
        *points_params,
        CallDirection.OFFER.value,
        CallDirection.REQUEST.value,
        *calls_params,
        *_bits_by_theme_id([pk for pk, _slug in ranked]),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return _write_features(rows, [slug for _pk, slug in ranked])


class _Memo(dict):
    """{value: function(value)}, computed once per distinct value."""

    def __init__(self, function):
        super().__init__()
        self.function = function

    def __missing__(self, value):
        self[value] = result = self.function(value)
        return result


# What orjson writes for build_map_features's dicts, between the values.
_FEATURE = (
    b'{"type":"Feature","geometry":{"type":"Point","coordinates":%b},"properties":'
    b'{"id":"%d","title":%b,"url":%b,"locale":%b,"country":%b,"kind":%b,"french":%b,'
    b'"openOffers":%d,"openRequests":%d,"themes":%b}}'
)


def _write_features(rows, slugs_by_rank):
    dumps = orjson.dumps
    french = frozenset(FRENCH_COUNTRY_CODES)
    strings = _Memo(dumps)
    kinds = _Memo(lambda kind: dumps(kind.upper()))
    flags = _Memo(lambda country: dumps(country in french))

    def theme_list(mask):
        return dumps([slug for rank, slug in enumerate(slugs_by_rank) if mask >> rank & 1])

    themes = _Memo(theme_list)
    features = [
        _FEATURE
        % (
            dumps((longitude, latitude)),
            pk,
            dumps(title),
            dumps(url),
            strings[language_code],
            strings[country],
            kinds[kind],
            flags[country],
            offers,
            requests,
            themes[mask],
        )
        for (
            pk,
            title,
            url,
            language_code,
            country,
            kind,
            latitude,
            longitude,
            offers,
            requests,
            mask,
        ) in rows
    ]
    return b'{"type":"FeatureCollection","features":[%b]}' % b",".join(features)


def map_features_json(locale, **filters):
    """The map's GeoJSON as serialised text, cached until content changes.

    Cached as the UTF-8 bytes it is written in (under its own name: the text was cached
    before): pickling 5 MB of ``str`` encodes it back to UTF-8 (~10 ms at 15,000 fiches),
    bytes are copied as they are; it is decoded once, here."""
    return cached(
        "map-utf8",
        _cache_parts(locale, filters),
        lambda: _map_json(locale, filters),
    ).decode()


def _map_json(locale, filters):
    """The map's GeoJSON as UTF-8 bytes. PostgreSQL writes the points from one query
    (``map_features_text``); elsewhere, and past ``MAX_THEME_RANKS`` themes, a dict per
    point dumped by orjson. Both with the cyclic collector paused: the fetched rows are
    15,000 tuples at 15,000 fiches."""
    with collector_paused():
        if connection.vendor == "postgresql":
            restricted = Page.objects.private_q()
            document = map_features_text(locale, restricted, **filters)
            if document is not None:
                return document
            filters = {**filters, "restricted": restricted}
        return orjson.dumps(build_map_features(locale, **filters))


def build_country_coverage(locale, restricted=None):
    """Per country with published fiches: fiches, French cooperations, open calls/requests.

    Counts are per item, not per translated copy: the locale-fallback set holds one copy
    of each item.
    """
    authorities = querysets.authorities(locale, restricted=restricted)
    fiches = Counter(authorities.values_list("country", flat=True))

    french_cooperations = Counter()
    keys_with_french_partner = set()
    cooperations = Cooperation.objects.filter(
        authority_id__in=Subquery(authorities.values("pk"))
    ).values_list(
        "authority__country",
        "authority__translation_key",
        "partner_page__country",
        "partner_country",
        "is_active",
    )
    for own_country, own_key, partner_page_country, partner_country, active in cooperations:
        partner = partner_page_country or partner_country
        own_french = own_country in FRENCH_COUNTRY_CODES
        partner_french = partner in FRENCH_COUNTRY_CODES
        if own_french:
            french_cooperations[own_country] += 1
            if partner and not partner_french:
                french_cooperations[partner] += 1
        elif partner_french:
            french_cooperations[own_country] += 1
            if active:
                keys_with_french_partner.add(own_key)

    open_calls = Counter()
    open_requests = Counter()
    rows = querysets.open_calls(locale, restricted=restricted).values_list(
        "authority_country", "authority_key", "direction"
    )
    for country, key, direction in rows:
        open_calls[country] += 1
        if direction == CallDirection.REQUEST and key not in keys_with_french_partner:
            open_requests[country] += 1

    return [
        {
            "code": code,
            "authorities": count,
            "french_cooperations": french_cooperations[code],
            "open_calls": open_calls[code],
            "open_requests_without_french_partner": open_requests[code],
        }
        for code, count in sorted(fiches.items())
    ]


def country_coverage(locale):
    """Coverage rows (without names: the caller names countries in its language), cached."""
    return cached(
        "countries",
        [locale.language_code],
        lambda: build_country_coverage(locale),
        in_process=True,
    )
