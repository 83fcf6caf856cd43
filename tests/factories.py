"""Small builders for test content: a fiche with its sections, a call, a news article.

They need the skeleton (``skeleton`` fixture). Every builder publishes unless told not to.
"""

import datetime
import itertools

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

_counter = itertools.count(1)


def locale(code=None):
    return Locale.objects.get(language_code=code or settings.LANGUAGE_CODE)


def themes(*slugs):
    return list(Theme.objects.filter(slug__in=slugs, locale=locale()))


def domains(*slugs):
    return list(ActionDomain.objects.filter(slug__in=slugs, locale=locale()))


def _publish(page, publish):
    # Pages are created with live=False, as the admin creates them: only publish() shows them.
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_authority(
    title=None,
    *,
    country="SN",
    kind="municipality",
    theme_slugs=(),
    domain_slugs=(),
    cooperations=(),
    foreign_actors=(),
    publish=True,
    **fields,
):
    """A fiche in the default locale with its five sections filled in."""
    number = next(_counter)
    title = title or f"Authority {number}"
    defaults = {
        "summary": f"Summary of {title}.",
        "region_name": "Region",
        "address": "1 main street",
        "website": "https://example.org/",
        "contact_role": "Head of international relations",
        "contact_name": "Awa Diop",
        "contact_email": f"private-{number}@example.org",
        "contact_phone": f"+221 77 000 {number:04d}",
        "area_km2": "82.50",
        "population": 1200000,
        "population_year": 2020,
        "main_activities": "<p>Fishing and <b>tourism</b>.</p>",
        "working_languages": ["fr", "en"],
        "latitude": 14.7,
        "longitude": -17.4,
        "wanted_partner_profile": "A coastal city.",
        "preferred_countries": ["FR"],
        "preferred_regions": "Western Europe",
        "can_bring": "Expertise in fisheries.",
        "last_verified": datetime.date(2025, 1, 15),
    }
    defaults.update(fields)
    index = AuthorityIndexPage.objects.get(locale=locale())
    slug = defaults.pop("slug", f"authority-{number}")
    page = AuthorityPage(title=title, slug=slug, country=country, kind=kind, live=False, **defaults)
    page.cooperations = [
        Cooperation(locale=locale(), **{"kind": "twinning", **row}) for row in cooperations
    ]
    page.foreign_actors = [
        ForeignActor(locale=locale(), **{"kind": "ngo", **row}) for row in foreign_actors
    ]
    index.add_child(instance=page)
    page.objective_themes.set(themes(*theme_slugs))
    page.objective_domains.set(domains(*domain_slugs))
    return _publish(page, publish)


def make_call(authority, title=None, *, direction="offer", theme_slugs=(), publish=True, **fields):
    number = next(_counter)
    title = title or f"Call {number}"
    defaults = {
        "status": "open",
        "summary": f"Summary of {title}.",
        "description": "<p>What we want to do.</p>",
        "target_countries": ["FR"],
        "wanted_partner_profile": "A French municipality.",
        "start_date": datetime.date(2026, 1, 1),
        "duration_months": 24,
        "budget_eur": "50000.00",
        "cofinancing_sought_eur": "20000.00",
        "deadline": datetime.date.today() + datetime.timedelta(days=60),
    }
    defaults.update(fields)
    page = PartnershipCallPage(
        title=title, slug=f"call-{number}", direction=direction, live=False, **defaults
    )
    authority.add_child(instance=page)
    page.themes.set(themes(*theme_slugs))
    return _publish(page, publish)


def make_news(title=None, *, theme_slugs=(), publish=True, **fields):
    number = next(_counter)
    title = title or f"News {number}"
    defaults = {
        "date": datetime.date(2025, 3, 1),
        "introduction": f"Introduction of {title}.",
        "body": [
            ("paragraph", "<p>Body paragraph.</p>"),
            ("quote", {"text": "Cooperation works.", "attribution": "A mayor"}),
        ],
    }
    defaults.update(fields)
    index = NewsIndexPage.objects.get(locale=locale())
    page = NewsPage(title=title, slug=f"news-{number}", live=False, **defaults)
    index.add_child(instance=page)
    page.themes.set(themes(*theme_slugs))
    return _publish(page, publish)


def translate(page, code, title=None, *, publish=True):
    """A copy of ``page`` in another language (parents copied when missing)."""
    copy = page.copy_for_translation(locale(code), copy_parents=True)
    copy.title = title or f"{page.title} ({code})"
    copy.save()
    return _publish(copy, publish)


def restrict(page):
    """Put ``page`` and its subtree behind a password."""
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def graphql(client, query, variables=None, status=200, language="en"):
    """POST a query to the public endpoint; returns the decoded JSON body.

    Error messages follow the client's Accept-Language (English unless told).
    """
    response = client.post(
        "/graphql/",
        {"query": query, "variables": variables or {}},
        content_type="application/json",
        HTTP_ACCEPT="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == status, response.content
    return response.json()


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
        deadline=datetime.date.today() + datetime.timedelta(days=30),
    )
    closed_offer = make_call(dakar, "Closed festival offer", status="closed")
    lyon_offer = make_call(
        lyon,
        "Lyon water expertise",
        theme_slugs=["water-sanitation"],
        target_countries=["SN"],
        deadline=datetime.date.today() + datetime.timedelta(days=10),
    )
    article = make_news("Water forum", theme_slugs=["water-sanitation"])
    article.related_authorities.set([dakar])
    _publish(article, True)
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
