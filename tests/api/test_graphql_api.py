"""The public GraphQL API: each root field, its filters, locale fallback and pagination."""

import datetime
import json
from types import SimpleNamespace

import pytest

from cms.api import cache, validation
from cms.models import querysets
from tests.factories import graphql, make_authority, make_call, small_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(skeleton):
    return small_dataset()


def titles(result, field):
    return [item["title"] for item in result["data"][field]["items"]]


def error_messages(result):
    return [error["message"] for error in result.get("errors", [])]


# --- authorities ------------------------------------------------------------------------


def test_authorities_lists_published_fiches_with_their_sections(client, data):
    result = graphql(
        client,
        """{ authorities(locale: "fr") {
            items { title locale url kind country { code name } french summary
                    cooperations { partnerName partner { title url } active sinceYear }
                    foreignActors { name kind countryOfOrigin { code } }
                    objectiveThemes { slug name sdgNumbers }
                    workingLanguages { code }
                    mainActivities population areaKm2 latitude }
            pagination { total count perPage currentPage totalPages } } }""",
    )
    assert "errors" not in result
    authorities = result["data"]["authorities"]
    assert [item["title"] for item in authorities["items"]] == ["Dakar", "Lyon", "Nouakchott"]
    assert authorities["pagination"] == {
        "total": 3,
        "count": 3,
        "perPage": 20,
        "currentPage": 1,
        "totalPages": 1,
    }
    dakar = authorities["items"][0]
    assert dakar["url"] == "/fr/fiches/dakar/"
    assert dakar["country"] == {"code": "SN", "name": "Sénégal"}
    assert dakar["french"] is False
    assert dakar["kind"] == "MUNICIPALITY"
    assert dakar["objectiveThemes"][0]["slug"] == "water-sanitation"
    assert dakar["objectiveThemes"][0]["sdgNumbers"] == [6]
    assert dakar["mainActivities"] == "<p>Fishing and <b>tourism</b>.</p>"
    assert dakar["cooperations"] == [
        {
            "partnerName": "Lyon",
            "partner": {"title": "Lyon", "url": "/fr/fiches/lyon/"},
            "active": True,
            "sinceYear": 1999,
        },
        {"partnerName": "Saint-Louis", "partner": None, "active": False, "sinceYear": None},
    ]
    assert dakar["foreignActors"] == [
        {"name": "GIZ", "kind": "DEVELOPMENT_AGENCY", "countryOfOrigin": {"code": "DE"}}
    ]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ('country: "SN"', ["Dakar"]),
        ('country: "fr"', ["Lyon"]),
        ("kind: REGION", ["Nouakchott"]),
        ('theme: "water-sanitation"', ["Dakar"]),
        ("french: true", ["Lyon"]),
        ("french: false", ["Dakar", "Nouakchott"]),
        ('search: "Nouakchott"', ["Nouakchott"]),
    ],
)
def test_authorities_filters(client, data, arguments, expected):
    result = graphql(client, f"{{ authorities({arguments}) {{ items {{ title }} }} }}")
    assert titles(result, "authorities") == expected


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ('country: "XX"', "Unknown country code “XX”"),
        ('theme: "no-such-theme"', "Unknown theme “no-such-theme”"),
        ('locale: "de"', "Unknown locale “de”"),
    ],
)
def test_authorities_bad_filter_is_a_clear_error(client, data, arguments, message):
    result = graphql(client, f"{{ authorities({arguments}) {{ items {{ title }} }} }}")
    assert result["data"] is None
    assert message in error_messages(result)[0]


def test_locale_fallback_lists_untranslated_items_in_their_source_language(client, data):
    result = graphql(
        client,
        """{ authorities(locale: "en") { items { title locale url translations { locale url } }
             pagination { total } } }""",
    )
    items = result["data"]["authorities"]["items"]
    assert result["data"]["authorities"]["pagination"]["total"] == 3
    by_title = {item["title"]: item for item in items}
    assert set(by_title) == {"Dakar (English)", "Lyon", "Nouakchott"}
    assert by_title["Dakar (English)"]["locale"] == "en"
    assert by_title["Dakar (English)"]["url"] == "/en/fiches/dakar/"
    assert by_title["Dakar (English)"]["translations"] == [
        {"locale": "fr", "url": "/fr/fiches/dakar/"}
    ]
    assert by_title["Lyon"]["locale"] == "fr"
    assert by_title["Lyon"]["translations"] == []


