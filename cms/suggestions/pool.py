"""Every candidate's profile, built once, and the ranking that scores only the few that can win.

Scoring every plausible match on each view (about 9,000 profiles built from the database and
scored in Python for one fiche among 15,000) cost two seconds (issue 11). A ``Pool`` holds
the profile of every visible fiche and open call, indexed by theme, action domain, country
and sought country, built from a fixed number of ``.values()`` queries; the caller keeps it
as long as content does not change (cms.api.suggestions keys it by the content version).

``Pool.rank`` gives exactly what ``rank(source, candidates(source, restricted), limit)``
gives (the candidate rules of ``candidates``, one row per translation key, the scoring and
ordering of ``scoring``), but scores candidates best bound first: the themes and action
domains shared are counted for all of them at once, the rest of a score is at most
``OTHER_POINTS``, and once ``limit`` authorities beat every bound left, the rest is skipped.
"""

import sys
from collections import Counter, OrderedDict, defaultdict
from dataclasses import replace
from itertools import chain

from cms.models import AuthorityPage, accepting_interest_q

from .candidates import (
    AUTHORITY_FIELDS,
    CALL_FIELDS,
    authority_profile,
    authority_taxonomy,
    call_profile,
    call_taxonomy,
    codes,
    partners_of,
    visible_calls,
)
from .scoring import (
    COUNTRY_SOUGHT,
    OFFER_MEETS_REQUEST,
    PER_SHARED_DOMAIN,
    PER_SHARED_THEME,
    SHARED_LANGUAGE,
    rank,
    score,
)

# What a score may add beyond its themes and domains: both country signs and a language.
OTHER_POINTS = 2 * COUNTRY_SOUGHT + SHARED_LANGUAGE
NONE = frozenset()
# Rankings a pool remembers (the most recently asked): a fiche page asks for its own on every
# view, and the ranking reads every candidate sharing a theme (thousands at 15,000 fiches)
# while loading the ten pages it names costs the same at any size. ~1 KB each.
RANKINGS_KEPT = 4096
# The pages a remembered ranking names, loaded in one language (cms.api.suggestions): the
# fiche page's suggestions then cost no query on a view after the first. A dozen model
# instances each (~30 KB), fewer kept.
PAGES_KEPT = 256


class Recent:
    """Values built once and kept under their key, the ``size`` most recently asked."""

    def __init__(self, size):
        self.size = size
        self._values = OrderedDict()

    def get(self, key, build):
        if key in self._values:
            self._values.move_to_end(key)
            return self._values[key]
        value = build()
        self._values[key] = value
        if len(self._values) > self.size:
            self._values.popitem(last=False)
        return value


class Side:
    """The profiles of one kind (fiches, or open calls), with their indexes."""

    def __init__(self, profiles, sought_attribute):
        self.profiles = sorted(profiles, key=lambda profile: profile.pk)
        self.by_theme = defaultdict(list)
        self.by_domain = defaultdict(list)
        self.by_country = defaultdict(list)
        self.seeking = defaultdict(list)  # who seeks (targets) a country
        self.by_direction = defaultdict(set)
        self.first_of_key = set()  # the oldest row of each translation key
        self.older_copies = {}  # a later row: the older rows of its key
        rows_of_key = defaultdict(list)
        for index, profile in enumerate(self.profiles):
            for theme in profile.themes:
                self.by_theme[theme].append(index)
            for domain in profile.domains:
                self.by_domain[domain].append(index)
            self.by_country[profile.country].append(index)
            for code in getattr(profile, sought_attribute):
                self.seeking[code].append(index)
            self.by_direction[profile.direction].add(index)
            older = rows_of_key[profile.call_key or profile.authority_key]
            if older:
                self.older_copies[index] = tuple(older)
            else:
                self.first_of_key.add(index)
            older.append(index)

    def candidates(self, source, leave_out_direction=None):
        """Indexes of the rows sharing a theme with ``source``, in a country it seeks or
        seeking its country (``candidates.candidate_q``), one per translation key: the
        oldest matching row (``candidates.one_per_key``)."""
        found = set(chain.from_iterable(self.by_theme.get(theme, ()) for theme in source.themes))
        found.update(self.seeking.get(source.country, ()))
        for code in source.sought_countries:
            found.update(self.by_country.get(code, ()))
        if leave_out_direction:
            found -= self.by_direction[leave_out_direction]  # two offers do not meet
        kept = found & self.first_of_key
        for index in found - self.first_of_key:
            if not any(older in found for older in self.older_copies[index]):
                kept.add(index)
        return kept

    def bucket(self, source, indexes, extra, buckets):
        """Add each row to ``buckets`` under the highest score it may reach: its points for
        the themes and domains shared with ``source``, plus ``extra``."""
        themes = Counter(chain.from_iterable(self.by_theme.get(t, ()) for t in source.themes))
        domains = Counter(chain.from_iterable(self.by_domain.get(d, ()) for d in source.domains))
        shared_themes, shared_domains, profiles = themes.get, domains.get, self.profiles
        for index in indexes:
            bound = (
                PER_SHARED_THEME * shared_themes(index, 0)
                + PER_SHARED_DOMAIN * shared_domains(index, 0)
                + extra
            )
            buckets[bound].append(profiles[index])


