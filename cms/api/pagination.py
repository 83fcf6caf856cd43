"""Pages of a list for the API's ``{ items pagination }`` answers, on Django's Paginator.

The Paginator counts (``queryset.count()``, or ``len()`` for a ranked list) and slices (in
SQL for a queryset); this module adds what the public contract asks on top: bad numbers are
an ``InvalidFilter`` with a readable message, and a page beyond the last is empty rather
than an error (with the figures a client needs to see why).
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.translation import gettext

from . import prepared
from .cache import cached
from .querysets import InvalidFilter

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20


def check_pagination(page, per_page):
    """``(page, per_page)`` with the defaults, or InvalidFilter."""
    if per_page is None:
        per_page = DEFAULT_PER_PAGE
    if page is None:
        page = 1
    if per_page < 1 or per_page > MAX_PER_PAGE:
        raise InvalidFilter(
            gettext("perPage must be between 1 and %(max)s (got %(value)s).")
            % {"max": MAX_PER_PAGE, "value": per_page}
        )
    if page < 1:
        raise InvalidFilter(gettext("page starts at 1 (got %(value)s).") % {"value": page})
    return page, per_page


def total(object_list, key=None):
    """How many items ``object_list`` holds. A queryset's count is cached per content version
    (the same for every page of a list, and the one figure that walks the whole locale
    fallback: 130 ms at 15,000 fiches) under ``key``: what the list depends on (its root
    field, arguments, language, restrictions, day); without one its SQL, parameters included,
    is the key (compiling it costs as much as a small query)."""
    if not isinstance(object_list, QuerySet):
        return len(object_list)
    if key is None:
        sql, params = object_list.query.sql_with_params()
        key = [sql, repr(params)]
    return cached("count", key, object_list.count, in_process=True)


def paginate_query(build, page, per_page, key):
    """``paginate`` for the queryset ``build()`` (a list of the API, ``key`` its count key,
    which names everything the list depends on), built only when this process has not yet
    compiled what it needs: its count is cached and its page slice's SQL compiled once per
    list and page (``cms.api.prepared``). A list built once has valid filters, so the
    errors come in the same order as ``paginate``'s (the filters' first)."""
    list_key = ("list", repr(key))
    built = []

    def queryset():
        if not built:
            built.append(build())
            prepared.remember(list_key)
        return built[0]

    if not prepared.known(list_key):
        queryset()  # a bad filter raises here, before a bad page number
    page, per_page = check_pagination(page, per_page)
    count = cached("count", key, lambda: queryset().count(), in_process=True)
    paginator = Paginator((), per_page, allow_empty_first_page=False)
    paginator.count = count  # a cached_property: set, it is not computed
    items = []
    if page <= paginator.num_pages:
        bottom = (page - 1) * per_page
        top = min(bottom + per_page, count)  # Paginator's slice (no orphans)
        slice_key = ("page", repr(key), bottom, top)
        items = prepared.results(slice_key, lambda: queryset()[bottom:top])
    return items, {
        "total": count,
        "count": len(items),
        "per_page": per_page,
        "current_page": page,
        "total_pages": paginator.num_pages,
    }


def paginate(object_list, page, per_page, count_key=None):
    """One page of ``object_list`` (a queryset, sliced in SQL, or a list) and its figures
    (``count_key``: see ``total``)."""
    page, per_page = check_pagination(page, per_page)
    # No empty first page: an empty list has no pages (totalPages 0).
    paginator = Paginator(object_list, per_page, allow_empty_first_page=False)
    paginator.count = total(object_list, count_key)  # a cached_property: set, it is not computed
    items = list(paginator.page(page)) if page <= paginator.num_pages else []
    return items, {
        "total": paginator.count,
        "count": len(items),
        "per_page": per_page,
        "current_page": page,
        "total_pages": paginator.num_pages,
    }