def test_names_and_labels_follow_the_requested_locale(client, data):
    result = graphql(
        client,
        """{ authorities(locale: "en", country: "SN") {
             items { country { name } objectiveThemes { name } } } }""",
    )
    item = result["data"]["authorities"]["items"][0]
    assert item["country"]["name"] == "Senegal"
    assert item["objectiveThemes"][0]["name"] == "Water and sanitation"


def test_pagination_pages_through_the_list_in_sql(client, data):
    query = """query($page: Int) { authorities(perPage: 2, page: $page) {
        items { title } pagination { total count perPage currentPage totalPages } } }"""
    first = graphql(client, query, {"page": 1})["data"]["authorities"]
    second = graphql(client, query, {"page": 2})["data"]["authorities"]
    beyond = graphql(client, query, {"page": 3})["data"]["authorities"]
    assert [item["title"] for item in first["items"]] == ["Dakar", "Lyon"]
    assert [item["title"] for item in second["items"]] == ["Nouakchott"]
    assert second["pagination"] == {
        "total": 3,
        "count": 1,
        "perPage": 2,
        "currentPage": 2,
        "totalPages": 2,
    }
    assert beyond["items"] == []
    assert beyond["pagination"]["total"] == 3


def test_authority_by_id_or_slug(client, data):
    by_id = graphql(
        client, "query($id: ID) { authority(id: $id) { title } }", {"id": data["lyon"].pk}
    )
    assert by_id["data"]["authority"] == {"title": "Lyon"}
    by_slug = graphql(client, '{ authority(slug: "dakar", locale: "en") { title locale } }')
    assert by_slug["data"]["authority"] == {"title": "Dakar (English)", "locale": "en"}
    fallback = graphql(client, '{ authority(slug: "lyon", locale: "en") { title locale } }')
    assert fallback["data"]["authority"] == {"title": "Lyon", "locale": "fr"}
    missing = graphql(client, '{ authority(slug: "atlantis") { title } }')
    assert missing["data"]["authority"] is None
    neither = graphql(client, "{ authority { title } }")
    assert "Give either id, or slug and locale." in error_messages(neither)


def test_authority_lists_only_its_open_calls(client, data):
    result = graphql(
        client,
        '{ authority(slug: "dakar") { openCalls { title direction open authority { title } } } }',
    )
    assert result["data"]["authority"]["openCalls"] == [
        {
            "title": "Drinking water for Dakar",
            "direction": "REQUEST",
            "open": True,
            "authority": {"title": "Dakar"},
        }
    ]


def test_a_cooperation_links_its_partner_copy_in_the_requested_language(client, data):
    result = graphql(
        client,
        """{ authorities(locale: "en") { items { title cooperations {
            partnerName partnerCountry { code name }
            partner { id title slug url locale kind country { code name } } } } } }""",
    )
    assert "errors" not in result
    items = {item["title"]: item for item in result["data"]["authorities"]["items"]}
    lyon = data["lyon"]
    # Lyon has no English copy: its French one, named in English.
    assert items["Dakar (English)"]["cooperations"] == [
        {
            "partnerName": "Lyon",
            "partnerCountry": {"code": "FR", "name": "France"},
            "partner": {
                "id": str(lyon.pk),
                "title": "Lyon",
                "slug": "lyon",
                "url": "/fr/fiches/lyon/",
                "locale": "fr",
                "kind": "MUNICIPALITY",
                "country": {"code": "FR", "name": "France"},
            },
        },
        {
            "partnerName": "Saint-Louis",
            "partnerCountry": {"code": "SN", "name": "Senegal"},
            "partner": None,
        },
    ]


