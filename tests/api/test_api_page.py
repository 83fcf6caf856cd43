"""The public API page (/<lang>/api/) and the schema file it links to.

The page is read by partners' developers: its figures must be the enforced limits, its links
must work, and its examples must run against the endpoint as printed.
"""

import html
import io
import json
import re
import shlex
import sys
import types
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

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
from portal.graphql_view import MAX_BODY_SIZE, MAX_QUERY_LENGTH
from tests.factories import small_dataset

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SCHEMA_FILE = Path(settings.BASE_DIR) / "graphql" / "schema.graphql"


def page_html(client, language="en"):
    response = client.get(f"/{language}/api/")
    assert response.status_code == 200
    return response.content.decode()


def code_block(body, block_id):
    match = re.search(rf'<code id="{block_id}">(.*?)</code>', body, re.DOTALL)
    assert match, f"no {block_id} on the page"
    return html.unescape(match.group(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_renders_in_every_language(client, skeleton, language):
    body = page_html(client, language)
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}"' in body
    with translation.override(language):
        heading = gettext("Public API")
        limits = gettext("Limits")
    assert f"<h1>{heading}</h1>" in body
    assert limits in body
    # Code stays left-to-right in Arabic.
    assert '<pre class="fr-p-2w fr-background-alt--grey" dir="ltr"' in body
    # The page is in every language: hreflang links to all of them.
    for code in LANGUAGES:
        assert f'hreflang="{code}" href="http://testserver/{code}/api/"' in body


def test_page_is_in_the_main_navigation(client, skeleton):
    body = page_html(client, "es")
    with translation.override("es"):
        label = gettext("API for partners")
    assert f'href="/es/api/" aria-current="page">{label}</a>' in body


def test_page_states_the_enforced_limits(client, skeleton):
    body = page_html(client, "en")
    assert f"<td>{MAX_DEPTH} levels</td>" in body
    assert f"<td>{MAX_ALIASES}</td>" in body
    assert f"<td>1 to {MAX_PER_PAGE}, {DEFAULT_PER_PAGE} by default</td>" in body
    assert f"<td>{MAX_QUERY_LENGTH} characters</td>" in body
    assert f"<td>{MAX_FIELDS}</td>" in body
    assert f"<td>{MAX_COST}</td>" in body
    assert f"and {DEFAULT_LIST_SIZE} for the other lists" in body
    assert f"<td>{MAX_SEARCH_LENGTH} characters</td>" in body
    assert f"<td>{MAX_ID_LENGTH} characters</td>" in body
    assert f"<td>{MAX_STRING_LENGTH} characters</td>" in body
    assert f"<td>{MAX_BODY_SIZE} bytes</td>" in body


def test_curl_example_runs_against_the_endpoint(client, skeleton):
    small_dataset()
    command = shlex.split(code_block(page_html(client, "fr"), "curl-example").replace("\\\n", ""))
    assert command[:2] == ["curl", "http://testserver/graphql/"]
    body = command[command.index("--data") + 1]
    assert json.loads(body)["variables"] == {"country": "SN", "locale": "fr"}
    response = client.post("/graphql/", body, content_type="application/json")
    result = response.json()
    assert "errors" not in result, result
    assert [item["title"] for item in result["data"]["authorities"]["items"]] == ["Dakar"]


def test_requests_example_runs_against_the_endpoint(client, skeleton, monkeypatch):
    """Run the printed Python code with a `requests` that posts through the test client."""
    small_dataset()
    source = code_block(page_html(client, "en"), "requests-example")

    def post(url, json, timeout):
        assert url == "http://testserver/graphql/"
        response = client.post(url, json, content_type="application/json")
        response.raise_for_status = lambda: None
        return response

    monkeypatch.setitem(sys.modules, "requests", types.SimpleNamespace(post=post))
    printed = io.StringIO()
    with redirect_stdout(printed):
        exec(compile(source, "requests-example", "exec"), {})
    assert printed.getvalue() == "1\n"  # Dakar, the only fiche of Senegal


def test_gql_example_sends_the_same_query(client, skeleton):
    body = page_html(client, "pt")
    gql_source = code_block(body, "gql-example")
    compile(gql_source, "gql-example", "exec")  # valid Python
    assert 'RequestsHTTPTransport(url="http://testserver/graphql/"' in gql_source
    assert 'query.variable_values = {"country": "SN", "locale": "pt"}' in gql_source
    assert "authorities(country: $country, locale: $locale" in gql_source


def test_schema_link_serves_the_committed_contract(client, skeleton):
    body = page_html(client, "en")
    assert 'href="/graphql/schema.graphql"' in body
    response = client.get("/graphql/schema.graphql")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == SCHEMA_FILE.read_text(encoding="utf-8")
    assert "type Query {" in response.content.decode()


def test_export_links_download_in_the_page_language(client, skeleton):
    small_dataset()
    body = page_html(client, "es")
    links = re.findall(r'href="(/es/export/authorities\.[a-z]+(?:\?[^"]*)?)"', body)
    assert {"/es/export/authorities.csv", "/es/export/authorities.geojson"} <= set(links)
    for link in links:
        response = client.get(html.unescape(link))
        assert response.status_code == 200, link
        assert response["Content-Language"] == "es"


def test_theme_codes_listed_are_the_filter_values(client, skeleton):
    body = page_html(client, "en")
    assert "<code>water-sanitation</code> — Water and sanitation" in body
    assert "<code>municipality</code> — Municipality" in body
