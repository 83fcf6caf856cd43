"""Partner suggestions: for a fiche or a call, the complementary authorities and open calls.

Two halves:
- scoring: pure functions over small ``Profile`` values (``score``, ``describe``), so the
  ranking rules can be tested without a database;
- loading: ``suggest`` fetches the source and every plausible candidate with a fixed number
  of ``.values()`` queries (candidates share a theme or a sought country with the source),
  scores them in Python and loads only the few pages it returns.

A suggestion is one authority, alone or through one of its open calls: an authority appears
once, with its best-scoring match, so an authority with many calls cannot flood the list.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import global_settings
from django.db.models import Q, Subquery
from django.utils import translation
from django.utils.translation import gettext, ngettext

from cms.api import loaders, querysets
from cms.models import AuthorityPage, CallDirection, Cooperation, PartnershipCallPage

# --- weights ------------------------------------------------------------------------------
# An offer meeting a request is what the Bourse exists for: it outweighs any single other
# sign, but not a good thematic and geographic fit put together.
OFFER_MEETS_REQUEST = 30
# A theme in common is the main sign of a shared agenda; each one adds.
PER_SHARED_THEME = 10
# Action domains refine themes: a shared domain is more specific but always comes with its
# theme, so it adds less on top.
PER_SHARED_DOMAIN = 5
# Decentralised cooperation is geographic first: being in a country the other side seeks is
# worth about one theme, in either direction.
COUNTRY_SOUGHT = 12
# A shared working language makes the partnership workable; alone it suggests nothing.
SHARED_LANGUAGE = 4

DEFAULT_LIMIT = 10
MAX_LIMIT = 50

LANGUAGE_NAMES = dict(global_settings.LANGUAGES)


@dataclass(frozen=True)
class Profile:
    """What scoring needs to know about a fiche or a call (codes and ids only)."""

    authority_key: str  # the translation_key of the authority (of the call's authority)
    country: str
    themes: frozenset = frozenset()
    domains: frozenset = frozenset()
    sought_countries: frozenset = frozenset()
    languages: frozenset = frozenset()
    direction: str | None = None  # None for a fiche
    partners: frozenset = field(default=frozenset(), compare=False)
    title: str = ""
    pk: int | None = None
    call_key: str | None = None  # a call's translation_key, to find its copy in a language


# --- scoring (pure) -----------------------------------------------------------------------


def eligible(source, candidate):
    """Whether ``candidate`` may be suggested to ``source`` at all."""
    if candidate.authority_key == source.authority_key:
        return False
    if candidate.authority_key in source.partners:
        return False  # already cooperating: nothing to suggest
    # Decentralised cooperation links authorities of different countries.
    if candidate.country == source.country:
        return False
    if source.direction and candidate.direction == source.direction:
        return False  # two offers (or two requests) do not meet
    return bool(source.themes & candidate.themes) or country_match(source, candidate)


def country_match(source, candidate):
    return (
        candidate.country in source.sought_countries or source.country in candidate.sought_countries
    )


def score(source, candidate):
    """``(points, reasons)`` for ``candidate``, or None when it is not a suggestion.

    Reasons are ``(kind, value)`` pairs, strongest first; ``describe`` turns them into text.
    """
    if not eligible(source, candidate):
        return None
    parts = []
    if source.direction and candidate.direction:
        parts.append((OFFER_MEETS_REQUEST, ("direction", candidate.direction)))
    themes = len(source.themes & candidate.themes)
    if themes:
        parts.append((PER_SHARED_THEME * themes, ("themes", themes)))
    domains = len(source.domains & candidate.domains)
    if domains:
        parts.append((PER_SHARED_DOMAIN * domains, ("domains", domains)))
    if source.country in candidate.sought_countries:
        parts.append((COUNTRY_SOUGHT, ("seeks_country", source.country)))
    if candidate.country in source.sought_countries:
        parts.append((COUNTRY_SOUGHT, ("in_sought_country", candidate.country)))
    languages = sorted(source.languages & candidate.languages)
    if languages:
        parts.append((SHARED_LANGUAGE, ("languages", tuple(languages))))
    parts.sort(key=lambda part: -part[0])  # stable: equal weights keep the order above
    return sum(points for points, _reason in parts), [reason for _points, reason in parts]


def rank(source, candidates, limit):
    """The best ``limit`` suggestions: one per authority, best score first, then by title."""
    best = {}
    for candidate in candidates:
        scored = score(source, candidate)
        if scored is None:
            continue
        points, reasons = scored
        key = candidate.authority_key
        # On a tie an open call beats its authority alone: it is something to answer.
        order = (-points, candidate.direction is None, candidate.title, candidate.pk or 0)
        if key not in best or order < best[key][0]:
            best[key] = (order, candidate, points, reasons)
    ranked = sorted(best.values(), key=lambda item: item[0])[:limit]
    return [(candidate, points, reasons) for _order, candidate, points, reasons in ranked]


def describe(reason, language_code, country_name):
    """One reason as a sentence in ``language_code``; ``country_name(code)`` names countries."""
    kind, value = reason
    with translation.override(language_code):
        if kind == "direction":
            if value == CallDirection.OFFER:
                return gettext("An offer that meets this request")
            return gettext("A request this offer can meet")
        if kind == "themes":
            return ngettext("%(count)d theme in common", "%(count)d themes in common", value) % {
                "count": value
            }
        if kind == "domains":
            return ngettext(
                "%(count)d action domain in common", "%(count)d action domains in common", value
            ) % {"count": value}
        if kind == "seeks_country":
            return gettext("Seeks partners in %(country)s") % {"country": country_name(value)}
        if kind == "in_sought_country":
            return gettext("Based in %(country)s, a country sought") % {
                "country": country_name(value)
            }
        if kind == "languages":
            names = ", ".join(gettext(LANGUAGE_NAMES.get(code, code)) for code in value)
            return ngettext(
                "Shared working language: %(languages)s",
                "Shared working languages: %(languages)s",
                len(value),
            ) % {"languages": names}
    raise ValueError(f"unknown reason {kind!r}")


# --- loading ------------------------------------------------------------------------------


def codes(value):
    """Country or language codes from ``.values()`` (stored as "FR,SN": no field converter)."""
    if not value:
        return frozenset()
    if isinstance(value, str):
        value = value.split(",")
    return frozenset(str(code) for code in value if code)


def related_ids(relation, owner_field, target_field, owners=None, targets=None):
    """``{owner pk: frozenset of target pks}`` from a many-to-many table (one query).

    ``targets`` keeps only those targets: for candidates only the themes they share with
    the source count, and the table rows fetched stay few.
    """
    pairs = relation.through.objects.all()
    if owners is not None:
        pairs = pairs.filter(**{f"{owner_field}__in": owners})
    if targets is not None:
        pairs = pairs.filter(**{f"{target_field}__in": targets})
    grouped = defaultdict(set)
    for owner, target in pairs.values_list(owner_field, target_field):
        grouped[owner].add(target)
    return defaultdict(frozenset, {owner: frozenset(ids) for owner, ids in grouped.items()})


def authority_taxonomy(owners=None, source=None):
    themes = related_ids(
        AuthorityPage.objective_themes,
        "authoritypage_id",
        "theme_id",
        owners,
        source and source.themes,
    )
    domains = related_ids(
        AuthorityPage.objective_domains,
        "authoritypage_id",
        "actiondomain_id",
        owners,
        source and source.domains,
    )
    return themes, domains


def call_taxonomy(owners=None, source=None):
    themes = related_ids(
        PartnershipCallPage.themes,
        "partnershipcallpage_id",
        "theme_id",
        owners,
        source and source.themes,
    )
    domains = related_ids(
        PartnershipCallPage.action_domains,
        "partnershipcallpage_id",
        "actiondomain_id",
        owners,
        source and source.domains,
    )
    return themes, domains


def one_per_key(rows, key):
    """The oldest row of each translation_key: the content, not each of its translations.

    What scoring reads (taxonomy, countries, languages) is shared by all copies, and leaving
    out the per-language fallback makes the candidate scan a plain one.
    """
    seen = {}
    for row in rows:
        seen.setdefault(row[key], row)
    return list(seen.values())


AUTHORITY_FIELDS = (
    "pk",
    "title",
    "translation_key",
    "country",
    "preferred_countries",
    "working_languages",
)
CALL_FIELDS = (
    "pk",
    "translation_key",
    "title",
    "direction",
    "target_countries",
    "authority_key",
    "authority_country",
)


def authority_profile(row, themes, domains, partners=frozenset()):
    return Profile(
        authority_key=str(row["translation_key"]),
        country=str(row["country"]),
        themes=themes[row["pk"]],
        domains=domains[row["pk"]],
        sought_countries=codes(row["preferred_countries"]),
        languages=codes(row["working_languages"]),
        partners=partners,
        title=row["title"],
        pk=row["pk"],
    )


def call_profile(row, themes, domains, languages, partners=frozenset()):
    return Profile(
        authority_key=str(row["authority_key"]),
        country=str(row["authority_country"]),
        themes=themes[row["pk"]],
        domains=domains[row["pk"]],
        sought_countries=codes(row["target_countries"]),
        languages=languages,
        direction=row["direction"],
        partners=partners,
        title=row["title"],
        pk=row["pk"],
        call_key=str(row["translation_key"]),
    )


def partners_of(authority_key):
    """Translation keys of the authorities cooperating with this one, either way (one query)."""
    rows = Cooperation.objects.filter(
        Q(authority__translation_key=authority_key) | Q(partner_page__translation_key=authority_key)
    ).values_list("authority__translation_key", "partner_page__translation_key")
    return frozenset(str(key) for pair in rows for key in pair if key) - {str(authority_key)}


def visible_calls(restricted):
    """Visible calls in any language, with their visible authority's key and country."""
    parent = querysets.visible(AuthorityPage, restricted).filter(path=querysets.parent_path())
    return (
        querysets.visible(PartnershipCallPage, restricted)
        .annotate(
            authority_key=Subquery(parent.values("translation_key")[:1]),
            authority_country=Subquery(parent.values("country")[:1]),
        )
        .filter(authority_key__isnull=False)
    )