# --- partnership calls ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("direction: REQUEST", ["Drinking water for Dakar"]),
        ("status: CLOSED", ["Closed festival offer"]),
        ('theme: "water-sanitation"', ["Drinking water for Dakar", "Lyon water expertise"]),
        # Calls of Senegalese authorities, and Lyon's call that targets Senegal.
        (
            'country: "SN"',
            ["Closed festival offer", "Drinking water for Dakar", "Lyon water expertise"],
        ),
        ('country: "MR"', []),
        ('search: "expertise"', ["Lyon water expertise"]),
    ],
)
def test_partnership_calls_filters(client, data, arguments, expected):
    result = graphql(
        client, f"{{ partnershipCalls({arguments}, order: TITLE) {{ items {{ title }} }} }}"
    )
    assert titles(result, "partnershipCalls") == expected


def test_partnership_calls_of_one_authority_in_any_language(client, data):
    query = "query($id: ID) { partnershipCalls(authority: $id, order: TITLE) { items { title } } }"
    for page in (data["dakar"], data["dakar_en"]):
        result = graphql(client, query, {"id": page.pk})
        assert titles(result, "partnershipCalls") == [
            "Closed festival offer",
            "Drinking water for Dakar",
        ]


def test_partnership_calls_orders(client, data):
    query = "query($order: CallOrder) { partnershipCalls(order: $order) { items { title } } }"
    deadline = graphql(client, query, {"order": "DEADLINE"})
    assert titles(deadline, "partnershipCalls")[:2] == [
        "Lyon water expertise",
        "Drinking water for Dakar",
    ]
    newest = graphql(client, query, {"order": "NEWEST"})
    assert titles(newest, "partnershipCalls")[0] == "Lyon water expertise"


def test_partnership_call_exposes_its_fields_and_authority(client, data):
    result = graphql(
        client,
        """query($id: ID) { partnershipCall(id: $id) {
            title direction status statusLabel open summary description deadline durationMonths
            budgetEur cofinancingSoughtEur targetCountries { code } themes { slug }
            authority { title country { code } } } }""",
        {"id": data["water_request"].pk},
    )
    call = result["data"]["partnershipCall"]
    assert call["direction"] == "REQUEST"
    assert call["open"] is True
    assert call["budgetEur"] == 50000.0
    assert call["cofinancingSoughtEur"] == 20000.0
    assert call["description"] == "<p>What we want to do.</p>"
    assert call["targetCountries"] == [{"code": "FR"}]
    assert call["authority"] == {"title": "Dakar", "country": {"code": "SN"}}


def test_untranslated_call_is_listed_in_its_source_language(client, data):
    result = graphql(
        client,
        """{ partnershipCalls(locale: "en", direction: REQUEST) {
             items { title locale authority { title locale } } } }""",
    )
    assert result["data"]["partnershipCalls"]["items"] == [
        {
            "title": "Drinking water for Dakar",
            "locale": "fr",
            "authority": {"title": "Dakar (English)", "locale": "en"},
        }
    ]


# --- news -------------------------------------------------------------------------------


def test_news_lists_articles_with_typed_body(client, data):
    result = graphql(
        client,
        """{ news(theme: "water-sanitation") { items { title introduction
             body { __typename ... on ParagraphBlock { html }
                    ... on QuoteBlock { text attribution } }
             relatedAuthorities { title } themes { slug } }
             pagination { total } } }""",
    )
    news = result["data"]["news"]
    assert news["pagination"]["total"] == 1
    article = news["items"][0]
    assert article["title"] == "Water forum"
    assert article["body"] == [
        {"__typename": "ParagraphBlock", "html": "<p>Body paragraph.</p>"},
        {"__typename": "QuoteBlock", "text": "Cooperation works.", "attribution": "A mayor"},
    ]
    assert article["relatedAuthorities"] == [{"title": "Dakar"}]
    empty = graphql(client, '{ news(theme: "health") { items { title } } }')
    assert empty["data"]["news"]["items"] == []


def test_news_article_by_slug(client, data):
    slug = data["article"].slug
    result = graphql(client, f'{{ newsArticle(slug: "{slug}", locale: "fr") {{ title url }} }}')
    assert result["data"]["newsArticle"]["title"] == "Water forum"
    assert result["data"]["newsArticle"]["url"] == f"/fr/actualites/{slug}/"


# --- taxonomy, countries, map, search ---------------------------------------------------


