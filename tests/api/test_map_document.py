"""The map's GeoJSON (``mapFeatures``): on PostgreSQL it is written from one query without a
dict per point (``flat.map_features_text``); it must be, byte for byte, what orjson writes
for the dicts ``flat.build_map_features`` makes (the plain way, kept for SQLite)."""

import orjson
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api import flat, querysets
from cms.models import Theme
from tests.factories import (
    graphql,
    locale,
    make_authority,
    make_call,
    publish_page,
    restrict,
    themes,
    translate,
)

pytestmark = pytest.mark.django_db

VARIANTS = [
    ("fr", {}),
    ("en", {}),
    ("ar", {}),
    ("fr", {"country": "FR"}),
    ("en", {"french": False}),
    ("fr", {"theme": "water-sanitation"}),
    ("fr", {"kind": "region"}),
]


@pytest.fixture
def awkward_map(skeleton):
    """Fiches whose values are easy to write wrongly: quotes, control characters and
    non-Latin script in titles; whole, zero, negative-zero and tiny coordinates; several
    themes in the taxonomy's order; open calls in another language than their fiche; and
    fiches or calls that must not count (unpublished, behind a password, closed)."""
    quoted = make_authority(
        'Le "Grand" \\ Lyon\t\u2028',
        country="FR",
        latitude=46.0,
        longitude=0.0,
        theme_slugs=["water-sanitation", "culture-heritage", "education-youth"],
    )
    make_call(quoted, "Offre", direction="offer")
    make_call(quoted, "Offre fermée", direction="offer", status="closed")
    arabic = make_authority("نواكشوط", country="MR", kind="region", latitude=-0.0, longitude=1e-05)
    translate(arabic, "ar", "نواكشوط (ar)")
    tiny = make_authority("Tiny", latitude=1.5e-06, longitude=-179.99999999999997)
    tiny_en = translate(tiny, "en", "Tiny (English)")
    make_call(tiny_en, "Request in English only", direction="request")
    hidden = make_authority("Hidden", theme_slugs=["water-sanitation"])
    make_call(hidden, "Call under a hidden fiche")
    restrict(hidden)
    draft = make_authority("Draft", publish=False)
    make_call(draft, "Call under a draft")
    make_authority("No coordinates", latitude=None, longitude=None)
    # Quotes, backslashes and brackets next to what separates the written values.
    make_authority('Between "," quotes', latitude=10.0, longitude=-10.0)
    make_authority("Ends with a backslash \\", latitude=10.0, longitude=-10.0)
    make_authority("Brackets ],[ too", latitude=12.5, longitude=-0.0)
    return {"quoted": quoted, "tiny": tiny}


def plain_document(code, **filters):
    with flat.collector_paused():
        return orjson.dumps(flat.build_map_features(locale(code), **filters)).decode()


@pytest.mark.parametrize(("code", "filters"), VARIANTS)
def test_map_answer_is_orjsons_writing_of_the_points(client, awkward_map, code, filters):
    arguments = "".join(
        f", {key}: {orjson.dumps(value).decode() if key != 'kind' else value.upper()}"
        for key, value in filters.items()
    )
    result = graphql(client, f'{{ mapFeatures(locale: "{code}"{arguments}) }}')
    assert "errors" not in result, result
    assert result["data"]["mapFeatures"] == plain_document(code, **filters)


