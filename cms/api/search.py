"""Search results of several page models as one ranked list, read a page at a time.

The order is the one the API has always given: best score first, then by title, then the
models in the order given, then the search backend's own order (newest id first). For a page
of results each model gives, in one query, its number of matches (a window count) and only
its first ``stop`` matches in that order (pk, score and title: no page object), so the cost
of a page does not grow with the number of matches; the page's items alone are then loaded
as pages.
A backend whose results are not a Django queryset (Elasticsearch, OpenSearch) is read whole.
"""

from django.db import connection
from django.db.models import Count, F, FloatField, Value, Window
from django.db.models.functions import Coalesce, Collate

# Python's order of strings (code points): the C collation on PostgreSQL, SQLite's own.
CODE_POINT_COLLATION = {"postgresql": "C"}


def _title_order():
    collation = CODE_POINT_COLLATION.get(connection.vendor)
    return Collate("title", collation) if collation else F("title")


def _sort_key(index, pk, score, title):
    return (-(score or 0), title, index, -pk)


class RankedSearch:
    """The matches of ``results`` (one backend search per model, scores annotated as
    ``_score``) in one ranked list; supports ``len()`` and slices. ``stop``: the end of the
    page about to be read (its rows come with the counts)."""

    def __init__(self, results, stop=20):
        self.results = list(results)
        self.stop = stop
        self._read = None  # (stop, total, rows) of the last reading

    def _first(self, index, result, stop):
        """(matches, [(sort key, (result, pk) or a page)]) of one model's first ``stop``."""
        get_queryset = getattr(result, "get_queryset", None)
        if get_queryset is None:  # not a database backend: every match, sorted here
            rows = [(_sort_key(index, p.pk, p._score, p.title), p) for p in result]
            return len(rows), rows
        rows = list(
            get_queryset()
            .order_by(
                Coalesce(F("_score"), Value(0.0), output_field=FloatField()).desc(),
                _title_order(),
                "-pk",
            )
            .annotate(_matches=Window(Count("pk")))
            .values_list("pk", "_score", "title", "_matches")[:stop]
        )
        matches = rows[0][3] if rows else 0
        return matches, [
            (_sort_key(index, pk, score, title), (result, pk)) for pk, score, title, _n in rows
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