def test_themes_in_the_requested_locale(client, skeleton):
    french = graphql(
        client, '{ themes(locale: "fr") { slug name sdgNumbers actionDomains { slug name } } }'
    )
    english = graphql(client, '{ themes(locale: "en") { slug name actionDomains { name } } }')
    water_fr = next(t for t in french["data"]["themes"] if t["slug"] == "water-sanitation")
    water_en = next(t for t in english["data"]["themes"] if t["slug"] == "water-sanitation")
    assert water_fr["name"] == "Eau et assainissement"
    assert water_en["name"] == "Water and sanitation"
    assert water_fr["sdgNumbers"] == [6]
    assert len(water_fr["actionDomains"]) == len(water_en["actionDomains"]) >= 3
    assert water_fr["actionDomains"][0]["name"] != water_en["actionDomains"][0]["name"]


def test_countries_coverage(client, data):
    result = graphql(
        client,
        """{ countries(locale: "en") { code name authorities frenchCooperations openCalls
             openRequestsWithoutFrenchPartner } }""",
    )
    rows = {row["code"]: row for row in result["data"]["countries"]}
    assert set(rows) == {"FR", "SN", "MR"}
    assert rows["SN"] == {
        "code": "SN",
        "name": "Senegal",
        "authorities": 1,
        "frenchCooperations": 1,
        "openCalls": 1,
        # Dakar has an active cooperation with Lyon: its request has a French partner.
        "openRequestsWithoutFrenchPartner": 0,
    }
    assert rows["MR"]["name"] == "Mauritania"
    assert rows["FR"]["openCalls"] == 1
    french = graphql(client, '{ countries(locale: "fr") { code name } }')
    assert {"code": "SN", "name": "Sénégal"} in french["data"]["countries"]


def test_open_request_without_french_partner_is_counted(client, data):
    nouakchott = data["nouakchott"]
    make_call(nouakchott, "Solar power", direction="request")
    result = graphql(client, "{ countries { code openRequestsWithoutFrenchPartner } }")
    rows = {row["code"]: row for row in result["data"]["countries"]}
    assert rows["MR"]["openRequestsWithoutFrenchPartner"] == 1


def test_map_features_is_one_geojson_collection(client, data):
    result = graphql(client, '{ mapFeatures(locale: "en") }')
    collection = json.loads(result["data"]["mapFeatures"])
    assert collection["type"] == "FeatureCollection"
    by_title = {f["properties"]["title"]: f for f in collection["features"]}
    # Nouakchott has no coordinates: no point.
    assert set(by_title) == {"Dakar (English)", "Lyon"}
    dakar = by_title["Dakar (English)"]
    assert dakar["geometry"] == {"type": "Point", "coordinates": [-17.4, 14.7]}
    assert dakar["properties"] == {
        "id": str(data["dakar_en"].pk),
        "title": "Dakar (English)",
        "url": "/en/fiches/dakar/",
        "locale": "en",
        "country": "SN",
        "kind": "MUNICIPALITY",
        "french": False,
        "openOffers": 0,
        "openRequests": 1,
        "themes": ["water-sanitation"],
    }
    assert by_title["Lyon"]["properties"]["openOffers"] == 1


def test_map_features_filters(client, data):
    result = graphql(client, '{ mapFeatures(theme: "culture-heritage") }')
    features = json.loads(result["data"]["mapFeatures"])["features"]
    assert [f["properties"]["title"] for f in features] == ["Lyon"]
    bad = graphql(client, '{ mapFeatures(country: "ZZ") }')
    assert "Unknown country code “ZZ”" in error_messages(bad)[0]


def test_a_call_past_its_deadline_leaves_the_cached_map_and_countries_next_day(
    client, skeleton, monkeypatch
):
    # Nothing is published when a deadline passes: the kept answers must still not show
    # yesterday's open calls (map markers' counts, countries' open requests).
    bamako = make_authority("Bamako", country="ML", latitude=12.6, longitude=-8.0)
    make_call(bamako, "Wells", direction="request", deadline=datetime.date.today())
    query = "{ mapFeatures countries { code openRequestsWithoutFrenchPartner } }"

    def open_requests():
        data = graphql(client, query)["data"]
        (point,) = json.loads(data["mapFeatures"])["features"]
        (mali,) = [row for row in data["countries"] if row["code"] == "ML"]
        return point["properties"]["openRequests"], mali["openRequestsWithoutFrenchPartner"]

    assert open_requests() == (1, 1)

    class Tomorrow(datetime.date):
        @classmethod
        def today(cls):
            return datetime.date.today() + datetime.timedelta(days=1)

    for module in (querysets, cache):
        monkeypatch.setattr(module, "datetime", SimpleNamespace(date=Tomorrow), raising=False)
    assert open_requests() == (0, 0)


