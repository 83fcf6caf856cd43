"""SQL query counts of every page type and every root field (issue 11): pinned, and the same
for a small and a larger data set (nothing grows with content, N+1 or otherwise).

Each figure is taken after one warm-up request, as in production (per-process caches: site
root paths, the suggestions' pool; per content version: counts, the map), then the data set
grows (publishing, which drops the cached payloads) and the same request must cost the same.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api import results, validation
from tests.factories import graphql, make_authority, make_call, make_news, translate

pytestmark = pytest.mark.django_db

NESTED = """{ authorities(locale: "en", perPage: 100) { items {
    id title url locale kindLabel translations { locale url } country { code name }
    objectiveThemes { slug name actionDomains { name } } objectiveDomains { name }
    foreignActors { name kindLabel }
    openCalls { title directionLabel deadline themes { name } authority { title } }
    cooperations { partnerName kindLabel partner { title url country { name } } themes { name } }
  } pagination { total } } }"""
FLAT = '{ authorities(locale: "en", perPage: 100) { items { title url country { code name } } } }'
CALLS = """{ partnershipCalls(locale: "en", perPage: 100) { items {
    title url directionLabel themes { name } actionDomains { name } targetCountries { name }
    translations { url } authority { title url openCalls { title } cooperations { partnerName } }
  } pagination { total } } }"""
NEWS = """{ news(locale: "fr", perPage: 100) { items {
    title themes { name } body { __typename } relatedAuthorities { title openCalls { title } }
  } } }"""
SEARCH = """{ search(query: "water", locale: "fr", perPage: 100) {
    items { __typename title url ... on PartnershipCall { authority { title } } }
    pagination { total } } }"""
ONE_AUTHORITY = """query($id: ID) { authority(id: $id) {
    title openCalls { title } cooperations { partner { title } } foreignActors { name } } }"""
ONE_CALL = """query($id: ID) { partnershipCall(id: $id) {
    title authority { title openCalls { title } } themes { name } } }"""
ONE_ARTICLE = """query($id: ID) { newsArticle(id: $id) {
    title relatedAuthorities { title } themes { name } } }"""
SUGGESTIONS = """query($authority: ID, $call: ID) {
  suggestedPartners(authority: $authority, call: $call, locale: "fr", limit: 50) {
    score reasons authority { title url country { name } } call { title url } } }"""
TAXONOMY = '{ themes(locale: "en") { name actionDomains { name } } countries { code name } }'
MAP = '{ mapFeatures(locale: "fr") }'

# Measured on SQLite and PostgreSQL (the same queries); the bound is the figure itself. The
# restrictions, locales and taxonomy are read once per process and content version (0 here).
ROOT_FIELDS = {
    "authorities, nested": 10,
    "authorities, flat": 1,
    "partnershipCalls": 9,
    "news": 5,
    "search": 5,
    "authority": 6,
    "partnershipCall": 4,
    "newsArticle": 4,
    "suggestedPartners, fiche": 4,
    "suggestedPartners, call": 7,
    "themes and countries": 0,
    "mapFeatures": 0,
}
PAGES = {  # the site's chrome and Wagtail's routing included
    "home": 6,
    "fiche": 10,
    "fiche in English": 10,
    "call": 10,
    "authority directory": 4,
    "calls directory": 4,
    "country": 7,
    "theme": 4,
    "news index": 3,
    "news article": 8,
    "search": 6,
}


@pytest.fixture(autouse=True)
def _lists_of_every_field(monkeypatch):
    """The queries select every nested list at its largest page: above the cost a partner
    may ask (tests/test_graphql_hardening.py pins the limits)."""
    monkeypatch.setattr(validation, "MAX_COST", 10**12)


@pytest.fixture(autouse=True)
def _answers_resolved_every_time(monkeypatch):
    """The pins count what resolving costs: the public lists' answers are not kept here
    (tests/api/test_result_cache.py pins a kept answer at no query)."""
    monkeypatch.setattr(results, "CACHED_ROOTS", frozenset())


def content(size, tag):
    """``size`` fiches with partners, cooperations, foreign actors, calls, news, and an
    English translation of the first one; returns a fiche, its call and an article."""
    fiches, calls, articles = [], [], []
    for number in range(size):
        partner = make_authority(f"Partner {tag} {number}", country="FR", theme_slugs=["health"])
        fiche = make_authority(
            f"Water {tag} {number}",
            slug=f"water-{tag}-{number}",
            country="SN",
            theme_slugs=["water-sanitation", "health"],
            preferred_countries=["FR"],
            cooperations=[
                {"partner_page": partner},
                {"partner_name": f"Town {number}", "partner_country": "ML"},
            ],
            foreign_actors=[{"name": f"Agency {number}"}],
        )
        fiches.append(fiche)
        calls.append(make_call(fiche, f"Water call {tag} {number}", theme_slugs=["health"]))
        make_call(partner, f"Offer {tag} {number}", direction="offer", target_countries=["SN"])
        article = make_news(f"Water news {tag} {number}", theme_slugs=["water-sanitation"])
        article.related_authorities.add(fiche)
        article.save()
        articles.append(article)
    translate(fiches[0], "en")
    return fiches[0], calls[0], articles[0]


def queries_of(action):
    action()  # warm-up
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)


def root_fields(client, fiche, call, article):
    def run(query, variables=None):
        def action():
            result = graphql(client, query, variables)
            assert "errors" not in result, result["errors"]

        return action

    return {
        "authorities, nested": run(NESTED),
        "authorities, flat": run(FLAT),
        "partnershipCalls": run(CALLS),
        "news": run(NEWS),
        "search": run(SEARCH),
        "authority": run(ONE_AUTHORITY, {"id": fiche.pk}),
        "partnershipCall": run(ONE_CALL, {"id": call.pk}),
        "newsArticle": run(ONE_ARTICLE, {"id": article.pk}),
        "suggestedPartners, fiche": run(SUGGESTIONS, {"authority": fiche.pk}),
        "suggestedPartners, call": run(SUGGESTIONS, {"call": call.pk}),
        "themes and countries": run(TAXONOMY),
        "mapFeatures": run(MAP),
    }


def pages(client, fiche, call, article):
    def get(url):
        def action():
            assert client.get(url).status_code == 200, url

        return action

    return {
        "home": get("/fr/"),
        "fiche": get(fiche.url),
        "fiche in English": get(f"/en{fiche.url[3:]}"),
        "call": get(call.url),
        "authority directory": get("/fr/fiches/"),
        "calls directory": get("/fr/fiches/appels/"),
        "country": get("/fr/fiches/pays/sn/"),
        "theme": get("/fr/fiches/themes/water-sanitation/"),
        "news index": get("/fr/actualites/"),
        "news article": get(article.url),
        "search": get("/fr/recherche/?q=water"),
    }


@pytest.mark.parametrize(("measures", "pins"), [(root_fields, ROOT_FIELDS), (pages, PAGES)])
def test_query_counts_are_pinned_and_do_not_grow_with_content(client, skeleton, measures, pins):
    small = {name: queries_of(run) for name, run in measures(client, *content(2, "a")).items()}
    content(10, "b")  # seven times the content, in every list the same requests show
    large = {name: queries_of(run) for name, run in measures(client, *content(2, "c")).items()}
    # A search page loads the kinds of results it shows (fiches, calls, news): on the larger
    # set its 20 best may all be fiches, one query less; nothing costs more.
    grown = {name: (small[name], large[name]) for name in small if large[name] > small[name]}
    assert not grown, grown
    assert {name: large[name] for name in large if name != "search"} == {
        name: small[name] for name in small if name != "search"
    }
    over = {name: count for name, count in small.items() if count > pins[name]}
    assert not over, f"over their pins: {over} (all: {small})"


def test_a_flat_list_pays_only_for_its_page(client, skeleton):
    content(3, "a")
    flat = queries_of(lambda: graphql(client, FLAT))
    nested = queries_of(lambda: graphql(client, NESTED))
    # The page alone (restrictions, locales and the count are kept): no relation is loaded.
    assert flat <= 1 < nested