def test_map_points_keep_their_awkward_values(client, awkward_map):
    text = graphql(client, '{ mapFeatures(locale: "en") }')["data"]["mapFeatures"]
    by_title = {f["properties"]["title"]: f for f in orjson.loads(text)["features"]}
    quoted = by_title['Le "Grand" \\ Lyon\t\u2028']
    assert quoted["geometry"]["coordinates"] == [0.0, 46.0]
    assert '"coordinates":[0.0,46.0]' in text
    assert quoted["properties"]["themes"] == [
        theme.slug
        for theme in sorted(
            themes("water-sanitation", "culture-heritage", "education-youth"),
            key=lambda theme: (theme.sort_order, theme.slug),
        )
    ]
    assert (quoted["properties"]["openOffers"], quoted["properties"]["openRequests"]) == (1, 0)
    # The English copy is shown in English; its call (in English only) counts for the fiche.
    assert by_title["Tiny (English)"]["properties"]["openRequests"] == 1
    assert by_title["Tiny (English)"]["geometry"]["coordinates"] == [-179.99999999999997, 1.5e-06]
    assert "Hidden" not in by_title and "Draft" not in by_title
    assert by_title['Between "," quotes']["geometry"]["coordinates"] == [-10.0, 10.0]
    assert by_title["Ends with a backslash \\"]["properties"]["url"].startswith("/")
    assert by_title["Brackets ],[ too"]["geometry"]["coordinates"] == [-0.0, 12.5]
    assert "No coordinates" not in by_title


def test_map_with_more_themes_than_a_mask_holds_is_still_the_same(client, awkward_map):
    many = [
        Theme.objects.create(name=f"Theme {n}", slug=f"extra-{n:02d}", locale=locale())
        for n in range(flat.MAX_THEME_RANKS + 1)
    ]
    fiche = awkward_map["tiny"]
    fiche.objective_themes.set(many)
    publish_page(fiche)
    text = graphql(client, '{ mapFeatures(locale: "fr") }')["data"]["mapFeatures"]
    assert text == plain_document("fr")
    by_title = {f["properties"]["title"]: f for f in orjson.loads(text)["features"]}
    assert len(by_title["Tiny"]["properties"]["themes"]) == flat.MAX_THEME_RANKS + 1


def test_map_with_as_many_themes_as_a_mask_holds_is_the_same(client, awkward_map):
    """Every bit of the mask in use, the sign bit's theme too (``_rank_bit``)."""
    in_use = len(flat.ranked_theme_ids())
    many = [
        Theme.objects.create(name=f"Theme {n}", slug=f"extra-{n:02d}", locale=locale())
        for n in range(flat.MAX_THEME_RANKS - in_use)
    ]
    fiche = awkward_map["tiny"]
    fiche.objective_themes.set(many)
    publish_page(fiche)
    assert len(flat.ranked_theme_ids()) == flat.MAX_THEME_RANKS
    if connection.vendor == "postgresql":
        assert flat.map_features_text(locale("fr")) is not None
    text = graphql(client, '{ mapFeatures(locale: "fr") }')["data"]["mapFeatures"]
    assert text == plain_document("fr")


@pytest.mark.parametrize("code", ["fr", "en", "ar"])
def test_open_calls_joined_to_their_fiche_are_those_of_open_calls(awkward_map, code):
    """``authority_keys_sql`` (the join) keeps the calls ``with_authority`` keeps."""
    sql, params = querysets.open_call_keys_sql(locale(code))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        joined = sorted((direction, str(key).replace("-", "")) for direction, key in cursor)
    rows = querysets.open_calls(locale(code)).values_list("direction", "authority_key")
    looked_up = sorted((direction, str(key).replace("-", "")) for direction, key in rows)
    assert joined == looked_up
    assert len(joined) == 2  # the open offer and the English request; none hidden or draft


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-query build")
def test_cold_map_costs_the_same_queries_whatever_the_number_of_points(client, awkward_map):
    query = '{ mapFeatures(locale: "fr") }'
    graphql(client, query)  # the per-process caches (locales, site roots), as in production
    cache.clear()  # the map's answer gone, as after a content change
    with CaptureQueriesContext(connection) as small:
        graphql(client, query)
    for n in range(5):
        make_call(make_authority(f"More {n}", theme_slugs=["water-sanitation"]), f"Call {n}")
    graphql(client, query)
    cache.clear()
    with CaptureQueriesContext(connection) as larger:
        graphql(client, query)
    # Locales, restrictions, site roots and the home's translations (read again once the
    # content version changes), the themes in use, then the points with their open calls
    # and themes: the same few queries for any number of points.
    assert len(small) == len(larger) == 6
