"""Search results of several page models as one ranked list, read a page at a time.

The order is the one the API has always given: best score first, then by title, then the
models in the order given, then the search backend's own order (newest id first).

With a database backend (PostgreSQL's, SQLite's) the models are searched together: one
backend search over their ``Page`` rows (Wagtail's index entries of the three models, the
same scores as a search per model), the visitor's rule (``PortalPageQuerySet.listed_in``)
applied to it, so that a page of results is ONE ranked query (pk and model: no page object),
the number of matches counted apart and cached per content version (unless the first read
was short); the page's items alone are then loaded as pages, one query per model.
Another backend (Elasticsearch, OpenSearch) gives results that are not a Django queryset:
each model's are read whole and sorted here.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, Value, When
from django.db.models.functions import Coalesce, Collate

from cms.models.lookups import AnyOf

from . import prepared
from .cache import cached

# Python's order of strings (code points): the C collation on PostgreSQL, SQLite's own.
CODE_POINT_COLLATION = {"postgresql": "C"}


def _title_order():
    collation = CODE_POINT_COLLATION.get(connection.vendor)
    return Collate("title", collation) if collation else F("title")


def _count(queryset, key):
    """The number of matches of ``queryset()``, cached per content version like a list's
    total. ``key`` says what the matches depend on (words, language, restrictions, day), or
    None: the SQL is the key (compiling it costs as much as a small query: 5-10 ms)."""
    if key is None:
        sql, params = queryset().query.sql_with_params()
        key = [sql, repr(params)]
    return cached(
        "search-count",
        ["wagtailcore.Page", *key],
        lambda: queryset().count(),
        in_process=True,
    )


def _load(picked):
    """[(model, pk, authority_key)] as pages, in that order: one query per model, compiled
    once per model (``cms.api.prepared``); a call carries its ``authority_key`` (what
    ``CallQuerySet.with_authority`` annotates)."""
    wanted = {}
    for model, pk, _key in picked:
        wanted.setdefault(model, []).append(pk)
    loaded = {
        model: {page.pk: page for page in prepared.run(_pages, (model,), pks=pks)}
        for model, pks in wanted.items()
    }
    pages = []
    for model, pk, key in picked:
        page = loaded[model][pk]
        if key is not None:
            page.authority_key = key
        pages.append(page)
    return pages


def _pages(model, pks):
    return model.objects.filter(AnyOf(F("pk"), pks))


class CombinedSearch:
    """The matches of ``build()`` (a database backend's search over the ``Page`` rows of
    ``models``, scores annotated as ``_score``, the visitor's rule applied: ``listed_in``)
    in the ranked order; supports ``len()`` and slices. ``stop``: the end of the page about
    to be read; ``count_key``: what the matches depend on (the words, language,
    restrictions, day), for their cached number (see ``_count``) and the ranked read's SQL,
    compiled once per process and content version (``cms.api.prepared``): the same search
    again (its next page, the same words from another visitor) neither builds the
    visitor's rule again nor compiles it (7 ms of a 40 ms search page at 15,000 fiches)."""

    def __init__(self, build, models, stop=20, count_key=None):
        self.build = build
        self.stop = stop
        self.count_key = count_key
        types = ContentType.objects.get_for_models(*models)
        self.models = {types[model].pk: model for model in models}
        self._queryset = None
        self._read = None  # (stop, total, rows) of the last reading

    def queryset(self):
        if self._queryset is None:
            self._queryset = self.build()
        return self._queryset

    def _ranked(self):
        model_order = Case(
            *(When(content_type_id=pk, then=Value(i)) for i, pk in enumerate(self.models)),
            output_field=IntegerField(),
        )
        return (
            self.queryset()
            .order_by(
                Coalesce(F("_score"), Value(0.0), output_field=FloatField()).desc(),
                _title_order(),
                model_order,
                "-pk",
            )
            .values_list("content_type_id", "pk", "authority_key")
        )

    def _ranked_rows(self, stop):
        if self.count_key is None:
            return list(self._ranked()[:stop])
        key = ("search", *map(str, self.count_key), tuple(self.models), stop)
        return prepared.results(key, lambda: self._ranked()[:stop])

    def _rows(self, stop):
        if self._read is None or self._read[0] < stop:
            stop = max(stop, self.stop)
            rows = [(self.models[type_pk], pk, key) for type_pk, pk, key in self._ranked_rows(stop)]
            # A short first read holds every match; otherwise the number is counted apart,
            # so that the ranked read stops at ``stop`` rows.
            total = len(rows) if len(rows) < stop else _count(self.queryset, self.count_key)
            self._read = (stop, total, rows)
        return self._read

    def __len__(self):
        return self._rows(self.stop)[1]

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step is not None or key.stop is None:
            raise TypeError("CombinedSearch supports slices with a stop only")
        return _load(self._rows(key.stop)[2][key])


class RankedSearch:
    """The matches of ``results`` (one search per model, from a backend whose results are
    not querysets; scores annotated as ``_score``) in one ranked list, read whole."""

    def __init__(self, results):
        rows = []
        for index, result in enumerate(results):
            rows.extend(((-(p._score or 0), p.title, index, -p.pk), p) for p in result)
        rows.sort(key=lambda row: row[0])
        self.pages = [page for _key, page in rows]

    def __len__(self):
        return len(self.pages)

    def __getitem__(self, key):
        return self.pages[key]
