"""Search results of several page models as one ranked list, read a page at a time.

The order is the one the API has always given: best score first, then by title, then the
models in the order given, then the search backend's own order (newest id first). For a page
of results each model gives, in one query, its first ``stop`` matches in that order (pk,
score and title: no page object), and its number of matches (counted apart and cached per
content version, unless the first read was short), so the cost of a page does not grow with
the number of matches; the page's items alone are then loaded as pages.
A backend whose results are not a Django queryset (Elasticsearch, OpenSearch) is read whole.
"""

from django.db import connection
from django.db.models import F, FloatField, Value
from django.db.models.functions import Coalesce, Collate

from .cache import cached

# Python's order of strings (code points): the C collation on PostgreSQL, SQLite's own.
CODE_POINT_COLLATION = {"postgresql": "C"}


def _title_order():
    collation = CODE_POINT_COLLATION.get(connection.vendor)
    return Collate("title", collation) if collation else F("title")


def _count(queryset, key):
    """The number of matches, cached per content version like a list's total. ``key`` says
    what the matches depend on (words, language, restrictions, day), or None: the SQL is
    the key (compiling it costs as much as a small query: 5-10 ms)."""
    if key is None:
        sql, params = queryset.query.sql_with_params()
        key = [sql, repr(params)]
    return cached(
        "search-count", [queryset.model._meta.label, *key], queryset.count, in_process=True
    )


def _sort_key(index, pk, score, title):
    return (-(score or 0), title, index, -pk)


class RankedSearch:
    """The matches of ``results`` (one backend search per model, scores annotated as
    ``_score``) in one ranked list; supports ``len()`` and slices. ``stop``: the end of the
    page about to be read; ``count_key``: what the matches depend on, for their cached
    numbers (see ``_count``)."""

    def __init__(self, results, stop=20, count_key=None):
        self.results = list(results)
        self.stop = stop
        self.count_key = count_key
        self._read = None  # (stop, total, rows) of the last reading

    def _first(self, index, result, stop):
        """(matches, [(sort key, (result, pk) or a page)]) of one model's first ``stop``."""
        get_queryset = getattr(result, "get_queryset", None)
        if get_queryset is None:  # not a database backend: every match, sorted here
            rows = [(_sort_key(index, p.pk, p._score, p.title), p) for p in result]
            return len(rows), rows
        queryset = get_queryset()
        rows = list(
            queryset.order_by(
                Coalesce(F("_score"), Value(0.0), output_field=FloatField()).desc(),
                _title_order(),
                "-pk",
            ).values_list("pk", "_score", "title")[:stop]
        )
        # A short first read holds every match; otherwise the number is counted apart, so
        # that the ranked read stops at ``stop`` rows (a window count made PostgreSQL check
        # the locale fallback of every match: 2,075 "eau" fiches, 130 -> 80 ms).
        matches = len(rows) if len(rows) < stop else _count(queryset, self.count_key)
        return matches, [
            (_sort_key(index, pk, score, title), (result, pk)) for pk, score, title in rows
        ]

    def _rows(self, stop):
        if self._read is None or self._read[0] < stop:
            total, rows = 0, []
            for index, result in enumerate(self.results):
                matches, first = self._first(index, result, max(stop, self.stop))
                total += matches
                rows.extend(first)
            rows.sort(key=lambda row: row[0])
            self._read = (max(stop, self.stop), total, rows)
        return self._read

    def __len__(self):
        return self._rows(self.stop)[1]

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step is not None or key.stop is None:
            raise TypeError("RankedSearch supports slices with a stop only")
        picked = [value for _key, value in self._rows(key.stop)[2][key]]
        # Load the picked rows as pages, one query per model, in the ranked order.
        wanted = {}
        for value in picked:
            if isinstance(value, tuple):
                result, pk = value
                wanted.setdefault(id(result), (result, []))[1].append(pk)
        loaded = {}
        for result, pks in wanted.values():
            model = result.query_compiler.queryset.model
            loaded[id(result)] = model.objects.in_bulk(pks)
        return [
            loaded[id(value[0])][value[1]] if isinstance(value, tuple) else value
            for value in picked
        ]
