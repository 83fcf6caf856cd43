"""Facts follow the source: publishing a fiche, call or article carries its non-text fields
(figures, dates, coordinates, country, kind, themes, partners, a call's status, deadline and
budget, "last verified") to every translation, without a translator; translated text stays.

Publications take effect when their transaction commits (as wagtail-localize's own): the
tests run the commit callbacks with ``django_capture_on_commit_callbacks``.
"""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from cms.models import AuthorityPage, Cooperation, ForeignActor, PartnershipCallPage, Theme
from cms.models.facts import fact_names
from portal.representatives.accounts import MODERATORS_GROUP, grant_representative
from tests.factories import locale, make_authority, make_call, themes
from tests.helpers import call_post_data, fiche_post_data

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def localize(page, code, capture, publish=True):
    """What "Translate this page" does (then publishing it), for one page and one language."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale(code))
    with capture(execute=True):
        translation.save_target(publish=publish)
    return type(page).objects.get(translation_key=page.translation_key, locale=locale(code))


def translator_writes(page, **text):
    """The translator's words on a translation, published."""
    for name, value in text.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


@pytest.fixture
def fiche(skeleton):
    lyon = make_authority("Lyon", slug="lyon", country="FR")
    return make_authority(
        "Saint-Louis",
        slug="saint-louis",
        summary="Ville historique au nord du Sénégal.",
        population=254_171,
        population_year=2023,
        theme_slugs=["water-sanitation"],
        cooperations=[
            {"partner_page": lyon, "kind": "decentralised_cooperation", "sort_order": 0},
            {"partner_name": "Lille", "partner_country": "FR", "sort_order": 1},
        ],
        foreign_actors=[{"name": "GIZ", "kind": "development_agency", "country_of_origin": "DE"}],
    )


@pytest.fixture
def english(fiche, django_capture_on_commit_callbacks):
    copy = localize(fiche, "en", django_capture_on_commit_callbacks)
    return translator_writes(
        copy, title="Saint-Louis (Senegal)", summary="Historic city in northern Senegal."
    )


def test_facts_are_the_non_overridable_synchronised_fields():
    names = set(fact_names(AuthorityPage))
    assert {"population", "area_km2", "latitude", "country", "kind", "last_verified"} <= names
    assert {"objective_themes", "objective_domains", "working_languages"} <= names
    assert not {"title", "summary", "main_activities", "address"} & names
    assert {"status", "deadline", "budget_eur", "start_date", "themes"} <= set(
        fact_names(PartnershipCallPage)
    )
    assert {"partner_page", "partner_country", "kind", "since_year"} <= set(fact_names(Cooperation))


def test_source_publish_carries_the_facts_and_leaves_the_translated_text(
    fiche, english, django_capture_on_commit_callbacks
):
    fiche.population = 260_000
    fiche.population_year = 2024
    fiche.area_km2 = Decimal("49.50")
    fiche.latitude, fiche.longitude = 16.5, -16.0
    fiche.kind = "intercommunality"
    fiche.last_verified = TODAY
    fiche.objective_themes = themes("health")
    fiche.summary = "Nouveau résumé en français."  # text: waits for the translator
    publish(fiche, django_capture_on_commit_callbacks)

    copy = AuthorityPage.objects.get(pk=english.pk)
    assert (copy.population, copy.population_year, copy.area_km2) == (
        260_000,
        2024,
        Decimal("49.50"),
    )
    assert (copy.latitude, copy.longitude, copy.kind) == (16.5, -16.0, "intercommunality")
    assert copy.last_verified == TODAY
    assert [t.slug for t in copy.objective_themes.all()] == ["health"]
    assert (copy.title, copy.summary) == (
        "Saint-Louis (Senegal)",
        "Historic city in northern Senegal.",
    )
    # Published, as a revision: what visitors and the next editor see.
    assert copy.live and not copy.has_unpublished_changes
    assert copy.get_latest_revision_as_object().population == 260_000
    # wagtail-localize's snapshot is today's: a translator's next publication keeps the facts.
    snapshot = TranslationSource.objects.get_for_instance(fiche).as_instance()
    assert snapshot.population == 260_000


def test_english_visitors_see_the_new_figures(
    client, fiche, english, django_capture_on_commit_callbacks
):
    fiche.population = 300_123
    publish(fiche, django_capture_on_commit_callbacks)

    html = client.get("/en/fiches/saint-louis/").content.decode()
    assert "Historic city in northern Senegal." in html
    assert "300,123" in html or "300 123" in html or "300123" in html


def test_themes_emptied_in_the_source_are_emptied_in_the_translations(
    fiche, english, django_capture_on_commit_callbacks
):
    fiche.objective_themes = []
    publish(fiche, django_capture_on_commit_callbacks)

    assert list(AuthorityPage.objects.get(pk=english.pk).objective_themes.all()) == []


def test_cooperations_and_actors_follow_the_source(
    fiche, english, django_capture_on_commit_callbacks
):
    lyon_row, lille = fiche.cooperations.all()
    lille.since_year = 1998
    lille.is_active = False
    lille.themes = themes("health")
    bamako = Cooperation(
        partner_name="Bamako",
        partner_country="ML",
        kind="friendship_pact",
        sort_order=2,
        locale=locale(),
    )
    fiche.cooperations = [lille, bamako]  # the Lyon row removed, a Bamako row added
    (actor,) = fiche.foreign_actors.all()
    actor.kind = "ngo"
    fiche.foreign_actors = [actor]
    publish(fiche, django_capture_on_commit_callbacks)

    rows = Cooperation.objects.filter(authority_id=english.pk).order_by("sort_order", "pk")
    assert [(r.partner_display_name, r.locale_id) for r in rows] == [
        ("Lille", english.locale_id),
        ("Bamako", english.locale_id),
    ]
    lille_en = rows[0]
    assert (lille_en.since_year, lille_en.is_active) == (1998, False)
    assert [t.slug for t in lille_en.themes.all()] == ["health"]
    assert lille_en.translation_key == lille.translation_key
    assert ForeignActor.objects.get(authority_id=english.pk).kind == "ngo"
    # The French rows are the French page's own.
    assert {r.locale.language_code for r in fiche.cooperations.all()} == {"fr"}