def authority_source(pk, restricted):
    """The Profile of a visible fiche by id, or InvalidFilter."""
    row = None
    if str(pk).isdigit():
        rows = querysets.visible(AuthorityPage, restricted).filter(pk=pk)
        row = rows.values(*AUTHORITY_FIELDS).first()
    if row is None:
        raise querysets.InvalidFilter(
            gettext("No published fiche has the id “%(value)s”.") % {"value": pk}
        )
    themes, domains = authority_taxonomy([row["pk"]])
    return authority_profile(row, themes, domains, partners_of(row["translation_key"]))


def call_source(pk, restricted):
    """The Profile of a visible call by id (languages from its authority), or InvalidFilter."""
    row = None
    if str(pk).isdigit():
        row = visible_calls(restricted).filter(pk=pk).values(*CALL_FIELDS).first()
    if row is None:
        raise querysets.InvalidFilter(
            gettext("No published partnership call has the id “%(value)s”.") % {"value": pk}
        )
    themes, domains = call_taxonomy([row["pk"]])
    languages = (
        AuthorityPage.objects.filter(translation_key=row["authority_key"])
        .values_list("working_languages", flat=True)
        .first()
    )
    return call_profile(row, themes, domains, codes(languages), partners_of(row["authority_key"]))


def candidate_q(source, themes_table, owner_field, sought_field, country_field):
    """Rows sharing a theme with ``source``, in a country it seeks, or seeking its country."""
    sharing = themes_table.objects.filter(theme_id__in=source.themes).values(owner_field)
    q = Q(pk__in=sharing) | Q(**{f"{sought_field}__contains": source.country})
    if source.sought_countries:
        q |= Q(**{f"{country_field}__in": source.sought_countries})
    return q


