"""Test content: factory_boy / wagtail-factories factories, and thin helpers built on them.

The factories need the skeleton (``skeleton`` fixture): pages go under the authority and news
indexes of the default locale. A page is created unpublished, as the admin creates it, then
gets a first revision and is published unless ``publish=False``::

    dakar = AuthorityPageFactory(title="Dakar", theme_slugs=["water-sanitation"])
    call = PartnershipCallPageFactory(parent=dakar, direction="request", publish=False)
    PartnershipCallPageFactory()  # and its own fiche

The ``make_*`` helpers keep the short signatures most tests use (a title first, sections as
plain dicts); ``small_dataset`` builds the shared three-fiche portal.
"""

import datetime

import factory
import wagtail_factories
from django.conf import settings
from wagtail.models import Locale, PageViewRestriction

from cms.models import (
    ActionDomain,
    AuthorityIndexPage,
    AuthorityPage,
    Cooperation,
    ForeignActor,
    NewsIndexPage,
    NewsPage,
    PartnershipCallPage,
    Theme,
)
from tests.helpers import graphql

__all__ = [
    "AuthorityPageFactory",
    "CooperationFactory",
    "ForeignActorFactory",
    "NewsPageFactory",
    "PageViewRestrictionFactory",
    "PartnershipCallPageFactory",
    "domains",
    "graphql",  # lives in tests.helpers; still importable from here
    "locale",
    "make_authority",
    "make_call",
    "make_news",
    "restrict",
    "small_dataset",
    "themes",
    "translate",
]


def locale(code=None):
    return Locale.objects.get(language_code=code or settings.LANGUAGE_CODE)


def themes(*slugs):
    return list(Theme.objects.filter(slug__in=slugs, locale=locale()))


def domains(*slugs):
    return list(ActionDomain.objects.filter(slug__in=slugs, locale=locale()))


def publish_page(page, publish=True):
    """Give ``page`` a revision, and publish it unless told not to (only publish() shows it)."""
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def in_days(days):
    return datetime.date.today() + datetime.timedelta(days=days)


class ContentPageFactory(wagtail_factories.PageFactory):
    """A portal page: created unpublished, then given a revision, published unless
    ``publish=False``. ``theme_slugs`` sets its themes.
    """

    live = False

    class Meta:
        abstract = True

    @factory.post_generation
    def theme_slugs(obj, create, extracted, **kwargs):
        obj.themes.set(themes(*(extracted or ())))

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        return True if extracted is None else extracted

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # After every relation is set (post-generation hooks), like an editor's first save.
        if create:
            publish_page(instance, results["publish"])


class AuthorityPageFactory(ContentPageFactory):
    """A fiche in the default locale with its five sections filled in.

    Its contact details are unique and private (``private-N@example.org``): leak tests look
    for them. ``cooperations`` and ``foreign_actors`` take built rows
    (``CooperationFactory.build(...)``); ``domain_slugs`` sets the action domains sought.
    """

    class Meta:
        model = AuthorityPage

    parent = factory.LazyFunction(lambda: AuthorityIndexPage.objects.get(locale=locale()))
    title = factory.Sequence(lambda n: f"Authority {n}")
    slug = factory.Sequence(lambda n: f"authority-{n}")
    country = "SN"
    kind = "municipality"
    summary = factory.LazyAttribute(lambda page: f"Summary of {page.title}.")
    region_name = "Region"
    address = "1 main street"
    website = "https://example.org/"
    contact_role = "Head of international relations"
    contact_name = "Awa Diop"
    contact_email = factory.Sequence(lambda n: f"private-{n}@example.org")
    contact_phone = factory.Sequence(lambda n: f"+221 77 000 {n:04d}")
    area_km2 = "82.50"
    population = 1200000
    population_year = 2020
    main_activities = "<p>Fishing and <b>tourism</b>.</p>"
    working_languages = factory.LazyFunction(lambda: ["fr", "en"])
    latitude = 14.7
    longitude = -17.4
    wanted_partner_profile = "A coastal city."
    preferred_countries = factory.LazyFunction(lambda: ["FR"])
    preferred_regions = "Western Europe"
    can_bring = "Expertise in fisheries."
    last_verified = datetime.date(2025, 1, 15)

    @factory.post_generation
    def theme_slugs(obj, create, extracted, **kwargs):
        obj.objective_themes.set(themes(*(extracted or ())))

    @factory.post_generation
    def domain_slugs(obj, create, extracted, **kwargs):
        obj.objective_domains.set(domains(*(extracted or ())))


class CooperationFactory(factory.django.DjangoModelFactory):
    """A row of a fiche's cooperations: build it and pass it to ``AuthorityPageFactory``."""

    class Meta:
        model = Cooperation

    locale = factory.LazyFunction(locale)
    kind = "twinning"


class ForeignActorFactory(factory.django.DjangoModelFactory):
    """A row of a fiche's foreign actors: build it and pass it to ``AuthorityPageFactory``."""

    class Meta:
        model = ForeignActor

    locale = factory.LazyFunction(locale)
    kind = "ngo"


