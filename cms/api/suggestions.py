"""``suggestedPartners``: the partner suggestions feature (cms.suggestions) served by the API.

This side checks the arguments (``InvalidFilter``, in the client's language), has the feature
rank its candidates, then loads the few pages it returns, in the requested locale (with
fallback), as the items the GraphQL types read.
"""

import datetime
import hashlib

from django.utils.translation import gettext

from cms import suggestions

from . import loaders, querysets
from .cache import content_version
from .querysets import InvalidFilter

DEFAULT_LIMIT = 10
MAX_LIMIT = 50


def check_limit(limit):
    if limit is None:
        return DEFAULT_LIMIT
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidFilter(
            gettext("limit must be between 1 and %(max)s (got %(value)s).")
            % {"max": MAX_LIMIT, "value": limit}
        )
    return limit


def source_profile(authority, call, restricted, pool):
    """The Profile of the visible fiche or call suggestions are for, or InvalidFilter."""
    if authority is not None:
        # A fiche's profile is in the pool (every visible fiche is); the database otherwise.
        source = pool.authority_source(authority) or suggestions.authority_source(
            authority, restricted
        )
        message = gettext("No published fiche has the id “%(value)s”.")
        value = authority
    else:
        source = suggestions.call_source(call, restricted)
        message = gettext("No published partnership call has the id “%(value)s”.")
        value = call
    if source is None:
        raise InvalidFilter(message % {"value": value})
    return source


def suggest(scope, *, authority=None, call=None, locale=None, limit=DEFAULT_LIMIT):
    """Ranked suggestions for a fiche or a call, as dicts the GraphQL type reads.

    Each dict holds ``score``, ``reasons`` (sentences in ``locale``), ``authority`` (the item
    of its copy in ``locale``, or the fallback) and ``call`` (an item, or None). Bad input:
    InvalidFilter.
    """
    if (authority is None) == (call is None):
        raise InvalidFilter(gettext("Give either authority or call, not both."))
    limit = check_limit(limit)
    locale_obj = scope.locale(locale)
    restricted = scope.restricted
    pool = candidate_pool(restricted)

    def ranking():
        return pool.rank(source_profile(authority, call, restricted, pool), limit)

    # Keyed by the arguments as given (an unknown id raises and is not kept); the locale
    # changes only the wording, done by ``materialise``.
    key = ("authority", str(authority)) if authority is not None else ("call", str(call))
    ranked = pool.remembered((*key, limit), ranking)
    pages = pool.remembered_pages(
        (*key, limit, locale_obj.pk), lambda: suggested_pages(ranked, locale_obj, scope)
    )
    return materialise(ranked, pages, locale_obj, scope)


_pools = {}


def candidate_pool(restricted):
    """The suggestions' ``Pool`` of this process, rebuilt when what it holds may have changed:
    the content version (any publication, move, restriction, taxonomy change), the day (the
    calls past their deadline leave it) or the request's restrictions (an unlocked page)."""
    digest = hashlib.sha256(str(restricted).encode()).hexdigest()
    key = (content_version(), datetime.date.today(), digest)
    pool = _pools.get(key)
    if pool is None:
        pool = suggestions.Pool.build(restricted)
        _pools.clear()  # one pool per process: the last one asked
        _pools[key] = pool
    return pool


def suggested_pages(ranked, locale, scope):
    """The pages the ranked suggestions name, in ``locale`` (with fallback): ``(fiches by
    translation key, open calls)``, in a bounded number of queries (none for no call)."""
    authorities = loaders.localized_authorities(
        [c.authority_key for c, _p, _r in ranked], locale, scope
    )
    call_keys = [c.call_key for c, _p, _r in ranked if c.call_key]
    calls = []
    if call_keys:
        calls = list(
            querysets.open_calls(locale, restricted=scope.restricted).filter(
                translation_key__in=call_keys
            )
        )
    return authorities, calls


def materialise(ranked, pages, locale, scope):
    """Word the ranked suggestions, with their pages (``suggested_pages``) as items."""
    pages, open_calls = pages
    authorities = loaders.AuthorityBatch(pages.values(), locale, scope)
    calls = loaders.CallBatch(open_calls, locale, scope, authorities=authorities)
    authority_of_key = {str(key): page for key, page in pages.items()}
    call_of_key = {str(call.translation_key): call for call in calls.pages}
    language = locale.language_code

    def country_name(code):
        return scope.country_name(code, language)

    results = []
    for candidate, points, reasons in ranked:
        authority = authority_of_key.get(candidate.authority_key)
        if authority is None:
            continue
        call = call_of_key.get(candidate.call_key)
        results.append(
            {
                "score": points,
                "reasons": [
                    suggestions.describe(reason, language, country_name) for reason in reasons
                ],
                "authority": authorities.item(authority),
                "call": calls.item(call) if call is not None else None,
            }
        )
    return results
