"""An expression of interest never reaches a public surface.

A visitor submits an expression whose message, names and email carry a marker; then every
public surface is read — GraphQL (every root field, every field three levels deep), the
call and fiche pages, search, feeds, sitemap, exports, the map — and none may hold it.
"""

import contextlib

import pytest
from django.urls import NoReverseMatch, reverse
from graphql import (
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
    is_leaf_type,
)

from cms.api.schema import schema
from portal.interest.models import InterestExpression
from tests.factories import graphql, make_authority, make_call, make_news
from tests.test_interest import VALID, form_url

pytestmark = pytest.mark.django_db

MARKER = "quokka7731"
SECRETS = {
    "message": f"Our {MARKER} message about zebrafish.",
    "email": f"{MARKER}@leak.example",
    "contact_name": f"Ana {MARKER}",
    "contact_role": f"Role {MARKER}",
    "interested_authority": f"Town of {MARKER}",
}
DEPTH = 3


def _has_required_args(field):
    return any(
        isinstance(arg.type, GraphQLNonNull) and arg.default_value is None
        for arg in field.args.values()
    )


def selection(graphql_type, depth):
    """Every field of ``graphql_type`` without required arguments, ``depth`` levels deep."""
    named = get_named_type(graphql_type)
    if is_leaf_type(named):
        return ""
    if depth == 0:
        return None
    if isinstance(named, GraphQLUnionType | GraphQLInterfaceType):
        possible = schema.graphql_schema.get_possible_types(named)
        fragments = [f"... on {kind.name} {selection(kind, depth)}" for kind in possible]
        return "{ __typename " + " ".join(fragments) + " }"
    assert isinstance(named, GraphQLObjectType)
    parts = []
    for name, field in named.fields.items():
        if _has_required_args(field):
            continue
        sub = selection(field.type, depth - 1)
        if sub is not None:
            parts.append(f"{name} {sub}".strip())
    return "{ " + " ".join(parts or ["__typename"]) + " }"


def root_queries(call, authority, article):
    arguments = {
        "authority": f"(id: {authority.pk})",
        "partnershipCall": f"(id: {call.pk})",
        "newsArticle": f"(id: {article.pk})",
        "search": '(query: "zebrafish", perPage: 100)',
        "suggestedPartners": f"(call: {call.pk}, limit: 50)",
    }
    query_type = schema.graphql_schema.query_type
    for name, field in query_type.fields.items():
        args = arguments.get(name, "")
        if _has_required_args(field) and not args:
            continue
        yield name, f"{{ {name}{args} {selection(field.type, DEPTH)} }}"


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


def public_urls(call, authority):
    urls = [
        call.get_url(),
        authority.get_url(),
        form_url(call),
        reverse("interest_expression_sent", args=[call.pk]),
        "/sitemap.xml",
        "/fr/feeds/calls.rss",
        "/fr/feeds/calls.atom",
        "/fr/feeds/news.rss",
        "/en/feeds/calls.rss",
    ]
    # Surfaces other parts of the portal may or may not serve yet.
    for name in ("export_authorities_csv", "export_authorities_geojson", "map"):
        with contextlib.suppress(NoReverseMatch):
            urls.append(reverse(name))
    with contextlib.suppress(ImportError):
        from cms.pages.urls import search_url

        # The results page repeats the query: search a word of the message, not the marker.
        urls.append(f"{search_url()}?q=zebrafish")
    return urls


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
