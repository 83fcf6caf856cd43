"""Querysets built and compiled once per process and content version, then only run (issue 11).

A page's queries are few and quick (a fiche or call page: ten, under 10 ms at 15,000 fiches),
but Django builds each of them anew on every view — the content rules' subqueries (the
locale fallback's ``NOT EXISTS``, a call's fiche, the view restrictions) resolved, then
compiled to SQL: about half of a page's time. Their SQL only changes with what they are
built from: the language, the restrictions of the request, the day (deadlines), the filters,
and the content (a theme's id): so it is kept here, per content version and day, under a key
that names all of it, and each view runs the kept SQL with its own values.

A value that changes from view to view (a page's id, a batch's translation keys) enters the
query as a ``Bound`` expression: compiled as a placeholder, bound for each run, as Django
would prepare the same value written in the filter. Everything else in the SQL must be named
by the key: ``kept(name, parts, build)`` compiles ``build()`` the first time ``name`` and
``parts`` are asked (in this process, for this content version and day) and returns, each
time, a fresh queryset that runs the kept SQL: iterate it, or read it as values; chaining it
(filtering, slicing again) is refused. The rows come back exactly as Django's own compiler
would have read them (its select list, converters and annotations are the kept compiler's).
"""

import copy
import datetime
import threading
from collections import OrderedDict

from django.db import connections
from django.db.models import Expression

from .cache import content_version

# Kept compiled queries per process: a list's page, a page's item, a batch of a given size.
# One weighs about 70 KB (its query, compiler and select list): 128 at most, ~9 MB.
KEPT = 128

_kept = OrderedDict()
_lock = threading.Lock()
_state = {"stamp": None}


class Slot:
    """A placeholder in a kept query's parameters: filled with the run's value ``name``."""

    __slots__ = ("name", "field")

    def __init__(self, name, field):
        self.name = name
        self.field = field

    def value(self, values, connection):
        # What Django does with a value written in the filter: prepared by the field.
        return self.field.get_db_prep_value(values[self.name], connection, prepared=False)


class Bound(Expression):
    """A value given when the kept query runs (``values[name]``), compiled as one parameter;
    ``field``: the model field it is compared to (its preparation is applied)."""

    def __init__(self, name, field):
        super().__init__(output_field=field)
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [Slot(self.name, self.output_field)]


class NotChainable(RuntimeError):
    """A kept queryset was filtered, sliced or ordered again: its SQL would not follow."""


class KeptQuery:
    """A compiled query: its compiler (set up: select list, converters, annotations), its SQL
    and parameters, slots included."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.compiler = queryset.query.get_compiler(queryset.db)
        self.sql, params = self.compiler.as_sql()
        self.params = tuple(params)
        self.slots = any(isinstance(param, Slot) for param in self.params)

    def bind(self, values):
        """A queryset running the kept SQL with ``values`` (a fresh one each time)."""
        compiler = copy.copy(self.compiler)
        compiler.connection = connections[compiler.using]
        params = self.params
        if self.slots:
            params = tuple(
                param.value(values, compiler.connection) if isinstance(param, Slot) else param
                for param in params
            )
        sql = self.sql

        def as_sql(*_args, **_kwargs):
            return sql, params

        compiler.as_sql = as_sql
        queryset = self.queryset._chain()
        queryset.query.get_compiler = lambda *_args, **_kwargs: compiler
        # Chaining clones the query: the clone would run the kept SQL, whatever was added.
        queryset.query.chain = queryset.query.clone = _refuse
        return queryset


def _refuse(*_args, **_kwargs):
    raise NotChainable("a kept queryset runs as compiled: build another one instead")


def kept(name, parts, build, values=None):
    """``build()`` (a queryset) compiled once per process, content version and day under
    ``name`` and ``parts`` (everything its SQL depends on but the ``Bound`` values), run with
    ``values``. Without a content version (the cache is down) it is built every time."""
    version = content_version()
    if version is None:
        return KeptQuery(build()).bind(values or {})
    stamp = (version, datetime.date.today())
    key = (name, *parts)
    with _lock:
        if _state["stamp"] != stamp:
            _kept.clear()
            _state["stamp"] = stamp
        query = _kept.get(key)
        if query is not None:
            _kept.move_to_end(key)
    if query is None:
        query = KeptQuery(build())
        with _lock:
            if _state["stamp"] == stamp:
                _kept[key] = query
                if len(_kept) > KEPT:
                    _kept.popitem(last=False)
    return query.bind(values or {})


def bounds(name, field, values):
    """``Bound`` expressions for the items of ``values`` (``name0``, ``name1``…), and the
    values to run them with: for an ``__in`` filter whose length is part of the key."""
    values = list(values)
    names = [f"{name}{index}" for index in range(len(values))]
    return [Bound(each, field) for each in names], dict(zip(names, values, strict=True))
