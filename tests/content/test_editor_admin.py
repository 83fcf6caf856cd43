"""What an editor sees in the Wagtail admin: fiches and calls created, published, refused.

Every POST goes through the real page add/edit views, with the form data the admin sends
(built with Wagtail's own form_data helpers), so field errors are the ones an editor reads.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext, override
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from cms.models import (
    ActionDomain,
    AuthorityPage,
    Cooperation,
    ForeignActor,
    PartnershipCallPage,
    Theme,
)
from cms.models.pages import RICH_TEXT_FEATURES
from tests.helpers import call_post_data, fiche_post_data

pytestmark = pytest.mark.django_db

# The admin speaks the editor's language: French unless the editor chose another.
EDITOR_LANGUAGE = "fr"


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=["cms", model._meta.model_name, parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def in_editor_language(message):
    with override(EDITOR_LANGUAGE):
        return gettext(message)


def cooperation_row(**fields):
    row = {
        "partner_page": "",
        "partner_name": "",
        "partner_country": "",
        "kind": "twinning",
        "since_year": "",
        "is_active": "on",
        "description": "",
    }
    row.update(fields)
    return row


def make_fiche(parent, title="Lyon", slug="lyon", country="FR", **fields):
    page = AuthorityPage(title=title, slug=slug, kind="municipality", country=country, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


def inline_form_errors(response, relation, index=0):
    form = response.context["form"].formsets[relation].forms[index]
    return [message for messages in form.errors.values() for message in messages]


def assert_rerendered_with_errors(response):
    """The editor stays on the form (no redirect) with the validation banner."""
    assert response.status_code == 200
    assert response.context["form"].errors or any(
        formset.total_error_count() for formset in response.context["form"].formsets.values()
    )
    banner = in_editor_language("The page could not be created due to validation errors.")
    assert escape(banner) in response.content.decode()


# --- Field validation seen by an editor creating a fiche ---------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("latitude", "90.5"),
        ("latitude", "-91"),
        ("longitude", "180.01"),
        ("longitude", "-200"),
        ("population", "-1"),
        ("area_km2", "-0.5"),
    ],
)
def test_fiche_with_out_of_range_number_is_refused(admin_client, skeleton, field, value):
    # Latitude and longitude come in pairs; give the other one a valid value.
    pair = {"latitude": "14.7", "longitude": "-17.4"} if field in ("latitude", "longitude") else {}
    pair[field] = value

    response = admin_client.post(
        add_url(AuthorityPage, skeleton.authorities), fiche_post_data(**pair)
    )

    assert_rerendered_with_errors(response)
    assert field_errors(response, field), response.context["form"].errors
    assert not AuthorityPage.objects.exists()


def test_fiche_error_is_shown_in_the_editor_language(admin_client, skeleton):
    response = admin_client.post(
        add_url(AuthorityPage, skeleton.authorities),
        fiche_post_data(latitude="14.7", longitude=None),
    )

    assert_rerendered_with_errors(response)
    assert field_errors(response, "longitude") == [
        "Indiquez la latitude et la longitude, ou aucune des deux."
    ]


def test_editing_a_published_fiche_with_bad_values_saves_nothing(admin_client, skeleton):
    fiche = make_fiche(skeleton.authorities, population=500_000, latitude=45.76, longitude=4.83)
    revisions_before = fiche.revisions.count()

    response = admin_client.post(
        edit_url(fiche),
        fiche_post_data(title="Lyon", slug="lyon", country="FR", population="-3", latitude="123"),
    )

    assert response.status_code == 200
    assert field_errors(response, "population")
    assert field_errors(response, "latitude")
    fiche.refresh_from_db()
    assert (fiche.population, fiche.latitude) == (500_000, 45.76)
    assert fiche.revisions.count() == revisions_before
    assert not fiche.has_unpublished_changes


# --- Cooperation rows ----------------------------------------------------------------------


def test_cooperation_without_any_partner_is_refused(admin_client, skeleton):
    response = admin_client.post(
        add_url(AuthorityPage, skeleton.authorities),
        fiche_post_data(cooperations=[cooperation_row()]),
    )

    assert_rerendered_with_errors(response)
    expected = in_editor_language(
        "Choose a partner in the portal, or give the partner's name and country."
    )
    assert inline_form_errors(response, "cooperations") == [expected]
    assert escape(expected) in response.content.decode()
    assert not AuthorityPage.objects.exists()
    assert not Cooperation.objects.exists()


def test_cooperation_with_both_a_partner_page_and_a_name_is_refused(admin_client, skeleton):
    lyon = make_fiche(skeleton.authorities)
    row = cooperation_row(partner_page=str(lyon.pk), partner_name="Lyon", partner_country="FR")

    response = admin_client.post(
        add_url(AuthorityPage, skeleton.authorities), fiche_post_data(cooperations=[row])
    )

    assert_rerendered_with_errors(response)
    expected = in_editor_language(
        "Choose a partner in the portal, or give a partner's name and country, not both."
    )
    assert inline_form_errors(response, "cooperations") == [expected]
    assert AuthorityPage.objects.count() == 1
    assert not Cooperation.objects.exists()


def test_cooperation_outside_the_portal_needs_a_country(admin_client, skeleton):
    row = cooperation_row(partner_name="Saint-Louis")

    response = admin_client.post(
        add_url(AuthorityPage, skeleton.authorities), fiche_post_data(cooperations=[row])
    )

    assert_rerendered_with_errors(response)
    assert inline_form_errors(response, "cooperations") == [
        in_editor_language("A partner outside the portal needs both a name and a country.")
    ]
    assert not AuthorityPage.objects.exists()


# --- Partnership call validation ----------------------------------------------------------


def test_call_with_deadline_before_start_is_refused(admin_client, skeleton):
    fiche = make_fiche(skeleton.authorities)

    response = admin_client.post(
        add_url(PartnershipCallPage, fiche),
        call_post_data(start_date="2030-06-01", deadline="2030-05-31"),
    )

    assert_rerendered_with_errors(response)
    assert field_errors(response, "deadline") == [
        "La date limite ne peut pas être antérieure au début."
    ]
    assert not PartnershipCallPage.objects.exists()


def test_call_asking_more_cofinancing_than_its_budget_is_refused(admin_client, skeleton):
    fiche = make_fiche(skeleton.authorities)

    response = admin_client.post(
        add_url(PartnershipCallPage, fiche),
        call_post_data(budget_eur="1000", cofinancing_sought_eur="1500"),
    )

    assert_rerendered_with_errors(response)
    assert field_errors(response, "cofinancing_sought_eur")
    assert not PartnershipCallPage.objects.exists()


def test_call_cannot_be_added_directly_under_the_directory(admin_client, skeleton):
    response = admin_client.post(
        add_url(PartnershipCallPage, skeleton.authorities), call_post_data()
    )

    # Wagtail refuses the page type: the editor is sent back to the dashboard.
    assert response.status_code == 302
    assert not PartnershipCallPage.objects.exists()


def test_only_default_locale_themes_can_be_chosen(admin_client, skeleton):
    english_theme = Theme.objects.filter(locale__language_code="en").first()

    response = admin_client.post(
        add_url(AuthorityPage, skeleton.authorities),
        {**fiche_post_data(), "objective_themes": [str(english_theme.pk)]},
    )

    assert_rerendered_with_errors(response)
    assert field_errors(response, "objective_themes")
    assert not AuthorityPage.objects.exists()


# --- A complete fiche, then a call under it ------------------------------------------------


@pytest.fixture
def french_taxonomy(skeleton):
    water = Theme.objects.get(locale__language_code="fr", slug="water-sanitation")
    health = Theme.objects.get(locale__language_code="fr", slug="health")
    network = ActionDomain.objects.get(locale=water.locale, slug="drinking-water")
    return {"water": water, "health": health, "network": network}


def publish_complete_fiche(admin_client, skeleton, taxonomy):
    lyon = make_fiche(skeleton.authorities)
    data = fiche_post_data(
        title="Saint-Louis",
        slug="saint-louis",
        summary="Ville historique au nord du Sénégal.",
        kind="municipality",
        country="SN",
        region_name="Région de Saint-Louis",
        address="Place Faidherbe, Saint-Louis",
        website="https://www.example.sn/",
        contact_role="Chargée des relations internationales",
        contact_name="Awa Diop",
        contact_email="awa.diop@example.sn",
        contact_phone="+221 33 000 00 00",
        last_verified="2025-01-15",
        area_km2="45.50",
        population="254171",
        population_year="2023",
        main_activities=rich_text("<p>Pêche et tourisme.</p>", features=RICH_TEXT_FEATURES),
        latitude="16.0326",
        longitude="-16.4818",
        wanted_partner_profile="Une ville côtière.",
        preferred_regions="Europe de l'Ouest",
        can_bring="Savoir-faire en gestion du littoral.",
        cooperations=[
            cooperation_row(
                partner_page=str(lyon.pk), kind="decentralised_cooperation", since_year="1999"
            ),
            cooperation_row(
                partner_name="Lille",
                partner_country="FR",
                kind="twinning",
                since_year="1978",
                is_active="",
                description="Jumelage historique.",
            ),
        ],
        foreign_actors=[
            {
                "name": "Agence française de développement",
                "kind": "development_agency",
                "country_of_origin": "FR",
                "description": "Finance l'assainissement.",
            },
            {"name": "UNICEF", "kind": "un_body", "country_of_origin": "", "description": ""},
        ],
    )
    # Multiple-choice fields go in as lists (nested_form_data would split them into keys).
    data.update(
        {
            "objective_themes": [str(taxonomy["water"].pk), str(taxonomy["health"].pk)],
            "objective_domains": [str(taxonomy["network"].pk)],
            "preferred_countries": ["FR", "BE"],
            "working_languages": ["fr", "ar"],
            "cooperations-0-themes": [str(taxonomy["water"].pk)],
            "cooperations-1-themes": [str(taxonomy["health"].pk), str(taxonomy["water"].pk)],
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(add_url(AuthorityPage, skeleton.authorities), data)
    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == reverse("wagtailadmin_explore", args=[skeleton.authorities.pk])
    return AuthorityPage.objects.get(slug="saint-louis"), lyon


def test_editor_publishes_a_complete_fiche(admin_client, skeleton, french_taxonomy):
    fiche, lyon = publish_complete_fiche(admin_client, skeleton, french_taxonomy)

    assert fiche.live and not fiche.has_unpublished_changes
    assert fiche.get_parent().pk == skeleton.authorities.pk
    assert fiche.locale.language_code == "fr"
    # 1. General information (private contact details stored for the ministry)
    assert (fiche.kind, fiche.country.code, fiche.region_name) == (
        "municipality",
        "SN",
        "Région de Saint-Louis",
    )
    assert fiche.website == "https://www.example.sn/"
    assert (fiche.contact_name, fiche.contact_email) == ("Awa Diop", "awa.diop@example.sn")
    assert fiche.last_verified == datetime.date(2025, 1, 15)
    # 2. Main characteristics
    assert (fiche.area_km2, fiche.population, fiche.population_year) == (
        Decimal("45.50"),
        254171,
        2023,
    )
    assert "Pêche et tourisme." in fiche.main_activities
    assert fiche.working_languages == ["fr", "ar"]
    assert (fiche.latitude, fiche.longitude) == (16.0326, -16.4818)
    # 3. Cooperations, in the editor's order, each translatable row in the fiche's locale
    cooperations = list(fiche.cooperations.all())
    assert [c.partner_display_name for c in cooperations] == ["Lyon", "Lille"]
    assert cooperations[0].partner_page_id == lyon.pk
    assert (cooperations[0].kind, cooperations[0].since_year) == ("decentralised_cooperation", 1999)
    assert cooperations[1].partner_country.code == "FR"
    assert cooperations[1].is_active is False
    assert {c.locale_id for c in cooperations} == {fiche.locale_id}
    assert {t.slug for t in cooperations[1].themes.all()} == {"health", "water-sanitation"}
    # 4. Foreign actors
    actors = list(fiche.foreign_actors.all())
    assert [(a.name, a.kind) for a in actors] == [
        ("Agence française de développement", "development_agency"),
        ("UNICEF", "un_body"),
    ]
    assert actors[0].country_of_origin.code == "FR"
    # 5. Partnership objectives
    assert {t.slug for t in fiche.objective_themes.all()} == {"water-sanitation", "health"}
    assert [d.slug for d in fiche.objective_domains.all()] == ["drinking-water"]
    assert {c.code for c in fiche.preferred_countries} == {"FR", "BE"}
    assert fiche.can_bring == "Savoir-faire en gestion du littoral."


def test_editor_publishes_a_call_under_the_fiche(admin_client, skeleton, french_taxonomy):
    fiche, _lyon = publish_complete_fiche(admin_client, skeleton, french_taxonomy)
    data = call_post_data(
        title="Réseau d'eau potable",
        slug="reseau-eau",
        direction="request",
        description=rich_text("<p>Nous cherchons un partenaire.</p>", features=RICH_TEXT_FEATURES),
        wanted_partner_profile="Une régie des eaux.",
        start_date="2030-01-01",
        duration_months="24",
        deadline="2030-03-31",
        budget_eur="120000",
        cofinancing_sought_eur="60000",
    )
    data.update(
        {
            "themes": [str(french_taxonomy["water"].pk)],
            "action_domains": [str(french_taxonomy["network"].pk)],
            "target_countries": ["FR"],
            "action-publish": "action-publish",
        }
    )

    response = admin_client.post(add_url(PartnershipCallPage, fiche), data)

    assert response.status_code == 302, response.context["form"].errors
    call = PartnershipCallPage.objects.get(slug="reseau-eau")
    assert call.live
    assert call.authority.pk == fiche.pk
    assert (call.direction, call.status) == ("request", "open")
    assert (call.start_date, call.deadline) == (
        datetime.date(2030, 1, 1),
        datetime.date(2030, 3, 31),
    )
    assert (call.duration_months, call.budget_eur, call.cofinancing_sought_eur) == (
        24,
        Decimal("120000"),
        Decimal("60000"),
    )
    assert [t.slug for t in call.themes.all()] == ["water-sanitation"]
    assert [d.slug for d in call.action_domains.all()] == ["drinking-water"]
    assert [c.code for c in call.target_countries] == ["FR"]
    assert call.is_open


def test_editor_removes_a_cooperation_row(admin_client, skeleton, french_taxonomy):
    fiche, lyon = publish_complete_fiche(admin_client, skeleton, french_taxonomy)
    first, second = fiche.cooperations.all()
    actors = [
        {"id": str(a.pk), "name": a.name, "kind": a.kind, "country_of_origin": ""}
        for a in fiche.foreign_actors.all()
    ]
    data = fiche_post_data(
        title=fiche.title,
        slug=fiche.slug,
        country="SN",
        cooperations=[
            cooperation_row(id=str(first.pk), partner_page=str(lyon.pk), DELETE="1"),
            cooperation_row(id=str(second.pk), partner_name="Lille", partner_country="FR"),
        ],
        foreign_actors=actors,
    )
    data["cooperations-INITIAL_FORMS"] = data["foreign_actors-INITIAL_FORMS"] = "2"
    data["action-publish"] = "action-publish"

    response = admin_client.post(edit_url(fiche), data)

    assert response.status_code == 302, response.context["form"].errors
    assert [c.partner_name for c in Cooperation.objects.filter(authority=fiche)] == ["Lille"]
    assert ForeignActor.objects.filter(authority=fiche).count() == 2
    assert Page.objects.get(pk=fiche.pk).live
