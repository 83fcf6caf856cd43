"""Nothing unpublished, private, aliased, internal or personal is reachable through GraphQL.

One test per exposure path. Leaky content carries the marker "LEAK" in its title, so a
response containing "LEAK" anywhere has leaked.
"""

import pytest
from graphql import get_introspection_query

from cms.api import validation
from cms.models import AuthorityPage
from tests.factories import (
    graphql,
    make_authority,
    make_call,
    make_news,
    restrict,
    small_dataset,
    translate,
)

pytestmark = pytest.mark.django_db

MARKER = "LEAK"

EVERY_ROOT_FIELD = """{
  authorities(perPage: 20) { items { ...A } }
  en: authorities(locale: "en", perPage: 20) { items { ...A } }
  partnershipCalls(perPage: 20) { items { ...C authority { ...A } } }
  news(perPage: 20) { items { title introduction url translations { url }
    body { ... on ParagraphBlock { html } ... on QuoteBlock { text } }
    relatedAuthorities { ...A } } }
  countries { code name authorities frenchCooperations openCalls openRequestsWithoutFrenchPartner }
  mapFeatures
  enMap: mapFeatures(locale: "en")
  search(query: "LEAK", perPage: 20) { items { __typename title url } pagination { total } }
  searchTown: search(query: "town", perPage: 20) { items { __typename title url } }
}
"""
FRAGMENTS = """
fragment A on Authority {
  id title slug url locale summary regionName address website contactRole contactName
  translations { locale url }
  cooperations { partnerName partner { id title url } partnerCountry { code } description }
  foreignActors { name description }
  openCalls { ...C }
}
fragment C on PartnershipCall { id title url summary description translations { locale url } }
"""
EVERY_ROOT_FIELD += FRAGMENTS


@pytest.fixture
def leaky(skeleton):
    data = small_dataset()
    dakar, lyon = data["dakar"], data["lyon"]

    # Never published.
    data["draft"] = make_authority(f"{MARKER} draft town", slug="draft", publish=False)
    data["draft_call"] = make_call(dakar, f"{MARKER} draft call", publish=False)
    data["draft_news"] = make_news(f"{MARKER} draft news", publish=False)
    # A published fiche whose latest changes are not published.
    dakar.title = f"{MARKER} unpublished new title"
    dakar.summary = f"{MARKER} unpublished summary"
    dakar.save_revision()
    # A translation saved but not published, and one published then unpublished.
    data["lyon_en_draft"] = translate(lyon, "en", f"{MARKER} Lyon draft translation", publish=False)
    nouakchott_en = translate(data["nouakchott"], "en", f"{MARKER} withdrawn translation")
    nouakchott_en.unpublish()
    # Private: a fiche behind a password, and a call of a public fiche behind one.
    data["private"] = make_authority(f"{MARKER} private town", slug="private", country="IS")
    make_call(data["private"], f"{MARKER} call of a private town")
    restrict(data["private"])
    private_call = make_call(lyon, f"{MARKER} private call")
    restrict(private_call)
    # A published call under a fiche that was unpublished afterwards.
    withdrawn = make_authority(f"{MARKER} withdrawn town", slug="withdrawn", country="IS")
    make_call(withdrawn, f"{MARKER} orphan call")
    AuthorityPage.objects.filter(pk=withdrawn.pk).update(live=False)
    # An alias of a published fiche.
    data["alias"] = dakar.create_alias(update_slug="dakar-alias")
    # Cooperations and news pointing at hidden fiches.
    partner_rows = [
        {"partner_page": data["draft"]},
        {"partner_page": data["private"]},
    ]
    data["with_hidden_partners"] = make_authority(
        "Partner of hidden towns", slug="partner-of-hidden", cooperations=partner_rows
    )
    article = data["article"]
    article.related_authorities.add(data["draft"], data["private"])
    article.save_revision().publish()
    return data