class PartnershipCallPageFactory(ContentPageFactory):
    """An open call (deadline in 60 days) under ``parent``, a new fiche unless given."""

    class Meta:
        model = PartnershipCallPage

    parent = factory.SubFactory(AuthorityPageFactory)
    title = factory.Sequence(lambda n: f"Call {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    direction = "offer"
    status = "open"
    summary = factory.LazyAttribute(lambda page: f"Summary of {page.title}.")
    description = "<p>What we want to do.</p>"
    target_countries = factory.LazyFunction(lambda: ["FR"])
    wanted_partner_profile = "A French municipality."
    start_date = datetime.date(2026, 1, 1)
    duration_months = 24
    budget_eur = "50000.00"
    cofinancing_sought_eur = "20000.00"
    deadline = factory.LazyFunction(lambda: in_days(60))


class NewsPageFactory(ContentPageFactory):
    """A news article with a paragraph and a quote, under the default locale's news index."""

    class Meta:
        model = NewsPage

    parent = factory.LazyFunction(lambda: NewsIndexPage.objects.get(locale=locale()))
    title = factory.Sequence(lambda n: f"News {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    date = datetime.date(2025, 3, 1)
    introduction = factory.LazyAttribute(lambda page: f"Introduction of {page.title}.")
    body = factory.LazyFunction(
        lambda: [
            ("paragraph", "<p>Body paragraph.</p>"),
            ("quote", {"text": "Cooperation works.", "attribution": "A mayor"}),
        ]
    )


class PageViewRestrictionFactory(factory.django.DjangoModelFactory):
    """A password on a page and its subtree."""

    class Meta:
        model = PageViewRestriction

    restriction_type = PageViewRestriction.PASSWORD
    password = "secret"


def _given(title, fields):
    """Factory arguments: ``title`` only when given, so the factory's sequence names it."""
    return {"title": title, **fields} if title else fields


def make_authority(title=None, *, cooperations=(), foreign_actors=(), **fields):
    """A published fiche (see ``AuthorityPageFactory``); sections as dicts of row fields."""
    return AuthorityPageFactory(
        cooperations=[CooperationFactory.build(**row) for row in cooperations],
        foreign_actors=[ForeignActorFactory.build(**row) for row in foreign_actors],
        **_given(title, fields),
    )


def make_call(authority, title=None, **fields):
    """A published open call of ``authority`` (see ``PartnershipCallPageFactory``)."""
    return PartnershipCallPageFactory(parent=authority, **_given(title, fields))


def make_news(title=None, **fields):
    """A published news article (see ``NewsPageFactory``)."""
    return NewsPageFactory(**_given(title, fields))


def translate(page, code, title=None, *, publish=True):
    """A copy of ``page`` in another language (parents copied when missing)."""
    copy = page.copy_for_translation(locale(code), copy_parents=True)
    copy.title = title or f"{page.title} ({code})"
    copy.save()
    return publish_page(copy, publish)


def restrict(page):
    """Put ``page`` and its subtree behind a password."""
    return PageViewRestrictionFactory(page=page)


def small_dataset():
    """Three published fiches, calls and a news article, with one English translation.

    Dakar (SN): water, cooperates with Lyon (in the portal) and Saint-Louis (name only),
    one open request and one closed offer, translated into English.
    Lyon (FR): culture, one open offer about water.
    Nouakchott (MR): a region with no coordinates and no calls.
    """
    lyon = make_authority(
        "Lyon",
        slug="lyon",
        country="FR",
        theme_slugs=["culture-heritage"],
        latitude=45.76,
        longitude=4.83,
    )
    dakar = make_authority(
        "Dakar",
        slug="dakar",
        theme_slugs=["water-sanitation"],
        domain_slugs=[],
        cooperations=[
            {"partner_page": lyon, "kind": "decentralised_cooperation", "since_year": 1999},
            {"partner_name": "Saint-Louis", "partner_country": "SN", "is_active": False},
        ],
        foreign_actors=[{"name": "GIZ", "kind": "development_agency", "country_of_origin": "DE"}],
    )
    nouakchott = make_authority(
        "Nouakchott",
        slug="nouakchott",
        country="MR",
        kind="region",
        latitude=None,
        longitude=None,
    )
    water_request = make_call(
        dakar,
        "Drinking water for Dakar",
        direction="request",
        theme_slugs=["water-sanitation"],
        deadline=in_days(30),
    )
    closed_offer = make_call(dakar, "Closed festival offer", status="closed")
    lyon_offer = make_call(
        lyon,
        "Lyon water expertise",
        theme_slugs=["water-sanitation"],
        target_countries=["SN"],
        deadline=in_days(10),
    )
    article = make_news("Water forum", theme_slugs=["water-sanitation"])
    article.related_authorities.set([dakar])
    publish_page(article)
    dakar_en = translate(dakar, "en", "Dakar (English)")
    return {
        "lyon": lyon,
        "dakar": dakar,
        "dakar_en": dakar_en,
        "nouakchott": nouakchott,
        "water_request": water_request,
        "closed_offer": closed_offer,
        "lyon_offer": lyon_offer,
        "article": article,
    }
