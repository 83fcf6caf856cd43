"""Parsed and validated documents kept per process (cms.api.documents, issue 11): the same
answers and errors as parsing each time, only documents without errors kept, bounded."""

import pytest
from django.test import RequestFactory
from graphql import parse, specified_rules

from cms.api.documents import DocumentCache, documents, validated_document
from cms.api.schema import schema
from cms.api.validation import LimitedExecutionContext, validation_rules
from tests.factories import make_authority
from tests.helpers import graphql

LIST = '{ authorities(locale: "fr") { items { title country { name } } pagination { total } } }'
INVALID = '{ authorities(locale: "fr") { items { nope } } }'
TOO_DEEP = "{ a { b { c { d { e { f { g { h { i { j { k { l } } } } } } } } } } } }"


@pytest.fixture(autouse=True)
def empty_cache():
    documents.clear()
    yield
    documents.clear()


def keys():
    return [(source, rules) for _schema, source, rules in documents._documents]


def test_a_valid_document_is_kept_once_per_rules_an_invalid_one_never():
    graphql_schema = schema.graphql_schema
    first, errors = validated_document(graphql_schema, LIST, specified_rules)
    assert errors == []
    again, errors = validated_document(graphql_schema, LIST, specified_rules)
    assert again is first
    # The endpoint's rules (with the query limits) are validated on their own.
    other, errors = validated_document(graphql_schema, LIST, validation_rules())
    assert errors == [] and other is not first
    assert len(documents) == 2
    _document, errors = validated_document(graphql_schema, INVALID, specified_rules)
    assert [error.message for error in errors] == ["Cannot query field 'nope' on type 'Authority'."]
    _document, errors = validated_document(graphql_schema, "{ oops", specified_rules)
    assert len(errors) == 1 and "Syntax Error" in errors[0].message
    assert len(documents) == 2


def test_the_cache_is_bounded_in_number_and_total_length():
    kept = DocumentCache(max_documents=2, max_total_length=30, max_document_length=20)
    for text in ("{ a }", "{ b }", "{ c }"):
        kept.put("schema", text, (), parse(text))
    assert kept.get("schema", "{ a }", ()) is None  # the least recently used went first
    assert kept.get("schema", "{ b }", ()) is not None
    kept.put("schema", "{ " + "x " * 8 + "}", (), None)  # 20 characters: over the total
    assert len(kept) == 2 and kept.total_length <= 30
    assert kept.get("schema", "{ c }", ()) is None  # "{ b }" was used more recently
    kept.put("schema", "{ " + "y " * 10 + "}", (), None)  # over one document's length
    assert kept.get("schema", "{ " + "y " * 10 + "}", ()) is None
    kept.clear()
    assert len(kept) == 0 and kept.total_length == 0


@pytest.mark.django_db
def test_schema_execute_answers_the_same_from_a_kept_document(skeleton):
    make_authority("Dakar", country="SN")

    def run(query):
        return schema.execute(
            query,
            context_value=RequestFactory().post("/graphql/"),
            execution_context_class=LimitedExecutionContext,
        )

    first = run(LIST)
    assert first.errors is None and len(documents) == 1
    assert run(LIST).data == first.data
    invalid = run(INVALID)
    assert invalid.data is None and len(invalid.errors) == 1
    assert run(INVALID).formatted == invalid.formatted
    assert len(documents) == 1


@pytest.mark.django_db
def test_the_endpoint_keeps_validated_documents_and_reports_errors_each_time(client, skeleton):
    make_authority("Dakar", country="SN")
    first = graphql(client, LIST)
    assert keys() == [(LIST, tuple(validation_rules()))]
    assert graphql(client, LIST) == first
    too_deep = graphql(client, TOO_DEEP, status=400)
    assert graphql(client, TOO_DEEP, status=400) == too_deep
    french = graphql(client, TOO_DEEP, status=400, language="fr")
    assert french != too_deep  # errors computed afresh, in the visitor's language
    assert len(documents) == 1


@pytest.mark.django_db
def test_a_kept_document_still_refuses_a_mutation_over_get(client, skeleton):
    # The schema has no mutation, so no mutation validates; the GET check comes first.
    response = client.get("/graphql/", {"query": "mutation { x }"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 405
    assert len(documents) == 0
