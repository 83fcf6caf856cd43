"""Partner suggestions: for a fiche or a call, the complementary authorities and open calls.

A feature package on the content model alone (it imports cms.models and Django, nothing of
the API), in two parts:
- ``scoring``: pure functions over small ``Profile`` values (``score``, ``rank``,
  ``describe``), so the ranking rules can be tested without a database;
- ``candidates``: the source's profile and every plausible candidate's, read with a fixed
  number of ``.values()`` queries (candidates share a theme or a sought country with the
  source).
- ``pool``: every candidate's profile built once and indexed (``Pool``), and a ranking that
  gives what ``rank`` over ``candidates`` gives while scoring only the candidates that can
  still win; the API keeps a pool while content does not change.

The public API's ``suggestedPartners`` (cms.api.suggestions) checks the arguments, ranks the
candidates and loads only the few pages it returns.

A suggestion is one authority, alone or through one of its open calls: an authority appears
once, with its best-scoring match, so an authority with many calls cannot flood the list.
"""

from .candidates import authority_source, call_source, candidates
from .pool import Pool
from .scoring import (
    COUNTRY_SOUGHT,
    OFFER_MEETS_REQUEST,
    PER_SHARED_DOMAIN,
    PER_SHARED_THEME,
    SHARED_LANGUAGE,
    Profile,
    describe,
    rank,
    score,
)

__all__ = [
    "COUNTRY_SOUGHT",
    "OFFER_MEETS_REQUEST",
    "PER_SHARED_DOMAIN",
    "PER_SHARED_THEME",
    "Pool",
    "SHARED_LANGUAGE",
    "Profile",
    "authority_source",
    "call_source",
    "candidates",
    "describe",
    "rank",
    "score",
]
