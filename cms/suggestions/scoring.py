"""Scoring partner suggestions: pure functions over small ``Profile`` values.

``score`` says how well a candidate (a fiche or an open call) complements a source and why;
``rank`` keeps the best one per authority; ``describe`` words a reason in a language. No
database here, so the ranking rules are tested on hand-built profiles.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext, ngettext

from cms.models import CallDirection, language_name

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


@dataclass(frozen=True, slots=True)
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
            names = ", ".join(language_name(code) for code in value)
            return ngettext(
                "Shared working language: %(languages)s",
                "Shared working languages: %(languages)s",
                len(value),
            ) % {"languages": names}
    raise ValueError(f"unknown reason {kind!r}")