def test_map_cache_is_dropped_on_publish_and_unpublish(client, data):
    query = "{ mapFeatures }"

    def map_titles():
        features = json.loads(graphql(client, query)["data"]["mapFeatures"])["features"]
        return {f["properties"]["title"] for f in features}

    assert map_titles() == {"Dakar", "Lyon"}
    new = make_authority("Rabat", country="MA")
    assert map_titles() == {"Dakar", "Lyon", "Rabat"}
    new.unpublish()
    assert map_titles() == {"Dakar", "Lyon"}
    data["lyon"].delete()
    assert map_titles() == {"Dakar"}


def test_countries_cache_is_dropped_on_publish(client, data):
    query = "{ countries { code } }"
    before = {row["code"] for row in graphql(client, query)["data"]["countries"]}
    make_authority("Rabat", country="MA")
    after = {row["code"] for row in graphql(client, query)["data"]["countries"]}
    assert after == before | {"MA"}


def test_search_returns_typed_results_across_content(client, data):
    result = graphql(
        client,
        """{ search(query: "water", locale: "fr") {
             items { __typename title url ... on PartnershipCall { direction } }
             pagination { total } } }""",
    )
    items = result["data"]["search"]["items"]
    kinds = {item["__typename"] for item in items}
    assert kinds == {"PartnershipCall", "NewsArticle"}
    assert {item["title"] for item in items} == {
        "Drinking water for Dakar",
        "Lyon water expertise",
        "Water forum",
    }
    assert result["data"]["search"]["pagination"]["total"] == 3
    fiche = graphql(client, '{ search(query: "Nouakchott") { items { __typename title } } }')
    assert fiche["data"]["search"]["items"] == [{"__typename": "Authority", "title": "Nouakchott"}]


# --- cost -------------------------------------------------------------------------------

LIST_QUERY = """query($perPage: Int) {
  authorities(perPage: $perPage) { items {
    title url locale translations { locale url } country { name }
    objectiveThemes { name actionDomains { name } } objectiveDomains { name }
    cooperations { partner { title url } partnerName themes { name } }
    foreignActors { name }
    openCalls { title themes { name } authority { title } translations { url } } } }
  partnershipCalls(perPage: $perPage) { items {
    title themes { name } actionDomains { name } translations { url }
    authority { title cooperations { partner { title } } openCalls { title } } } }
  news(perPage: $perPage) { items {
    title themes { name } relatedAuthorities { title openCalls { title } } } }
}"""


def _many(count):
    for number in range(count):
        partner = make_authority(f"Partner {number}", country="FR", theme_slugs=["health"])
        authority = make_authority(
            f"Authority {number}",
            theme_slugs=["water-sanitation", "health"],
            cooperations=[
                {"partner_page": partner},
                {"partner_name": "X", "partner_country": "BJ"},
            ],
            foreign_actors=[{"name": "NGO"}],
        )
        make_call(authority, theme_slugs=["health"])


@pytest.mark.parametrize("count", [5, 50])
def test_lists_cost_a_bounded_number_of_queries(
    client, skeleton, django_assert_max_num_queries, count
):
    _many(count)
    with django_assert_max_num_queries(40):
        result = graphql(client, LIST_QUERY, {"perPage": 100})
    assert "errors" not in result
    assert len(result["data"]["authorities"]["items"]) == 2 * count
    assert len(result["data"]["partnershipCalls"]["items"]) == count


@pytest.fixture(autouse=True)
def _lists_of_every_field(monkeypatch):
    """These queries select every nested list at its largest page to count SQL queries:
    above the cost a partner may ask (tests/api/test_graphql_hardening.py pins the limits)."""
    monkeypatch.setattr(validation, "MAX_COST", 10**12)