def body_of(client, query, variables=None):
    response = client.post(
        "/graphql/",
        {"query": query, "variables": variables or {}},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.content.decode()


def test_no_root_field_returns_hidden_content(client, leaky):
    body = body_of(client, EVERY_ROOT_FIELD)
    assert '"errors"' not in body
    assert MARKER not in body
    assert "dakar-alias" not in body
    # The private and withdrawn fiches are the only ones in Iceland.
    assert '"IS"' not in body


def test_published_title_is_served_not_the_draft_one(client, leaky):
    result = graphql(client, '{ authority(slug: "dakar") { title summary } }')
    assert result["data"]["authority"] == {"title": "Dakar", "summary": "Summary of Dakar."}


def test_single_item_fields_return_null_for_hidden_pages(client, leaky):
    hidden = {
        "authority": [leaky["draft"], leaky["private"], leaky["alias"], leaky["lyon_en_draft"]],
        "partnershipCall": [leaky["draft_call"]],
        "newsArticle": [leaky["draft_news"]],
    }
    for field, pages in hidden.items():
        for page in pages:
            result = graphql(
                client, f"query($id: ID) {{ {field}(id: $id) {{ title }} }}", {"id": page.pk}
            )
            assert result["data"][field] is None, (field, page.title)
    for slug in ("draft", "private", "dakar-alias"):
        result = graphql(client, f'{{ authority(slug: "{slug}") {{ title }} }}')
        assert result["data"]["authority"] is None, slug


def test_unpublished_translation_is_neither_listed_nor_linked(client, leaky):
    result = graphql(
        client,
        """{ authorities(locale: "en") { items { title locale translations { locale } } } }""",
    )
    by_title = {item["title"]: item for item in result["data"]["authorities"]["items"]}
    assert by_title["Lyon"] == {"title": "Lyon", "locale": "fr", "translations": []}
    assert by_title["Nouakchott"]["locale"] == "fr"


def test_hidden_partner_fiche_is_not_linked(client, leaky):
    result = graphql(
        client,
        """{ authority(slug: "partner-of-hidden") {
             cooperations { partner { id } partnerName partnerCountry { code } } } }""",
    )
    assert result["data"]["authority"]["cooperations"] == [
        {"partner": None, "partnerName": "", "partnerCountry": None},
        {"partner": None, "partnerName": "", "partnerCountry": None},
    ]


def test_news_does_not_list_hidden_related_fiches(client, leaky):
    result = graphql(client, "{ news { items { relatedAuthorities { title } } } }")
    assert result["data"]["news"]["items"] == [{"relatedAuthorities": [{"title": "Dakar"}]}]


def test_internal_and_personal_fields_are_not_in_the_schema(client, skeleton):
    schema = graphql(client, get_introspection_query())["data"]["__schema"]
    field_names = {
        field["name"]
        for type_ in schema["types"]
        if not type_["name"].startswith("__")
        for field in (type_["fields"] or []) + (type_["inputFields"] or [])
    }
    forbidden = {
        "draftTitle",
        "hasUnpublishedChanges",
        "aliases",
        "aliasOf",
        "lockedAt",
        "locked",
        "lockedBy",
        "latestRevisionCreatedAt",
        "latestRevision",
        "revisions",
        "owner",
        "contactEmail",
        "contactPhone",
        "password",
        "parent",
        "children",
    }
    assert not field_names & forbidden
    assert schema["mutationType"] is None
    root = next(t for t in schema["types"] if t["name"] == "Query")
    assert {field["name"] for field in root["fields"]} == {
        "authorities",
        "authority",
        "partnershipCalls",
        "partnershipCall",
        "news",
        "newsArticle",
        "themes",
        "countries",
        "mapFeatures",
        "search",
        "suggestedPartners",
    }


def test_contact_email_and_phone_appear_in_no_response(client, leaky):
    emails = list(AuthorityPage.objects.values_list("contact_email", "contact_phone"))
    body = body_of(client, EVERY_ROOT_FIELD)
    for slug in ("dakar", "lyon"):
        body += body_of(client, f'{{ authority(slug: "{slug}") {{ ...A }} }}' + FRAGMENTS)
    assert emails
    for email, phone in emails:
        assert email and email not in body
        assert phone and phone not in body


@pytest.fixture(autouse=True)
def _leak_queries_ask_for_everything(monkeypatch):
    """The leak queries select every field at once: far above the cost a partner may ask."""
    monkeypatch.setattr(validation, "MAX_COST", 10**12)
    monkeypatch.setattr(validation, "MAX_FIELDS", 10**6)
