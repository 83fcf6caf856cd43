"""What the bench measures: each row is the project's figure beside its anchors, same run.

A row holds variants: the project's own (first) and its anchors —
- the floor: one ``.values()`` query of the same rows dumped with orjson;
- Wagtail's REST API v2 serving the same fiches (``bench.urls`` mounts it);
- a plain view: one ORM query of the fiche rendered by a small Django template;
- Wagtail's own ``.search()``: the count and the first 20 matches.
The variants of a row run interleaved (round after round, each variant once a round), so a
load change on the machine hits them alike; each shows its median, its spread (fastest and
slowest run) and its SQL query count (from one extra, counted run), and the row its ratio
(project ÷ anchor). GraphQL operations run in process against the public schema (parsing,
validation, resolution and serialisation; no HTTP); pages go through Django's test client
(middleware, routing, templates; the anonymous page cache is off: ``bench.settings``).
"""

import json
import statistics
import time
from dataclasses import dataclass, field

import orjson
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from cms.api import querysets
from cms.api.results import kept_answer
from cms.api.schema import schema
from cms.api.validation import LimitedExecutionContext
from cms.models import AuthorityPage, PartnershipCallPage

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
AUTHORITIES_FLAT = """{
  authorities(locale: "en", perPage: 100) {
    items { title url country { code name } }
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
SEARCH_WORDS = "eau"
SEARCH = """query($words: String!) {
  search(query: $words, locale: "fr", perPage: 20) {
    items { __typename title url }
    pagination { total }
  }
}"""
SUGGESTIONS = """query($authority: ID) {
  suggestedPartners(authority: $authority, locale: "fr", limit: 10) {
    score reasons
    authority { id title url country { name } }
    call { id title url directionLabel }
  }
}"""
EXPORT_URL = "/fr/export/authorities.csv"
API_V2 = "/bench-api/v2/pages/?type=cms.AuthorityPage&locale={locale}&order=title&limit=100"
# id, title and meta (type, detail_url, html_url, slug, first_published_at): the fiche model
# declares no api_fields; without the locale, which API v2 loads with one query per page.
API_V2_FIELDS = "&fields=-locale"


class QueryCounter:
    """Counts SQL queries (Django's query log is reset by each test-client request)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


@dataclass
class Variant:
    name: str
    action: object
    before: object = None  # untimed, before each run (e.g. clearing the cache)
    describe: object = None
    durations: list = field(default_factory=list)
    queries: int = 0
    note: str = ""

    def counted_run(self):
        if self.before:
            self.before()
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            result = self.action()
        self.queries = counter.count
        self.note = self.describe(result) if self.describe else ""

    def timed_run(self):
        if self.before:
            self.before()
        started = time.perf_counter()
        self.action()
        self.durations.append((time.perf_counter() - started) * 1000)

    @property
    def median_ms(self):
        return statistics.median(self.durations)


@dataclass
class Row:
    """A measure: the project's variant first, then its anchors."""

    name: str
    variants: list

    def run(self, runs):
        for variant in self.variants:
            variant.counted_run()  # also a warm-up
        for _ in range(runs):
            for variant in self.variants:
                variant.timed_run()
        return self


# --- the actions -----------------------------------------------------------------------------


def execute(query, variables=None):
    """Run ``query`` as the endpoint would, with a fresh request (and so a fresh ApiScope)."""
    request = RequestFactory().post("/graphql/")
    result = schema.execute(
        query,
        context_value=request,
        variable_values=variables,
        execution_context_class=LimitedExecutionContext,
    )
    if result.errors:
        raise RuntimeError(f"{query[:40]}…: {result.errors}")
    return result.data


def kept(query):
    """The endpoint's kept answer (``cms.api.results``) of ``query``, in process like
    ``execute`` (the nested list asks more than the cost a client may ask, so the endpoint
    itself refuses it over HTTP); warm: ``Variant.before`` keeps it first, untimed."""

    def run():
        request = RequestFactory().post("/graphql/")
        result = kept_answer(
            request, query, None, None, lambda: schema.execute(query, context_value=request)
        )
        return result.data

    return run


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


def map_values_floor():
    """The floor for the map: one ``.values()`` query of the same points, dumped with orjson."""
    rows = AuthorityPage.objects.live().filter(latitude__isnull=False, locale__language_code="fr")
    fields = ("pk", "title", "url_path", "country", "kind", "latitude", "longitude")
    return orjson.dumps(list(rows.values(*fields)))


def list_floor(pks):
    """One ``.values()`` query of the listed fiches' flat fields, dumped with orjson."""
    fields = ("pk", "title", "url_path", "locale_id", "country", "kind")
    return lambda: orjson.dumps(list(AuthorityPage.objects.filter(pk__in=pks).values(*fields)))


def plain_fiche(client_pk):
    """A plain view: the fiche from one query, rendered by a small template."""

    def render():
        page = AuthorityPage.objects.select_related("locale").get(pk=client_pk)
        return render_to_string("bench/plain_fiche.html", {"page": page})

    return render


def wagtail_search(words):
    """Wagtail's own search over live pages: the number of matches and the first 20."""

    def search():
        results = get_search_backend().search(words, Page.objects.live())
        return results.count(), [page.title for page in results[:20]]

    return search


def graphql_gzip(client):
    """The endpoint over HTTP, gzip accepted, posted exactly what the map widget posts."""
    from portal.map import OPERATION_NAME, operation_document

    body = json.dumps(
        {
            "query": operation_document(),
            "operationName": OPERATION_NAME,
            "variables": {"locale": "fr"},
        }
    )

    def post():
        response = client.post(
            "/graphql/", body, content_type="application/json", HTTP_ACCEPT_ENCODING="gzip"
        )
        assert response.status_code == 200, response
        return response

    return post


# --- notes -----------------------------------------------------------------------------------


def list_note(field_name):
    def describe(data):
        return f"{len(data[field_name]['items'])} of {data[field_name]['pagination']['total']:,}"

    return describe


def map_note(data):
    text = data["mapFeatures"]
    return f"{len(json.loads(text)['features']):,} points, {len(text) / 1024:,.0f} KiB"


def api_v2_note(response):
    data = response.json()
    return f"{len(data['items'])} of {data['meta']['total_count']:,}"


def bytes_note(body):
    return f"{len(body) / 1024:,.0f} KiB"


def gzip_note(response):
    encoding = response.get("Content-Encoding", "identity")
    return f"{encoding}, {len(response.content) / 1024:,.0f} KiB"


def download_csv(client):
    return lambda: b"".join(get(client, EXPORT_URL).streaming_content)


def csv_note(body):
    return f"{len(body.splitlines()) - 1:,} rows"


def search_note(found):
    return f"{found[0]:,} matches"


# --- the rows --------------------------------------------------------------------------------


def sample_pages(model, locale="fr"):
    """A fiche (or call) in the middle of the id range, published and public."""
    rows = model.objects.live().filter(locale__language_code=locale).order_by("pk")
    pks = list(rows.values_list("pk", flat=True))
    return model.objects.get(pk=pks[len(pks) // 2])


def fiche_with_open_call():
    """A fiche in the middle of the range that has an open call (its page shows one)."""
    locale = Locale.objects.get(language_code="fr")
    keys = list(querysets.open_calls(locale).order_by("pk").values_list("authority_key", flat=True))
    key = keys[len(keys) // 2]
    return AuthorityPage.objects.get(translation_key=key, locale=locale)


def rows():
    client = Client()
    flat_items = execute(AUTHORITIES_FLAT)["authorities"]["items"]
    titles = [item["title"] for item in flat_items]
    pks = list(
        AuthorityPage.objects.filter(
            title__in=titles, locale__language_code__in=["en", "fr"]
        ).values_list("pk", flat=True)[:100]
    )
    api_v2 = API_V2.format(locale="en") + API_V2_FIELDS
    fiche = fiche_with_open_call()
    call = sample_pages(PartnershipCallPage)

    def api_anchor():
        return Variant(
            "Wagtail API v2, same count", lambda: get(client, api_v2), describe=api_v2_note
        )

    def floor(pk_list):
        return Variant("floor: .values() + orjson", list_floor(pk_list), describe=bytes_note)

    def plain():
        return Variant("plain ORM-fed fiche template", plain_fiche(fiche.pk))

    def kept_warm(query, field_name):
        return Variant(
            "kept answer (warm)", kept(query), before=kept(query), describe=list_note(field_name)
        )

    return [
        Row(
            "authorities(perPage:100) nested",
            [
                Variant("GraphQL", lambda: execute(AUTHORITIES), describe=list_note("authorities")),
                api_anchor(),
                floor(pks),
            ],
        ),
        Row(
            "authorities(perPage:100) nested, kept",
            [
                kept_warm(AUTHORITIES, "authorities"),
                api_anchor(),
                floor(pks),
            ],
        ),
        Row(
            "authorities(perPage:100) flat",
            [
                Variant(
                    "GraphQL", lambda: execute(AUTHORITIES_FLAT), describe=list_note("authorities")
                ),
                api_anchor(),
                floor(pks),
            ],
        ),
        Row(
            "partnershipCalls(perPage:100)",
            [
                Variant("GraphQL", lambda: execute(CALLS), describe=list_note("partnershipCalls")),
                api_anchor(),
            ],
        ),
        Row(
            "partnershipCalls(perPage:100), kept",
            [
                kept_warm(CALLS, "partnershipCalls"),
                api_anchor(),
            ],
        ),
        Row(
            "mapFeatures, cold cache",
            [
                Variant("GraphQL", lambda: execute(MAP), before=cache.clear, describe=map_note),
                Variant("floor: .values() + orjson", map_values_floor, describe=bytes_note),
            ],
        ),
        Row(
            "map widget answer, warm, gzip",
            [
                Variant("endpoint, widget POST", graphql_gzip(client), describe=gzip_note),
                Variant("floor: .values() + orjson", map_values_floor, describe=bytes_note),
            ],
        ),
        Row("home page /fr/", [Variant("page", lambda: get(client, "/fr/")), plain()]),
        Row("authority directory", [Variant("page", lambda: get(client, "/fr/fiches/")), plain()]),
        Row("fiche page", [Variant("page", lambda: get(client, fiche.url)), plain()]),
        Row("call page", [Variant("page", lambda: get(client, call.url)), plain()]),
        Row(
            "calls directory",
            [Variant("page", lambda: get(client, "/fr/fiches/appels/")), plain()],
        ),
        Row(
            f"search page “{SEARCH_WORDS}”",
            [
                Variant(
                    "page",
                    lambda: get(client, f"/fr/recherche/?q={SEARCH_WORDS}"),
                ),
                Variant(
                    "Wagtail .search() count + 20",
                    wagtail_search(SEARCH_WORDS),
                    describe=search_note,
                ),
            ],
        ),
        Row(
            f"search field “{SEARCH_WORDS}”, 20 items",
            [
                Variant(
                    "GraphQL",
                    lambda: execute(SEARCH, {"words": SEARCH_WORDS}),
                    describe=list_note("search"),
                ),
                Variant(
                    "Wagtail .search() count + 20",
                    wagtail_search(SEARCH_WORDS),
                    describe=search_note,
                ),
            ],
        ),
        Row(
            "suggestedPartners(limit:10), a fiche",
            [
                Variant(
                    "GraphQL",
                    lambda: execute(SUGGESTIONS, {"authority": fiche.pk}),
                    describe=lambda data: f"{len(data['suggestedPartners'])} suggestions",
                ),
                plain(),
            ],
        ),
        Row(
            "authorities.csv export, warm cache",
            [Variant("export", download_csv(client), describe=csv_note), plain()],
        ),
    ]


def run_all(runs, only=None):
    selected = [row for row in rows() if not only or any(word in row.name for word in only)]
    return [row.run(runs) for row in selected]


def spread(variant):
    return f"{min(variant.durations):.1f}–{max(variant.durations):.1f}"


def print_rows(measured, heading, out):
    out.write(f"\n{heading}\n\n")
    out.write(
        f"{'measure':<38} {'variant':<30} {'median ms':>9} {'spread ms':>15} {'SQL':>5} "
        f"{'ratio':>7}  note\n"
    )
    out.write(f"{'-' * 38} {'-' * 30} {'-' * 9} {'-' * 15} {'-' * 5} {'-' * 7}  {'-' * 20}\n")
    for row in measured:
        own = row.variants[0]
        for index, variant in enumerate(row.variants):
            name = row.name if index == 0 else ""
            ratio = "" if index == 0 else f"{own.median_ms / variant.median_ms:.2f}×"
            out.write(
                f"{name:<38} {variant.name:<30} {variant.median_ms:>9.1f} {spread(variant):>15} "
                f"{variant.queries:>5} {ratio:>7}  {variant.note}\n"
            )
    out.write("\nratio: the project's median ÷ the anchor's median (same run, interleaved).\n")