def test_a_call_translation_follows_status_deadline_and_budget(
    fiche, django_capture_on_commit_callbacks
):
    call = make_call(fiche, "Eau potable", status="open", budget_eur="50000.00")
    localize(fiche, "en", django_capture_on_commit_callbacks)
    call_en = translator_writes(
        localize(call, "en", django_capture_on_commit_callbacks), title="Drinking water"
    )

    call.status = "in_discussion"
    call.deadline = TODAY + datetime.timedelta(days=10)
    call.budget_eur = Decimal("80000.00")
    publish(call, django_capture_on_commit_callbacks)

    copy = PartnershipCallPage.objects.get(pk=call_en.pk)
    assert (copy.status, copy.deadline, copy.budget_eur) == (
        "in_discussion",
        TODAY + datetime.timedelta(days=10),
        Decimal("80000.00"),
    )
    assert copy.title == "Drinking water"


def test_every_translation_follows(fiche, django_capture_on_commit_callbacks):
    copies = [localize(fiche, code, django_capture_on_commit_callbacks) for code in ("en", "es")]
    fiche.population = 1
    publish(fiche, django_capture_on_commit_callbacks)

    assert [AuthorityPage.objects.get(pk=c.pk).population for c in copies] == [1, 1]


def test_a_draft_translation_gets_the_facts_and_stays_a_draft(
    fiche, django_capture_on_commit_callbacks
):
    draft = localize(fiche, "en", django_capture_on_commit_callbacks, publish=False)
    fiche.population = 42
    publish(fiche, django_capture_on_commit_callbacks)

    copy = AuthorityPage.objects.get(pk=draft.pk)
    assert not copy.live
    assert copy.get_latest_revision_as_object().population == 42


def test_a_translation_never_pushes_facts_back(fiche, english, django_capture_on_commit_callbacks):
    english.population = 7
    publish(english, django_capture_on_commit_callbacks)

    assert AuthorityPage.objects.get(pk=fiche.pk).population == 254_171


def test_publishing_without_a_change_of_fact_adds_no_revision(
    fiche, english, django_capture_on_commit_callbacks
):
    before = AuthorityPage.objects.get(pk=english.pk).latest_revision_id
    fiche.summary = "Un autre résumé."
    publish(fiche, django_capture_on_commit_callbacks)

    assert AuthorityPage.objects.get(pk=english.pk).latest_revision_id == before


def test_a_representatives_approved_change_reaches_the_translations(
    client, django_user_model, fiche, english, django_capture_on_commit_callbacks
):
    representative, _created = grant_representative(fiche, "awa@saint-louis.example", "Awa")
    moderator = django_user_model.objects.create_user("moderator", password="password")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    client.force_login(representative)
    data = fiche_post_data(title=fiche.title, slug=fiche.slug, country="SN", population="275000")
    data["action-submit"] = "action-submit"
    client.post(reverse("wagtailadmin_pages:edit", args=[fiche.pk]), data)
    # Representatives cannot open the translations.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).status_code == 302

    state = WorkflowState.objects.get(object_id=str(fiche.pk), status="in_progress")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[fiche.pk, "approve", state.current_task_state.pk],
            )
        )

    assert AuthorityPage.objects.get(pk=fiche.pk).population == 275_000
    copy = AuthorityPage.objects.get(pk=english.pk)
    assert (copy.population, copy.last_verified) == (275_000, TODAY)
    assert copy.summary == "Historic city in northern Senegal."
    assert copy.live and not copy.has_unpublished_changes


def test_the_theme_rows_stay_the_default_language_ones(
    fiche, english, django_capture_on_commit_callbacks
):
    fiche.objective_themes = themes("health", "culture-heritage")
    publish(fiche, django_capture_on_commit_callbacks)

    rows = AuthorityPage.objects.get(pk=english.pk).objective_themes.all()
    assert {t.locale.language_code for t in rows} == {"fr"}
    assert set(rows) == set(
        Theme.objects.filter(slug__in=["health", "culture-heritage"], locale=locale())
    )


def test_approving_a_calls_change_dates_the_fiches_translations_too(
    client, django_user_model, fiche, english, django_capture_on_commit_callbacks
):
    call = make_call(fiche, "Eau potable")
    representative, _created = grant_representative(fiche, "awa@saint-louis.example", "Awa")
    moderator = django_user_model.objects.create_user("moderator", password="password")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    client.force_login(representative)
    data = call_post_data(title="Eau potable", slug=call.slug, status="in_discussion")
    data["action-submit"] = "action-submit"
    client.post(reverse("wagtailadmin_pages:edit", args=[call.pk]), data)

    state = WorkflowState.objects.get(object_id=str(call.pk), status="in_progress")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[call.pk, "approve", state.current_task_state.pk],
            )
        )

    assert AuthorityPage.objects.get(pk=fiche.pk).last_verified == TODAY
    assert AuthorityPage.objects.get(pk=english.pk).last_verified == TODAY
