"""The /graphql/ endpoint: transports, GraphiQL, limits, error bodies, schema snapshot, examples."""

import gzip
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from graphql import get_introspection_query

from cms.api import pagination
from cms.api.validation import MAX_ALIASES, MAX_DEPTH
from cms.management.commands import graphql_schema_snapshot
from tests.factories import graphql, small_dataset

pytestmark = pytest.mark.django_db

EXAMPLES = sorted((Path(settings.BASE_DIR) / "graphql" / "examples").glob("*.graphql"))


def messages(result):
    return [error["message"] for error in result.get("errors", [])]


def test_get_runs_a_query(client, skeleton):
    response = client.get(
        "/graphql/", {"query": "{ themes { slug } }"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert {"slug": "water-sanitation"} in response.json()["data"]["themes"]


def test_post_needs_no_csrf_token(skeleton):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/graphql/", {"query": "{ themes { slug } }"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["data"]["themes"]


def test_browser_gets_graphiql_without_cdn(client, skeleton):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    html = response.content.decode()
    assert "graphiql.min.js" in html
    assert "cdn." not in html and "unpkg" not in html


def test_endpoint_is_outside_language_prefixes(client, skeleton):
    response = client.post(
        "/fr/graphql/", {"query": "{ themes { slug } }"}, content_type="application/json"
    )
    assert response.status_code == 404


def test_invalid_query_is_a_400_with_standard_errors(client, skeleton):
    syntax = graphql(client, "{ authorities { items { title } ", status=400)
    assert syntax["errors"][0]["message"].startswith("Syntax Error")
    assert "data" not in syntax
    unknown = graphql(client, "{ authorities { items { nope } } }", status=400)
    assert "Cannot query field 'nope' on type 'Authority'." in messages(unknown)
    missing_argument = graphql(client, "{ search { pagination { total } } }", status=400)
    assert "argument 'query'" in messages(missing_argument)[0]


def test_empty_request_is_a_400(client, skeleton):
    response = client.post("/graphql/", {}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "Must provide query string."


def test_there_are_no_mutations(client, skeleton):
    result = graphql(client, "mutation { anything }", status=400)
    assert "Schema is not configured to execute mutation operation." in messages(result)


def test_depth_limit(client, skeleton):
    nested = "{ themes { slug } }"
    deep = "{ authorities { items { openCalls { authority { " + "openCalls { authority { " * 4
    deep += "openCalls { title }" + " } }" * 4 + " } } } } }"
    result = graphql(client, deep, status=400)
    assert f"the limit is {MAX_DEPTH}" in messages(result)[0]
    assert graphql(client, nested)["data"]["themes"]


def test_depth_limit_sees_through_fragments(client, skeleton):
    query = """
      fragment C on PartnershipCall {
        authority { openCalls { authority { openCalls { authority { openCalls {
          authority { title } } } } } } }
      }
      { authorities { items { openCalls { ...C } } } }"""
    result = graphql(client, query, status=400)
    assert f"the limit is {MAX_DEPTH}" in messages(result)[0]


def test_introspection_is_allowed_whatever_its_depth(client, skeleton):
    result = graphql(client, get_introspection_query())
    assert result["data"]["__schema"]["queryType"]["name"] == "Query"


def test_alias_limit(client, skeleton):
    fields = " ".join(f"a{n}: themes {{ slug }}" for n in range(MAX_ALIASES + 1))
    result = graphql(client, f"{{ {fields} }}", status=400)
    assert f"more than {MAX_ALIASES} aliases" in messages(result)[0]
    allowed = " ".join(f"a{n}: themes {{ slug }}" for n in range(MAX_ALIASES))
    assert "errors" not in graphql(client, f"{{ {allowed} }}")


def test_per_page_over_the_maximum_is_an_error_not_a_truncation(client, skeleton):
    for field in ("authorities", "partnershipCalls", "news"):
        result = graphql(client, f"{{ {field}(perPage: 101) {{ items {{ title }} }} }}")
        assert result["data"] is None
        assert messages(result) == [
            f"perPage must be between 1 and {pagination.MAX_PER_PAGE} (got 101)."
        ]
    zero = graphql(client, '{ search(query: "x", perPage: 0) { items { title } } }')
    assert "perPage must be between 1" in messages(zero)[0]
    page = graphql(client, "{ news(page: 0) { items { title } } }")
    assert messages(page) == ["page starts at 1 (got 0)."]


def test_unknown_order_is_an_error(client, skeleton):
    result = graphql(
        client, "{ partnershipCalls(order: POPULARITY) { items { title } } }", status=400
    )
    assert "Value 'POPULARITY' does not exist in 'CallOrder' enum." in messages(result)[0]
    as_string = graphql(
        client,
        "query($o: CallOrder) { partnershipCalls(order: $o) { items { title } } }",
        {"o": "owner__password"},
        status=400,
    )
    assert "owner__password" in messages(as_string)[0]


def test_errors_are_in_the_visitors_language(client, skeleton):
    query = '{ authorities(country: "XX") { items { title } } }'
    french = graphql(client, query, language="fr")
    english = graphql(client, query, language="en")
    assert messages(english)[0].startswith("Unknown country code")
    assert messages(french)[0] != messages(english)[0]
    assert "XX" in messages(french)[0]


def test_overlong_query_is_refused(client, skeleton):
    query = "{ themes { slug } }" + " " * 30_000
    result = graphql(client, query, status=400)
    assert "longer than" in messages(result)[0]


def test_schema_snapshot_is_current():
    try:
        call_command("graphql_schema_snapshot", "--check")
    except CommandError as error:
        pytest.fail(f"graphql/schema.graphql is out of date: run `make schema`. ({error})")


def test_schema_snapshot_check_detects_drift(tmp_path, monkeypatch):
    stale = tmp_path / "schema.graphql"
    stale.write_text("type Query { old: String }\n")
    monkeypatch.setattr(graphql_schema_snapshot, "SNAPSHOT", stale)
    with pytest.raises(CommandError, match="make schema"):
        call_command("graphql_schema_snapshot", "--check")
    call_command("graphql_schema_snapshot")
    call_command("graphql_schema_snapshot", "--check")


def test_examples_exist():
    names = {path.stem for path in EXAMPLES}
    assert {
        "calls_by_theme_and_country",
        "authority_with_cooperations",
        "coverage_by_country",
        "map",
    } <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_example_runs_without_errors_and_returns_data(client, skeleton, path):
    small_dataset()
    result = graphql(client, path.read_text())
    assert "errors" not in result, result["errors"]
    value = next(iter(result["data"].values()))
    if isinstance(value, str):
        value = json.loads(value)["features"]
    elif isinstance(value, dict) and "items" in value:
        value = value["items"]
    assert value, f"{path.name} returned no data"


def test_malformed_ids_and_empty_search_are_not_server_errors(client, skeleton):
    bad_id = graphql(client, '{ partnershipCalls(authority: "abc") { items { title } } }')
    assert messages(bad_id) == ["Unknown authority id “abc”."]
    assert graphql(client, '{ authority(id: "abc") { title } }')["data"] == {"authority": None}
    empty = graphql(client, '{ search(query: "  ") { items { title } pagination { total } } }')
    assert empty["data"]["search"] == {"items": [], "pagination": {"total": 0}}


def test_answers_are_gzipped_for_clients_that_accept_it(client, skeleton):
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": '{ themes(locale: "fr") { slug name } }'}),
        content_type="application/json",
        headers={"accept-encoding": "gzip"},
    )
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    data = json.loads(gzip.decompress(response.content))
    assert len(data["data"]["themes"]) == 14
