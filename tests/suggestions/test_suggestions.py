"""Partner suggestions (issue 6): ranking on a hand-built set, reasons, exclusions, API."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cms import suggestions
from cms.models import AuthorityPage
from cms.suggestions import Profile
from tests.factories import domains, graphql, make_authority, make_call, restrict, translate

pytestmark = pytest.mark.django_db

QUERY = """query($authority: ID, $call: ID, $locale: String, $limit: Int) {
  suggestedPartners(authority: $authority, call: $call, locale: $locale, limit: $limit) {
    score reasons
    authority { id title country { code } }
    call { id title direction }
  }
}"""


def with_domains(call, *slugs):
    call.action_domains.set(domains(*slugs))
    call.save()
    return call


@pytest.fixture
def world(skeleton):
    """Dakar seeks French partners on drinking water; who should it meet, in which order?

    - Lyon (FR, fr): offers water expertise in Senegal → first, through its offer;
    - Rennes (FR, fr): water, no call → second (the shared language puts it before Lille);
    - Lille (FR, en only): water → third;
    - Nantes (FR): water, already cooperates with Dakar → left out;
    - Brest (FR): water, seeks Senegal, but a draft → never suggested;
    - Vannes (FR): water, seeks Senegal, in a private section → never suggested;
    - Thiès (SN): water, same country as Dakar → left out;
    - Bordeaux (FR, fr): no theme in common, but in France, which Dakar seeks → last.
    """
    fr_water = {"country": "FR", "theme_slugs": ["water-sanitation"], "preferred_countries": []}
    lyon = make_authority(
        "Lyon",
        **fr_water
        | {"theme_slugs": ["water-sanitation", "culture-heritage"], "preferred_countries": ["SN"]},
        working_languages=["fr", "en"],
    )
    rennes = make_authority("Rennes", **fr_water, working_languages=["fr"])
    lille = make_authority("Lille", **fr_water, working_languages=["en"])
    nantes = make_authority("Nantes", **fr_water, working_languages=["fr"])
    brest = make_authority("Brest", **fr_water | {"preferred_countries": ["SN"]}, publish=False)
    vannes = make_authority("Vannes", **fr_water | {"preferred_countries": ["SN"]})
    restrict(vannes)
    make_authority("Thiès", theme_slugs=["water-sanitation"], preferred_countries=["FR"])
    make_authority(
        "Bordeaux", country="FR", theme_slugs=["culture-heritage"], preferred_countries=["BR"]
    )
    dakar = make_authority(
        "Dakar",
        country="SN",
        theme_slugs=["water-sanitation"],
        domain_slugs=["drinking-water"],
        preferred_countries=["FR"],
        working_languages=["fr", "pt"],
        cooperations=[{"partner_page": nantes, "kind": "decentralised_cooperation"}],
    )
    request = with_domains(
        make_call(
            dakar,
            "Drinking water for Dakar",
            direction="request",
            theme_slugs=["water-sanitation"],
            target_countries=["FR"],
        ),
        "drinking-water",
    )
    offer = with_domains(
        make_call(
            lyon,
            "Lyon water expertise",
            direction="offer",
            theme_slugs=["water-sanitation"],
            target_countries=["SN"],
        ),
        "drinking-water",
    )
    make_call(brest, "Brest draft offer", theme_slugs=["water-sanitation"], target_countries=["SN"])
    return locals()


def suggested(client, language="en", **variables):
    result = graphql(client, QUERY, variables, language=language)
    assert "errors" not in result, result["errors"]
    return result["data"]["suggestedPartners"]


def titles(items):
    return [item["authority"]["title"] for item in items]


def test_a_request_meets_the_offer_that_targets_its_country_first(client, world):
    items = suggested(client, call=world["request"].pk, locale="en")
    assert titles(items) == ["Lyon", "Rennes", "Lille", "Bordeaux"]
    first = items[0]
    assert first["call"] == {
        "id": str(world["offer"].pk),
        "title": "Lyon water expertise",
        "direction": "OFFER",
    }
    assert first["reasons"] == [
        "An offer that meets this request",
        "Seeks partners in Senegal",
        "Based in France, a country sought",
        "1 theme in common",
        "1 action domain in common",
        "Shared working language: French",
    ]
    assert [item["call"] for item in items[1:]] == [None, None, None]
    assert [item["score"] for item in items] == sorted(
        (item["score"] for item in items), reverse=True
    )


def test_a_fiche_gets_the_same_partners_and_existing_partners_are_left_out(client, world):
    items = suggested(client, authority=world["dakar"].pk, locale="en")
    assert titles(items) == ["Lyon", "Rennes", "Lille", "Bordeaux"]
    assert items[0]["call"]["title"] == "Lyon water expertise"
    assert "Nantes" not in titles(items)  # cooperates with Dakar already


def test_the_offer_side_sees_the_request(client, world):
    items = suggested(client, call=world["offer"].pk, locale="en")
    assert titles(items)[0] == "Dakar"
    assert items[0]["call"]["title"] == "Drinking water for Dakar"
    assert items[0]["reasons"][0] == "A request this offer can meet"
    assert "Thiès" in titles(items)  # a Senegalese fiche seeking French partners
    assert "Lille" not in titles(items)  # same country as Lyon


def test_a_shared_working_language_ranks_higher():
    source = Profile(authority_key="a", country="SN", themes=frozenset({1}), languages={"fr"})
    base = {"country": "FR", "themes": frozenset({1})}
    french = Profile(authority_key="b", languages=frozenset({"fr"}), **base)
    english = Profile(authority_key="c", languages=frozenset({"en"}), **base)
    ranked = suggestions.rank(source, [english, french], limit=10)
    assert [candidate.authority_key for candidate, _points, _reasons in ranked] == ["b", "c"]
    assert ranked[0][1] - ranked[1][1] == suggestions.SHARED_LANGUAGE


def test_reasons_are_translated_with_plural_forms(client, world):
    items = suggested(client, language="fr", call=world["request"].pk, locale="fr")
    assert items[0]["reasons"] == [
        "Une offre qui répond à cette demande",
        "Recherche des partenaires au pays suivant : Sénégal",
        "Située dans un pays recherché : France",
        "1 thématique en commun",
        "1 domaine d’action en commun",
        "Langue de travail commune : Français",
    ]
    source = Profile(authority_key="a", country="SN", themes=frozenset({1, 2, 3}))
    candidate = Profile(authority_key="b", country="FR", themes=frozenset({1, 2, 3}))
    _points, reasons = suggestions.score(source, candidate)
    assert suggestions.describe(reasons[0], "fr", str) == "3 thématiques en commun"
    assert suggestions.describe(reasons[0], "en", str) == "3 themes in common"


def test_drafts_and_private_fiches_are_never_suggested(client, world):
    for variables in ({"call": world["request"].pk}, {"authority": world["dakar"].pk}):
        items = suggested(client, limit=50, **variables)
        assert not {"Brest", "Vannes"} & set(titles(items))
        assert "Brest draft offer" not in [(item["call"] or {}).get("title") for item in items]


def test_a_draft_source_is_an_error_like_an_unknown_one(client, world):
    for pk in (world["brest"].pk, world["vannes"].pk, 999999):
        result = graphql(client, QUERY, {"authority": pk})
        assert result["data"] is None or result["data"]["suggestedPartners"] is None
        assert result["errors"][0]["message"] == f"No published fiche has the id “{pk}”."


def test_suggestions_come_in_the_locale_with_fallback(client, world):
    translate(world["lyon"], "en", "Lyon (English)")
    assert titles(suggested(client, call=world["request"].pk, locale="en"))[0] == "Lyon (English)"
    assert titles(suggested(client, call=world["request"].pk, locale="es"))[0] == "Lyon"


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({}, "Give either authority or call, not both."),
        ({"authority": "1", "call": "2"}, "Give either authority or call, not both."),
        ({"authority": "1", "limit": 0}, "limit must be between 1 and 50 (got 0)."),
        ({"authority": "1", "limit": 51}, "limit must be between 1 and 50 (got 51)."),
        ({"call": "abc"}, "No published partnership call has the id “abc”."),
    ],
)
def test_bad_arguments_are_readable_errors(client, skeleton, variables, message):
    result = graphql(client, QUERY, variables)
    assert [error["message"] for error in result["errors"]] == [message]


def test_errors_follow_the_visitor_language(client, skeleton):
    result = graphql(client, QUERY, {}, language="fr")
    assert result["errors"][0]["message"] == "Indiquez soit authority, soit call, pas les deux."


def test_limit_cuts_the_list(client, world):
    assert titles(suggested(client, call=world["request"].pk, limit=1)) == ["Lyon"]


def partners_with_calls(count, first=0):
    for number in range(first, first + count):
        partner = make_authority(f"Partner {number}", country="FR", theme_slugs=["health"])
        make_call(partner, theme_slugs=["health"], target_countries=["SN"])


def test_query_count_does_not_grow_with_candidates(client, skeleton, django_assert_max_num_queries):
    source = make_authority("Source", country="SN", theme_slugs=["health"])
    partners_with_calls(2)
    with CaptureQueriesContext(connection) as few:
        assert len(suggested(client, authority=source.pk, limit=50)) == 2
    partners_with_calls(18, first=2)
    with django_assert_max_num_queries(len(few)):
        assert len(suggested(client, authority=source.pk, limit=50)) == 20


def test_the_card_list_shows_each_suggestion_and_why(client, world):
    query = """query($call: ID) { suggestedPartners(call: $call, locale: "fr") {
        score reasons
        authority { title url locale country { name } }
        call { title url locale directionLabel } } }"""
    items = graphql(client, query, {"call": world["request"].pk})["data"]["suggestedPartners"]
    with translation.override("fr"):
        html = render_to_string("components/suggestions.html", {"suggestions": items})
        empty = render_to_string("components/suggestions.html", {"suggestions": []})
    assert "Partenaires suggérés" in html
    assert "Lyon water expertise" in html and "1 thématique en commun" in html
    assert html.index("Lyon water expertise") < html.index("Rennes") < html.index("Lille")
    assert "Aucune suggestion pour l’instant" in empty


def test_no_contact_email_or_phone_in_suggestions(client, world):
    query = """query($call: ID) { suggestedPartners(call: $call, limit: 50) {
        reasons authority { title contactName contactRole summary }
        call { title summary wantedPartnerProfile authority { title contactName } } } }"""
    response = client.post(
        "/graphql/",
        {"query": query, "variables": {"call": world["request"].pk}},
        content_type="application/json",
    )
    body = response.content.decode()
    assert "Lyon water expertise" in body
    for email, phone in AuthorityPage.objects.values_list("contact_email", "contact_phone"):
        assert email not in body and phone not in body


def test_fiche_and_call_pages_show_their_suggestions(client, world):
    fiche = client.get(world["dakar"].url).content.decode()
    assert "Partenaires suggérés" in fiche
    assert "Lyon" in fiche
    assert "Nantes" not in fiche.split("Partenaires suggérés")[1]  # already a partner
    call = client.get(world["request"].url).content.decode()
    assert "Partenaires suggérés" in call
    assert "Lyon" in call.split("Partenaires suggérés")[1]


def test_a_preview_shows_no_suggestions(admin_client, world):
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[world["dakar"].pk]))
    assert response.status_code == 200
    assert "Partenaires suggérés" not in response.content.decode()
