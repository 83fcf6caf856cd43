"""The content model's own rules: validation, the page tree, the translated taxonomy."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from cms import bootstrap
from cms.models import (
    AccessibilityPage,
    ActionDomain,
    AuthorityIndexPage,
    AuthorityPage,
    Cooperation,
    ForeignActor,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PartnershipCallPage,
    SitemapPage,
    StandardPage,
    Theme,
    name_in,
)
from cms.models.collation import collation_key
from cms.models.fields import language_choices, language_name

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "en", "es", "pt", "ar")


def fiche(**fields):
    values = {"title": "Dakar", "slug": "dakar", "kind": "municipality", "country": "SN"}
    values.update(fields)
    return AuthorityPage(**values)


def call(**fields):
    values = {"title": "Water", "slug": "water", "direction": "offer", "summary": "Help."}
    values.update(fields)
    return PartnershipCallPage(**values)


def errors_of(instance, exclude=("path", "depth", "locale", "translation_key")):
    """The message dict full_clean raises (in English), {} when the instance is valid."""
    with translation.override("en"):
        try:
            instance.full_clean(exclude=list(exclude))
        except ValidationError as error:
            return {
                field: [str(m) for m in messages] for field, messages in error.message_dict.items()
            }
    return {}


# --- Fiche ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"latitude": 90.01, "longitude": 0}, "latitude"),
        ({"latitude": -90.5, "longitude": 0}, "latitude"),
        ({"latitude": 0, "longitude": 180.5}, "longitude"),
        ({"latitude": 0, "longitude": -181}, "longitude"),
        ({"latitude": 14.7}, "longitude"),
        ({"longitude": -17.4}, "longitude"),
        ({"population": -1}, "population"),
        ({"area_km2": Decimal("-0.01")}, "area_km2"),
        ({"population_year": 2019}, "population_year"),
        ({"population": 10, "population_year": 1850}, "population_year"),
        ({"working_languages": ["fr", "xx"]}, "working_languages"),
    ],
)
def test_fiche_refuses_impossible_values(fields, field_in_error):
    assert field_in_error in errors_of(fiche(**fields))


def test_fiche_accepts_values_at_the_limits():
    page = fiche(
        latitude=-90,
        longitude=180,
        population=0,
        area_km2=Decimal("0"),
        population_year=2024,
        working_languages=["fr", "en", "ar"],
    )
    assert errors_of(page) == {}


def test_fiche_requires_its_kind_and_country():
    errors = errors_of(AuthorityPage(title="Nowhere", slug="nowhere"))
    assert {"kind", "country"} <= errors.keys()


def test_working_languages_round_trip_through_the_database(skeleton):
    page = fiche(working_languages=["fr", "ar", "pt"])
    skeleton.authorities.add_child(instance=page)

    stored = AuthorityPage.objects.get(pk=page.pk)

    assert stored.working_languages == ["fr", "ar", "pt"]
    assert AuthorityPage.objects.filter(working_languages__contains="ar").get() == stored


def test_is_french_includes_overseas_authorities():
    assert fiche(country="RE").is_french
    assert fiche(country="FR").is_french
    assert not fiche(country="SN").is_french


# --- Partnership call ----------------------------------------------------------------------


def test_call_deadline_cannot_precede_its_start():
    page = call(start_date=datetime.date(2030, 6, 1), deadline=datetime.date(2030, 5, 31))
    assert list(errors_of(page)) == ["deadline"]


def test_call_deadline_on_the_start_day_is_accepted():
    day = datetime.date(2030, 6, 1)
    assert errors_of(call(start_date=day, deadline=day)) == {}


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"budget_eur": Decimal("-1")}, "budget_eur"),
        ({"cofinancing_sought_eur": Decimal("-1")}, "cofinancing_sought_eur"),
        (
            {"budget_eur": Decimal(100), "cofinancing_sought_eur": Decimal(101)},
            "cofinancing_sought_eur",
        ),
        ({"duration_months": 0}, "duration_months"),
        ({"duration_months": 241}, "duration_months"),
        ({"direction": "gift"}, "direction"),
        ({"status": "pending"}, "status"),
        ({"summary": ""}, "summary"),
    ],
)
def test_call_refuses_impossible_values(fields, field_in_error):
    assert field_in_error in errors_of(call(**fields))


def test_call_past_its_deadline_is_no_longer_open():
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    assert not call(deadline=yesterday).is_open
    assert call(deadline=datetime.date.today()).is_open
    assert not call(status="matched").is_open


# --- Cooperation rows ----------------------------------------------------------------------


def cooperation_errors(**fields):
    values = {"kind": "twinning"}
    values.update(fields)
    return errors_of(Cooperation(**values), exclude=("authority", "locale", "translation_key"))


def test_cooperation_needs_a_partner():
    errors = cooperation_errors()
    assert errors == {
        "__all__": ["Choose a partner in the portal, or give the partner's name and country."]
    }


def test_cooperation_cannot_name_a_partner_page_and_a_partner(skeleton):
    lyon = fiche(title="Lyon", slug="lyon", country="FR")
    skeleton.authorities.add_child(instance=lyon)

    errors = cooperation_errors(partner_page=lyon, partner_name="Lyon", partner_country="FR")

    assert errors == {
        "__all__": [
            "Choose a partner in the portal, or give a partner's name and country, not both."
        ]
    }


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [({"partner_name": "Lille"}, "partner_country"), ({"partner_country": "FR"}, "partner_name")],
)
def test_cooperation_outside_the_portal_needs_name_and_country(fields, field_in_error):
    assert list(cooperation_errors(**fields)) == [field_in_error]


def test_cooperation_with_a_partner_outside_the_portal_is_valid():
    assert cooperation_errors(partner_name="Lille", partner_country="FR", since_year=1978) == {}


def test_cooperation_since_year_is_plausible():
    errors = cooperation_errors(partner_name="Lille", partner_country="FR", since_year=1789)
    assert list(errors) == ["since_year"]


def test_authority_cannot_cooperate_with_itself(skeleton):
    lyon = fiche(title="Lyon", slug="lyon", country="FR")
    skeleton.authorities.add_child(instance=lyon)

    errors = cooperation_errors(authority=lyon, partner_page=lyon)

    assert list(errors) == ["partner_page"]


def test_cooperation_and_foreign_actor_rows_take_the_fiche_locale(skeleton):
    page = fiche()
    page.cooperations.add(Cooperation(partner_name="Lille", partner_country="FR", kind="twinning"))
    page.foreign_actors.add(ForeignActor(name="GIZ", kind="development_agency"))
    skeleton.authorities.add_child(instance=page)

    assert page.cooperations.get().locale == page.locale
    assert page.foreign_actors.get().locale == page.locale


# --- Taxonomy ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [[0], [18], [6, 99], "6", [6.5]])
def test_theme_sdg_numbers_must_be_goals_1_to_17(value):
    theme = Theme(name="Eau", slug="eau", sdg_numbers=value)
    assert "sdg_numbers" in errors_of(theme)


def test_theme_accepts_real_sdg_numbers():
    assert errors_of(Theme(name="Eau", slug="eau", sdg_numbers=[6, 13])) == {}


def test_action_domain_must_share_its_theme_locale(skeleton):
    french_theme = Theme.objects.get(slug="water-sanitation", locale__language_code="fr")
    domain = ActionDomain(
        theme=french_theme,
        locale=Locale.objects.get(language_code="en"),
        name="Irrigation",
        slug="irrigation",
    )

    assert list(errors_of(domain, exclude=("translation_key",))) == ["theme"]


def test_bootstrap_translates_every_theme_into_the_five_languages(skeleton):
    french_themes = Theme.objects.filter(locale__language_code="fr")
    assert french_themes.count() == len(bootstrap.THEMES)

    for theme in french_themes:
        translations = Theme.objects.filter(translation_key=theme.translation_key)
        by_language = {t.locale.language_code: t for t in translations}
        assert sorted(by_language) == sorted(LANGUAGES), theme.slug
        # Same slug and SDGs everywhere; the name is the one in each language.
        assert {t.slug for t in translations} == {theme.slug}
        assert all(t.sdg_numbers == theme.sdg_numbers for t in translations)
        names = {t.name for t in translations}
        assert len(names) >= 4, (theme.slug, names)


def test_bootstrap_translates_action_domains_under_the_translated_theme(skeleton):
    french_domains = ActionDomain.objects.filter(locale__language_code="fr")
    expected = sum(len(theme.get("domains", [])) for theme in bootstrap.THEMES)
    assert french_domains.count() == expected > 0

    for domain in french_domains.select_related("theme"):
        for translated in ActionDomain.objects.filter(
            translation_key=domain.translation_key
        ).select_related("theme", "locale"):
            assert translated.theme.locale_id == translated.locale_id
            assert translated.theme.translation_key == domain.theme.translation_key
        assert ActionDomain.objects.filter(translation_key=domain.translation_key).count() == 5


def test_theme_name_in_the_visitor_language(skeleton):
    water = Theme.objects.get(slug="water-sanitation", locale__language_code="fr")
    arabic = Locale.objects.get(language_code="ar")

    assert Theme.objects.names_in(arabic.language_code)[water.translation_key] == (
        "المياه والصرف الصحي"
    )
    assert name_in(water, {}) == water.name


def test_bootstrap_is_idempotent(skeleton):
    counts = (Theme.objects.count(), ActionDomain.objects.count(), Page.objects.count())

    bootstrap.ensure_skeleton()

    assert (Theme.objects.count(), ActionDomain.objects.count(), Page.objects.count()) == counts


def test_bootstrap_builds_the_page_skeleton_in_every_language(skeleton):
    for model in (HomePage, AuthorityIndexPage, NewsIndexPage):
        pages = model.objects.live()
        assert sorted(p.locale.language_code for p in pages) == sorted(LANGUAGES), model
        assert len({p.translation_key for p in pages}) == 1, model


# --- Page tree -----------------------------------------------------------------------------


class TestPageTree(WagtailPageTestCase):
    def test_home_holds_the_directory_the_news_index_and_the_site_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {AuthorityIndexPage, NewsIndexPage, StandardPage, AccessibilityPage, SitemapPage},
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_fiches_live_in_the_directory_only(self):
        self.assertAllowedSubpageTypes(AuthorityIndexPage, {AuthorityPage})
        self.assertAllowedParentPageTypes(AuthorityPage, {AuthorityIndexPage})
        self.assertCanNotCreateAt(HomePage, AuthorityPage)
        self.assertCanNotCreateAt(NewsIndexPage, AuthorityPage)
        self.assertCanNotCreateAt(AuthorityPage, AuthorityPage)

    def test_calls_live_under_a_fiche_only(self):
        self.assertAllowedSubpageTypes(AuthorityPage, {PartnershipCallPage})
        self.assertAllowedParentPageTypes(PartnershipCallPage, {AuthorityPage})
        self.assertCanCreateAt(AuthorityPage, PartnershipCallPage)
        self.assertCanNotCreateAt(AuthorityIndexPage, PartnershipCallPage)
        self.assertCanNotCreateAt(HomePage, PartnershipCallPage)
        self.assertAllowedSubpageTypes(PartnershipCallPage, set())

    def test_news_lives_in_the_news_index_only(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertCanNotCreateAt(AuthorityIndexPage, NewsPage)
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_one_directory_and_one_news_index_per_home(self):
        for model in (HomePage, AuthorityIndexPage, NewsIndexPage):
            assert model.max_count_per_parent == 1, model


def test_working_languages_include_the_partners_languages():
    codes = dict(language_choices())
    for code in ("wo", "bm", "mg", "ha", "sw", "ar", "ary", "mos", "ff"):
        assert code in codes, code
    assert "udm" not in codes  # a Django interface language, not a partner's
    with translation.override("fr"):
        assert language_name("wo") == "Wolof"
        assert language_name("ar") == "Arabe"
        assert language_name("sw") == "Swahili"
        names = [name for _code, name in language_choices()]
    assert names == sorted(names, key=collation_key("fr"))