class Pool:
    """Profiles of every visible fiche and open call (partners left empty: they are the
    source's)."""

    def __init__(self, authorities, calls):
        self.authorities = Side(authorities, "sought_countries")
        self.calls = Side(calls, "sought_countries")
        self._authority_by_pk = {profile.pk: profile for profile in self.authorities.profiles}
        self._rankings = Recent(RANKINGS_KEPT)
        self._pages = Recent(PAGES_KEPT)

    def remembered(self, key, build):
        """``build()`` (a ranking) kept under ``key`` while this pool lives: the pool holds
        the content it was built from, so what is ranked from it stays true as long as it."""
        return self._rankings.get(key, build)

    def remembered_pages(self, key, build):
        """``build()`` (the pages a ranking names, in one language) kept under ``key`` while
        this pool lives: built from the same content as the pool (its content version, day
        and restrictions), they stay true as long as it."""
        return self._pages.get(key, build)

    def authority_source(self, pk):
        """The Profile of the visible fiche ``pk`` with its partners (``authority_source``,
        its row and taxonomy read from the pool), or None when the pool does not hold it."""
        profile = self._authority_by_pk.get(int(pk)) if str(pk).isdigit() else None
        if profile is None:
            return None
        return replace(profile, partners=partners_of(profile.authority_key))

    @classmethod
    def build(cls, restricted):
        """From the database: a fixed number of queries, whatever the number of fiches."""
        shared = {}  # equal sets and codes kept once: a few hundred distinct ones in all

        def compact(profile):
            return replace(
                profile,
                authority_key=sys.intern(profile.authority_key),
                country=sys.intern(profile.country),
                themes=shared.setdefault(profile.themes, profile.themes),
                domains=shared.setdefault(profile.domains, profile.domains),
                sought_countries=shared.setdefault(
                    profile.sought_countries, profile.sought_countries
                ),
                languages=shared.setdefault(profile.languages, profile.languages),
            )

        rows = AuthorityPage.objects.visible(restricted).values(*AUTHORITY_FIELDS)
        themes, domains = authority_taxonomy()
        authorities = [
            compact(authority_profile(row, themes, domains)) for row in rows.iterator(2000)
        ]
        del themes, domains
        call_rows = visible_calls(restricted).filter(accepting_interest_q()).values(*CALL_FIELDS)
        themes, domains = call_taxonomy()
        languages = {
            str(key): codes(value)
            for key, value in AuthorityPage.objects.order_by("pk").values_list(
                "translation_key", "working_languages"
            )
        }
        calls = [
            compact(
                call_profile(row, themes, domains, languages.get(str(row["authority_key"]), NONE))
            )
            for row in call_rows.iterator(2000)
        ]
        return cls(authorities, calls)

    def rank(self, source, limit):
        """``scoring.rank`` over ``source``'s candidates, scoring only those that can win."""
        buckets = defaultdict(list)  # upper bound of the points: candidates
        for side, other in ((self.authorities, 0), (self.calls, OFFER_MEETS_REQUEST)):
            indexes = side.candidates(source, source.direction if side is self.calls else None)
            extra = OTHER_POINTS + (other if source.direction else 0)
            side.bucket(source, indexes, extra, buckets)
        scored = []
        best = {}  # authority key: its best points so far
        for bound in sorted(buckets, reverse=True):
            if len(best) >= limit and sorted(best.values(), reverse=True)[limit - 1] > bound:
                break  # every candidate left scores below ``limit`` authorities already found
            for candidate in buckets[bound]:
                result = score(source, candidate)
                if result is None:
                    continue
                scored.append(candidate)
                key = candidate.authority_key
                best[key] = max(best.get(key, result[0]), result[0])
        return rank(source, scored, limit)
