"""The public API's filtered lists of published content, shared by GraphQL, exports and feeds.

Built on the content rules of cms.models.querysets (visible, locale fallback, a call's
authority); filters reject bad input with ``InvalidFilter`` (a translated, visitor-readable
message), never by returning everything.
"""

from django.conf import settings
from django.db.models import F, Q, Subquery
from django.utils.translation import gettext
from django_countries import countries as all_countries
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from cms.models import (
    FRENCH_COUNTRY_CODES,
    AuthorityKind,
    AuthorityPage,
    CallDirection,
    CallStatus,
    NewsPage,
    PartnershipCallPage,
    Theme,
    accepting_interest_q,
)

from .cache import per_version


class InvalidFilter(ValueError):
    """Bad input from a client: the message is shown to them as is."""


def resolve_locale(code):
    """The Locale for a language code; None means the default language."""
    code = code or settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        available = ", ".join(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
        raise InvalidFilter(
            gettext("Unknown locale “%(code)s”. Available: %(available)s.")
            % {"code": code, "available": available}
        )
    return locale


# --- filter values ------------------------------------------------------------------------


def check_country(code):
    code = (code or "").upper()
    if code not in dict(all_countries):
        raise InvalidFilter(
            gettext("Unknown country code “%(code)s”: use an ISO 3166 alpha-2 code such as FR.")
            % {"code": code}
        )
    return code


def default_themes():
    """{slug: theme} of the default-locale rows (the ones pages reference), in the themes'
    order: read once per process and content version (a theme's change bumps it), as every
    filtered list and directory form asks."""

    def build():
        rows = Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        return {theme.slug: theme for theme in rows}

    return per_version("themes-by-slug", build)


def theme_by_slug(slug):
    """The default-locale theme row (the one pages reference) with this slug."""
    theme = default_themes().get(slug)
    if theme is None:
        raise InvalidFilter(gettext("Unknown theme “%(slug)s”.") % {"slug": slug})
    return theme


def check_choice(value, choices, label):
    if value not in choices.values:
        raise InvalidFilter(
            gettext("Unknown %(label)s “%(value)s”.") % {"label": label, "value": value}
        )
    return value


def search_ids(model, text, queryset):
    """Primary keys of ``queryset`` matching ``text``, best first (Wagtail search backend)."""
    # The search backend accepts only plain field lookups: pass the visible set as a subquery.
    candidates = model.objects.filter(pk__in=Subquery(queryset.values("pk")))
    results = get_search_backend().search(text, candidates, operator="and")
    return [page.pk for page in results]


# --- authorities --------------------------------------------------------------------------


def authorities(
    locale,
    *,
    country=None,
    kind=None,
    theme=None,
    french=None,
    search=None,
    restricted=None,
):
    """Published fiches in ``locale`` (with fallback), filtered, ordered by title."""
    queryset = AuthorityPage.objects.visible_in(locale, restricted)
    if country:
        queryset = queryset.filter(country=check_country(country))
    if kind:
        queryset = queryset.filter(kind=check_choice(kind, AuthorityKind, gettext("kind")))
    if theme:
        queryset = queryset.filter(objective_themes=theme_by_slug(theme))
    if french is not None:
        in_france = Q(country__in=FRENCH_COUNTRY_CODES)
        queryset = queryset.filter(in_france if french else ~in_france)
    queryset = queryset.order_by("title", "pk")
    if search:
        queryset = queryset.filter(pk__in=search_ids(AuthorityPage, search, queryset))
    return queryset


# --- partnership calls --------------------------------------------------------------------


def calls(
    locale,
    *,
    direction=None,
    status=None,
    theme=None,
    country=None,
    authority=None,
    search=None,
    order="NEWEST",
    restricted=None,
    authority_keys=None,
):
    """Published calls in ``locale`` (with fallback) whose authority is published too.

    Each call carries ``authority_key``: the translation_key of its authority, which links
    it to the authority's copy in any language. ``authority_keys``: the calls of those
    authorities only (translation keys, or a subquery of them).
    """
    if authority:
        if not str(authority).isdigit():
            raise InvalidFilter(gettext("Unknown authority id “%(value)s”.") % {"value": authority})
        keys = AuthorityPage.objects.filter(pk=authority).values("translation_key")
        authority_keys = Subquery(keys)
    queryset = PartnershipCallPage.objects.visible_in(locale, restricted).with_authority(
        restricted, authority_keys
    )
    if direction:
        queryset = queryset.filter(
            direction=check_choice(direction, CallDirection, gettext("direction"))
        )
    if status:
        queryset = queryset.filter(status=check_choice(status, CallStatus, gettext("status")))
    if theme:
        queryset = queryset.filter(themes=theme_by_slug(theme))
    if country:
        code = check_country(country)
        queryset = queryset.filter(Q(authority_country=code) | Q(target_countries__contains=code))
    queryset = queryset.order_by(*CALL_ORDERS[order])
    if search:
        queryset = queryset.filter(pk__in=search_ids(PartnershipCallPage, search, queryset))
    return queryset


CALL_ORDERS = {
    "NEWEST": (F("first_published_at").desc(nulls_last=True), "-pk"),
    "DEADLINE": (F("deadline").asc(nulls_last=True), "title", "pk"),
    "TITLE": ("title", "pk"),
}


def open_calls(locale, restricted=None, **filters):
    """Calls still accepting interest: open status and deadline not passed."""
    return calls(locale, restricted=restricted, **filters).filter(accepting_interest_q())


def open_call_keys_sql(locale, restricted=None):
    """``(sql, params)``: a row ``(direction, authority_key)`` per call of ``open_calls(locale)``
    (unfiltered), its fiche joined instead of looked up per call (whole-site counts)."""
    queryset = PartnershipCallPage.objects.visible_in(locale, restricted)
    return queryset.filter(accepting_interest_q()).authority_keys_sql(restricted)


# --- news ---------------------------------------------------------------------------------


def news(locale, *, theme=None, restricted=None):
    queryset = NewsPage.objects.visible_in(locale, restricted)
    if theme:
        queryset = queryset.filter(themes=theme_by_slug(theme))
    return queryset.order_by("-date", "-pk")
