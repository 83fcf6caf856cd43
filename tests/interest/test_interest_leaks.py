"""An expression of interest never reaches a public surface.

A visitor submits an expression whose message, names and email carry a marker; then every
public surface is read — GraphQL (every root field, every field three levels deep), the
call and fiche pages, search, feeds, sitemap, exports, the map — and none may hold it.
"""

import pytest
from django.urls import reverse

from cms.api import validation
from portal.interest.models import InterestExpression
from tests.factories import graphql, make_authority, make_call, make_news
from tests.helpers import VALID_INTEREST as VALID
from tests.helpers import interest_form_url as form_url
from tests.helpers import public_urls, root_queries

pytestmark = pytest.mark.django_db

MARKER = "quokka7731"
SECRETS = {
    "message": f"Our {MARKER} message about zebrafish.",
    "email": f"{MARKER}@leak.example",
    "contact_name": f"Ana {MARKER}",
    "contact_role": f"Role {MARKER}",
    "interested_authority": f"Town of {MARKER}",
}


@pytest.fixture
def authority(skeleton):
    return make_authority("Dakar", contact_email="contact@dakar.example")


@pytest.fixture
def call(authority):
    return make_call(authority, "Drinking water for Dakar")


@pytest.fixture
def submitted(client, call):
    response = client.post(form_url(call), {**VALID, **SECRETS}, REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 302
    assert InterestExpression.objects.filter(message=SECRETS["message"]).exists()
    return call


def assert_no_secret(body, where):
    for name, value in SECRETS.items():
        assert value not in body, f"{name} leaked through {where}"
    assert MARKER not in body, f"the marker leaked through {where}"


def test_no_graphql_root_field_returns_an_expression(client, submitted, authority):
    article = make_news("Water forum")
    article.related_authorities.set([authority])
    article.save_revision().publish()
    for name, query in root_queries(submitted, authority, article):
        result = graphql(client, query)
        assert "errors" not in result, (name, result.get("errors"))
        assert_no_secret(str(result), f"GraphQL {name}")


def test_graphql_search_for_the_message_finds_nothing(client, submitted):
    for text in (SECRETS["message"], SECRETS["email"], MARKER):
        result = graphql(
            client, "query($q: String!) { search(query: $q) { pagination { total } } }", {"q": text}
        )
        assert result["data"]["search"]["pagination"]["total"] == 0, text


def test_no_public_page_feed_sitemap_or_export_shows_an_expression(client, submitted, authority):
    for url in public_urls(submitted, authority):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert_no_secret(body.decode(), url)


def test_the_moderators_listing_is_not_public(client, submitted):
    response = client.get(reverse("interest_expressions:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    export = client.get(reverse("interest_expressions:index") + "?export=csv")
    assert export.status_code == 302
    assert_no_secret(export.content.decode(), "the admin export, anonymously")


@pytest.fixture(autouse=True)
def _leak_queries_ask_for_everything(monkeypatch):
    """The leak queries select every field at once: far above the cost a partner may ask."""
    monkeypatch.setattr(validation, "MAX_COST", 10**12)
    monkeypatch.setattr(validation, "MAX_FIELDS", 10**6)