def authority_candidates(source, restricted):
    queryset = querysets.visible(AuthorityPage, restricted).filter(
        candidate_q(
            source,
            AuthorityPage.objective_themes.through,
            "authoritypage_id",
            "preferred_countries",
            "country",
        )
    )
    rows = one_per_key(queryset.order_by("pk").values(*AUTHORITY_FIELDS), "translation_key")
    themes, domains = authority_taxonomy(source=source)
    return [authority_profile(row, themes, domains) for row in rows]


def call_candidates(source, restricted):
    queryset = (
        visible_calls(restricted)
        .filter(querysets.accepting_interest_q())
        .filter(
            candidate_q(
                source,
                PartnershipCallPage.themes.through,
                "partnershipcallpage_id",
                "target_countries",
                "authority_country",
            )
        )
    )
    if source.direction:
        queryset = queryset.exclude(direction=source.direction)
    rows = one_per_key(queryset.order_by("pk").values(*CALL_FIELDS), "translation_key")
    themes, domains = call_taxonomy(source=source)
    keys = {row["authority_key"] for row in rows}
    languages = {
        str(key): codes(value)
        for key, value in AuthorityPage.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "working_languages"
        )
    }
    return [
        call_profile(row, themes, domains, languages.get(str(row["authority_key"]), frozenset()))
        for row in rows
    ]


