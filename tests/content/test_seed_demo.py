"""manage.py seed_demo: a realistic, reproducible, idempotent demo portal.

The portal is seeded once for the module (12 authorities, seed 1) inside a transaction that
is rolled back at the end, so the other test modules never see it.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Locale, Page

from cms.models import (
    AuthorityPage,
    Cooperation,
    ForeignActor,
    NewsPage,
    PartnershipCallPage,
)
from demo.plan import build_plan

AUTHORITIES, SEED = 12, 1

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", authorities=AUTHORITIES, seed=SEED, verbosity=0)
        yield
        transaction.set_rollback(True)


def counts():
    return {
        "pages": Page.objects.count(),
        "fiches": AuthorityPage.objects.count(),
        "calls": PartnershipCallPage.objects.count(),
        "news": NewsPage.objects.count(),
        "cooperations": Cooperation.objects.count(),
        "actors": ForeignActor.objects.count(),
    }


def french_fiches():
    return AuthorityPage.objects.filter(locale__language_code="fr")


def test_the_demo_has_every_kind_of_content(seeded):
    seeded_counts = counts()
    assert seeded_counts["fiches"] > AUTHORITIES  # plus English and Spanish translations
    assert french_fiches().count() == AUTHORITIES
    assert seeded_counts["calls"] > 0
    assert seeded_counts["news"] == 12


def test_seeding_again_with_the_same_seed_adds_nothing(seeded):
    before = counts()
    call_command("seed_demo", authorities=AUTHORITIES, seed=SEED, verbosity=0)
    assert counts() == before


def test_if_empty_leaves_a_seeded_portal_alone(seeded):
    before = counts()
    call_command("seed_demo", "--if-empty", authorities=30, seed=7, verbosity=0)
    assert counts() == before


def test_the_same_seed_gives_the_same_titles(seeded):
    plan = build_plan(AUTHORITIES, SEED)
    assert sorted(spec.titles["fr"] for spec in plan.authorities) == sorted(
        french_fiches().values_list("title", flat=True)
    )
    assert [a.titles for a in build_plan(AUTHORITIES, SEED).authorities] == [
        a.titles for a in plan.authorities
    ]
    assert [a.titles for a in build_plan(AUTHORITIES, SEED + 1).authorities] != [
        a.titles for a in plan.authorities
    ]


def test_about_a_third_of_the_authorities_are_french(seeded):
    french = french_fiches().filter(country="FR").count()
    assert 2 <= french <= AUTHORITIES // 2


def test_every_fiche_fills_the_five_sections(seeded):
    for fiche in french_fiches().prefetch_related(
        "cooperations", "foreign_actors", "objective_themes", "objective_domains"
    ):
        general = [
            fiche.kind, fiche.country, fiche.region_name, fiche.address, fiche.website,
            fiche.contact_role, fiche.contact_name, fiche.contact_email, fiche.contact_phone,
        ]  # fmt: skip
        characteristics = [
            fiche.area_km2, fiche.population, fiche.population_year, fiche.main_activities,
            fiche.working_languages, fiche.latitude, fiche.longitude,
        ]  # fmt: skip
        objectives = [
            list(fiche.objective_themes.all()), list(fiche.objective_domains.all()),
            fiche.wanted_partner_profile, fiche.preferred_countries, fiche.can_bring,
        ]  # fmt: skip
        assert all(general), fiche.title
        assert all(value not in (None, "", []) for value in characteristics), fiche.title
        assert fiche.cooperations.all(), fiche.title
        assert fiche.foreign_actors.all(), fiche.title
        assert all(objectives), fiche.title
        assert fiche.last_verified is not None


def test_fiches_pass_model_validation_and_use_fake_contacts(seeded):
    for fiche in AuthorityPage.objects.all():
        fiche.full_clean()
        assert fiche.contact_email.endswith(".example.org"), fiche.contact_email
        assert ".example.org" in fiche.website
    for cooperation in Cooperation.objects.all():
        cooperation.full_clean()


def test_cooperations_link_french_and_foreign_authorities_both_ways(seeded):
    linked = Cooperation.objects.filter(
        partner_page__isnull=False, locale__language_code="fr"
    ).select_related("authority", "partner_page")
    assert linked
    for cooperation in linked:
        assert cooperation.authority.pk != cooperation.partner_page.pk
        assert Cooperation.objects.filter(
            authority=cooperation.partner_page, partner_page=cooperation.authority
        ).exists()
    mixed = [c for c in linked if c.authority.is_french != c.partner_page.is_french]
    assert len(mixed) * 2 > len(linked)


def test_calls_pass_model_validation_and_mostly_look_ahead(seeded):
    calls = list(PartnershipCallPage.objects.filter(locale__language_code="fr"))
    for call in calls:
        call.full_clean()
        assert call.start_date <= call.deadline
        if call.cofinancing_sought_eur is not None:
            assert call.cofinancing_sought_eur <= call.budget_eur
        assert call.get_parent().specific_class is AuthorityPage
    today = datetime.date.today()
    assert sum(call.deadline >= today for call in calls) * 2 >= len(calls)


def test_some_fiches_and_their_calls_are_translated_into_english_and_spanish(seeded):
    french = Locale.objects.get(language_code="fr")
    for code in ("en", "es"):
        translations = AuthorityPage.objects.filter(locale__language_code=code).live()
        assert translations, code
        for translation in translations:
            source = translation.get_translation(french)
            assert translation.translation_key == source.translation_key
            assert translation.summary != source.summary  # really translated, not copied
            assert translation.get_parent().locale.language_code == code
            source_rows = {c.translation_key for c in source.cooperations.all()}
            rows = list(translation.cooperations.all())
            assert {c.translation_key for c in rows} == source_rows
            assert {c.locale.language_code for c in rows} == {code}
            actors = list(translation.foreign_actors.all())
            assert actors and {a.locale.language_code for a in actors} == {code}
            assert translation.get_children().count() == source.get_children().count()


def test_taxonomy_references_point_to_the_french_rows(seeded):
    fiches = AuthorityPage.objects.prefetch_related("objective_themes", "objective_domains")
    for fiche in fiches:
        for item in [*fiche.objective_themes.all(), *fiche.objective_domains.all()]:
            assert item.locale.language_code == "fr"


def test_news_have_a_body_with_a_quote_and_related_authorities(seeded):
    for article in NewsPage.objects.live():
        kinds = [block.block_type for block in article.body]
        assert "paragraph" in kinds and "quote" in kinds
        assert article.themes.exists()
    assert NewsPage.objects.filter(related_authorities__isnull=False).exists()


def test_the_page_tree_is_valid(seeded):
    assert Page.find_problems() == ([], [], [], [], [])


def test_seeded_fiches_are_found_by_search(seeded):
    fiche = french_fiches().first()
    assert fiche in AuthorityPage.objects.live().search(fiche.title)


def test_the_admin_edits_a_seeded_fiche_and_call(seeded, admin_client):
    fiche = french_fiches().filter(numchild__gt=0).first()
    call = fiche.get_children().first()
    for page in (fiche, call):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        assert escape(page.title) in response.content.decode()
    fiche.specific.save_revision().publish()  # the first revision of a page seeded without one
    fiche.refresh_from_db()
    assert fiche.live and fiche.live_revision is not None
    assert Page.find_problems() == ([], [], [], [], [])
