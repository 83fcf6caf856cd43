"""What the bench measures: each figure is a median of several runs, plus one SQL query count.

GraphQL operations run in process against the public schema (what the endpoint and the page
templates execute), so the figures leave out HTTP but include parsing, validation,
resolution and serialisation.
"""

import json
import statistics
import time
from dataclasses import dataclass

import orjson
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory

from cms.api.schema import schema
from cms.models import AuthorityPage

MAP = '{ mapFeatures(locale: "fr") }'
AUTHORITIES = """{
  authorities(locale: "en", perPage: 100) {
    items {
      id title url locale kindLabel
      country { code name }
      objectiveThemes { slug name }
      openCalls { title directionLabel deadline themes { name } }
      cooperations {
        partnerName kindLabel sinceYear
        partner { title url country { name } }
        themes { name }
      }
    }
    pagination { total }
  }
}"""
CALLS = """{
  partnershipCalls(locale: "en", perPage: 100) {
    items {
      id title url directionLabel statusLabel deadline
      themes { name }
      targetCountries { name }
      authority { title url country { name } }
    }
    pagination { total }
  }
}"""
SEARCH_WORDS = "eau potable"
SEARCH = """query($words: String!) {
  search(query: $words, locale: "fr", perPage: 20) {
    items { __typename title url }
    pagination { total }
  }
}"""
EXPORT_URL = "/fr/export/authorities.csv"


@dataclass
class Measure:
    name: str
    median_ms: float
    queries: int
    note: str = ""


def execute(query, variables=None):
    """Run ``query`` as the endpoint would, with a fresh request (and so a fresh ApiScope)."""
    request = RequestFactory().post("/graphql/")
    result = schema.execute(query, context_value=request, variable_values=variables)
    if result.errors:
        raise RuntimeError(f"{query[:40]}…: {result.errors}")
    return result.data


class QueryCounter:
    """Counts SQL queries (Django's query log is reset by each test-client request)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(name, action, runs, *, before=None, describe=None):
    """Median wall time of ``action`` over ``runs`` runs (``before`` untimed before each)."""
    if before:
        before()
    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        result = action()
    durations = []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        action()
        durations.append(time.perf_counter() - started)
    note = describe(result) if describe else ""
    return Measure(name, statistics.median(durations) * 1000, queries.count, note)


def map_note(data):
    text = data["mapFeatures"]
    return f"{len(json.loads(text)['features']):,} points, {len(text) / 1024:,.0f} KiB"


def values_baseline():
    """The floor for the map: one ``.values()`` query of the same points, dumped with orjson."""
    rows = AuthorityPage.objects.live().filter(latitude__isnull=False, locale__language_code="fr")
    fields = ("pk", "title", "url_path", "country", "kind", "latitude", "longitude")
    return orjson.dumps(list(rows.values(*fields)))


def list_note(field):
    def describe(data):
        return f"{len(data[field]['items'])} items of {data[field]['pagination']['total']:,}"

    return describe


def download_csv():
    response = Client().get(EXPORT_URL)
    assert response.status_code == 200, response
    return b"".join(response.streaming_content)


def csv_note(body):
    rows = len(body.splitlines()) - 1  # the header
    return f"{rows:,} rows, {len(body) / 1024:,.0f} KiB"


def run_all(runs):
    measures = [
        measure(
            "mapFeatures, cold cache",
            lambda: execute(MAP),
            runs,
            before=cache.clear,
            describe=map_note,
        ),
    ]
    execute(MAP)  # fill the cache
    measures += [
        measure("mapFeatures, warm cache", lambda: execute(MAP), runs),
        measure(
            "baseline: one .values() query + orjson",
            values_baseline,
            runs,
            describe=lambda body: f"{len(body) / 1024:,.0f} KiB",
        ),
        measure(
            "authorities, 100 items, nested",
            lambda: execute(AUTHORITIES),
            runs,
            describe=list_note("authorities"),
        ),
        measure(
            "partnershipCalls, 100 items",
            lambda: execute(CALLS),
            runs,
            describe=list_note("partnershipCalls"),
        ),
        measure(
            f"search “{SEARCH_WORDS}”, 20 items",
            lambda: execute(SEARCH, {"words": SEARCH_WORDS}),
            runs,
            describe=list_note("search"),
        ),
        measure(
            "authorities.csv export, cold cache",
            download_csv,
            runs,
            before=cache.clear,
            describe=csv_note,
        ),
    ]
    download_csv()
    measures.append(measure("authorities.csv export, warm cache", download_csv, runs))
    return measures
