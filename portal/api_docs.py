"""The public "API" page (``/<lang>/api/``) and the schema file it links to.

The page states the contract partners rely on: the endpoint, the committed schema, the limits
and the open data exports. Every figure comes from the code that enforces it, and the
examples are built from a query kept in graphql/examples/, which the tests run, so the page
cannot drift from what the endpoint accepts.
"""

import json
import shlex
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from graphql.utilities import strip_ignored_characters

from cms.api.pagination import DEFAULT_PER_PAGE, MAX_PER_PAGE
from cms.api.validation import (
    DEFAULT_LIST_SIZE,
    MAX_ALIASES,
    MAX_COST,
    MAX_DEPTH,
    MAX_FIELDS,
    MAX_ID_LENGTH,
    MAX_SEARCH_LENGTH,
    MAX_STRING_LENGTH,
)
from cms.models import AuthorityKind, Theme
from portal.graphql_view import MAX_BODY_SIZE, MAX_QUERY_LENGTH

GRAPHQL_DIR = Path(settings.BASE_DIR) / "graphql"
SCHEMA_FILE = GRAPHQL_DIR / "schema.graphql"
EXAMPLE_FILE = GRAPHQL_DIR / "examples" / "authorities_of_a_country.graphql"
EXAMPLE_COUNTRY = "SN"
EXPORT_EXAMPLE_FILTERS = "?country=SN&theme=water-sanitation"


@cache
def example_query():
    """The example operation without its leading comment lines (the page explains it)."""
    lines = EXAMPLE_FILE.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("#")).strip() + "\n"


def curl_example(endpoint, variables):
    body = json.dumps(
        {"query": strip_ignored_characters(example_query()), "variables": variables},
        ensure_ascii=False,
    )
    return (
        f"curl {shlex.quote(endpoint)} \\\n"
        "  -H 'Content-Type: application/json' \\\n"
        "  -H 'Accept-Language: " + variables["locale"] + "' \\\n"
        f"  --data {shlex.quote(body)}"
    )


def indented_query():
    return "".join(f"    {line}\n" if line else "\n" for line in example_query().splitlines())


def gql_example(endpoint, variables):
    return f'''from gql import Client, gql
from gql.transport.requests import RequestsHTTPTransport

client = Client(transport=RequestsHTTPTransport(url={json.dumps(endpoint)}, timeout=30))
query = gql(
    """
{indented_query()}    """
)
query.variable_values = {json.dumps(variables)}
result = client.execute(query)
for authority in result["authorities"]["items"]:
    print(authority["title"], authority["url"])
'''


def requests_example(endpoint, variables):
    return f'''import requests

QUERY = """
{example_query()}"""

response = requests.post(
    {json.dumps(endpoint)},
    json={{"query": QUERY, "variables": {json.dumps(variables)}}},
    timeout=30,
)
response.raise_for_status()
body = response.json()
if body.get("errors"):
    raise RuntimeError(body["errors"])
print(body["data"]["authorities"]["pagination"]["total"])
'''


def themes_in(language_code):
    """[(slug, name)] of the taxonomy's themes, named in ``language_code`` when translated."""
    rows = Theme.objects.filter(
        locale__language_code__in={settings.LANGUAGE_CODE, language_code}
    ).values_list("translation_key", "slug", "name", "sort_order", "locale__language_code")
    reference, translated = {}, {}
    for key, slug, name, sort_order, code in rows:
        if code == settings.LANGUAGE_CODE:
            reference[key] = (sort_order, slug, name)
        if code == language_code:
            translated[key] = name
    ordered = sorted(reference.items(), key=lambda item: (item[1][0], item[1][1]))
    return [(slug, translated.get(key, name)) for key, (_order, slug, name) in ordered]


def alternates(request):
    """hreflang links: this page exists in every language."""
    links = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            links.append({"code": code, "url": request.build_absolute_uri(reverse("api"))})
    return links


@require_safe
def api_page(request):
    language = translation.get_language()
    endpoint = request.build_absolute_uri(reverse("graphql"))
    variables = {"country": EXAMPLE_COUNTRY, "locale": language}
    csv_url = reverse("export_authorities_csv")
    context = {
        "endpoint": endpoint,
        "schema_url": reverse("graphql_schema"),
        "graphiql_url": reverse("graphql"),
        "max_depth": MAX_DEPTH,
        "max_aliases": MAX_ALIASES,
        "max_per_page": MAX_PER_PAGE,
        "default_per_page": DEFAULT_PER_PAGE,
        "max_query_length": MAX_QUERY_LENGTH,
        "max_fields": MAX_FIELDS,
        "max_cost": MAX_COST,
        "default_list_size": DEFAULT_LIST_SIZE,
        "max_search_length": MAX_SEARCH_LENGTH,
        "max_id_length": MAX_ID_LENGTH,
        "max_string_length": MAX_STRING_LENGTH,
        "max_body_size": MAX_BODY_SIZE,
        "example_query": example_query(),
        "curl_example": curl_example(endpoint, variables),
        "gql_example": gql_example(endpoint, variables),
        "requests_example": requests_example(endpoint, variables),
        "csv_url": csv_url,
        "geojson_url": reverse("export_authorities_geojson"),
        "csv_example_url": csv_url + EXPORT_EXAMPLE_FILTERS,
        "kinds": AuthorityKind.choices,
        "themes": themes_in(language),
        "alternates": alternates(request),
    }
    return TemplateResponse(request, "portal/api.html", context)


@require_safe
@cache_control(max_age=3600, public=True)
def schema_sdl(request):
    """The committed schema (graphql/schema.graphql): the contract, as a text file."""
    return HttpResponse(
        SCHEMA_FILE.read_text(encoding="utf-8"), content_type="text/plain; charset=utf-8"
    )
