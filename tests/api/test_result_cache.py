"""The public lists' answers kept per content version (cms.api.results, issue 11): the same
answer again at no SQL query, a new one after a publication, never for a preview."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from cms.api.results import kept_answer
from cms.api.schema import schema
from cms.api.scope import ApiScope
from tests.factories import make_authority, make_news, publish_page
from tests.helpers import graphql

pytestmark = pytest.mark.django_db

LIST = """query($country: String) { authorities(locale: "fr", country: $country) {
    items { title url country { name } objectiveThemes { name } } pagination { total } } }"""
NEWS_WITH_COMMENTS = '{ news(locale: "fr") { items { title comments { text } } } }'


def titles(answer):
    return [item["title"] for item in answer["data"]["authorities"]["items"]]


def queries_of(action):
    with CaptureQueriesContext(connection) as queries:
        result = action()
    return result, len(queries)


def test_a_list_is_answered_again_at_no_query_until_a_publication(client, skeleton):
    fiche = make_authority("Dakar", country="SN")
    first = graphql(client, LIST)
    again, queries = queries_of(lambda: graphql(client, LIST))
    assert again == first
    assert queries == 0
    fiche.title = "Dakar Plateau"
    publish_page(fiche)
    assert "Dakar Plateau" in titles(graphql(client, LIST))


def test_variables_are_part_of_the_kept_answer(client, skeleton):
    make_authority("Dakar", country="SN")
    make_authority("Lyon", country="FR")
    assert titles(graphql(client, LIST, {"country": "SN"})) == ["Dakar"]
    assert titles(graphql(client, LIST, {"country": "FR"})) == ["Lyon"]


def test_an_answer_with_comments_is_resolved_every_time(client, skeleton):
    make_news("Water news")
    graphql(client, NEWS_WITH_COMMENTS)
    _answer, queries = queries_of(lambda: graphql(client, NEWS_WITH_COMMENTS))
    assert queries > 0


def test_a_preview_is_neither_kept_nor_served_a_kept_answer(skeleton):
    fiche = make_authority("Dakar", country="SN")
    runs = []

    def answer(preview=None):
        request = RequestFactory().post("/graphql/")
        if preview is not None:
            request._api_scope = ApiScope(request, preview=preview)

        def execute():
            runs.append(preview)
            return schema.execute(LIST, context_value=request)

        return kept_answer(request, LIST, None, None, execute)

    fiche.title = "Dakar, draft"
    answer(preview=fiche)  # an editor's preview first: not kept
    answer()  # public: resolved, kept
    answer(preview=fiche)  # a preview again: resolved, not served the public answer
    assert runs == [fiche, None, fiche]
    assert titles(answer().formatted) == ["Dakar"]  # kept: not resolved again
    assert len(runs) == 3