def check_limit(limit):
    if limit is None:
        return DEFAULT_LIMIT
    if not 1 <= limit <= MAX_LIMIT:
        raise querysets.InvalidFilter(
            gettext("limit must be between 1 and %(max)s (got %(value)s).")
            % {"max": MAX_LIMIT, "value": limit}
        )
    return limit


def suggest(scope, *, authority=None, call=None, locale=None, limit=DEFAULT_LIMIT):
    """Ranked suggestions for a fiche or a call, as dicts the GraphQL type reads.

    Each dict holds ``score``, ``reasons`` (sentences in ``locale``), ``authority`` (its copy
    in ``locale``, or the fallback) and ``call`` (or None). Bad input: InvalidFilter.
    """
    if (authority is None) == (call is None):
        raise querysets.InvalidFilter(gettext("Give either authority or call, not both."))
    limit = check_limit(limit)
    locale_obj = scope.locale(locale)
    restricted = scope.restricted
    if authority is not None:
        source = authority_source(authority, restricted)
    else:
        source = call_source(call, restricted)
    candidates = authority_candidates(source, restricted)
    candidates += call_candidates(source, restricted)
    ranked = rank(source, candidates, limit)
    return materialise(ranked, locale_obj, scope)


def materialise(ranked, locale, scope):
    """Load the pages of the ranked suggestions (a bounded number of queries) and word them."""
    call_keys = [c.call_key for c, _p, _r in ranked if c.call_key]
    calls = {
        str(call.translation_key): call
        for call in querysets.open_calls(locale, restricted=scope.restricted).filter(
            translation_key__in=call_keys
        )
    }
    keys = [c.authority_key for c, _p, _r in ranked]
    loaded = loaders.localized_authorities(keys, locale, scope)
    loaders.load_authorities(list(loaded.values()), locale, scope)
    authorities = {str(key): page for key, page in loaded.items()}
    for call in calls.values():
        call._api_authority = authorities.get(str(call.authority_key))
    loaders.load_calls(list(calls.values()), locale, scope)
    language = locale.language_code

    def country_name(code):
        return scope.country_name(code, language)

    results = []
    for candidate, points, reasons in ranked:
        authority = authorities.get(candidate.authority_key)
        if authority is None:
            continue
        results.append(
            {
                "score": points,
                "reasons": [describe(reason, language, country_name) for reason in reasons],
                "authority": authority,
                "call": calls.get(candidate.call_key) if candidate.call_key else None,
            }
        )
    return results
