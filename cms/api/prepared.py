"""Loader queries compiled once and run again with other values (issue 11).

A cold list's batch loads (open calls, partners, cooperations, theme links) each build a
queryset through the content rules (visible, locale fallback, a call's fiche) and compile it:
Django's ORM spends more time there (3–6 ms for the open calls' correlated subqueries) than
PostgreSQL spends running it. The rules and their SQL do not change from one request to the
next; only the list of keys or ids does. ``run(build, args, **values)`` builds the queryset
with ``Slot``s in place of those lists (``cms.models.lookups.AnyOf``: one parameter whatever
their number), compiles it once per process, thread and content version, and runs its SQL with
the values given; rows are converted and shaped as Django's own iterables would (the values'
order of ``values_list``, its converters; model instances as ``ModelIterable`` builds them).

``args`` are everything else the SQL depends on (the locale, the restrictions, the day):
what a caller would otherwise pass to the queryset. The compiled queries live in a per-thread
store per content version (``per_version``), so a change that can alter a rule's SQL —
a new view restriction, a new locale — drops them all; the day is in the key of queries that
read it (deadlines).
"""

import threading
from collections import OrderedDict

from django.db import connections
from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query import ModelIterable, ValuesListIterable
from django.db.models.signals import post_init, pre_init
from modelcluster.models import ClusterableModel
from wagtail.models import Page

from cms.models.lookups import Slot, SlotParameter

from .cache import per_version

KEPT = 256  # compiled queries per thread (a few per list shape, locale and restriction)


class PreparedQuery:
    """A queryset's SQL, its parameters (``SlotParameter``s where values are given at each
    run), and how its rows become the queryset's own results."""

    def __init__(self, queryset):
        self.db = queryset.db
        self.model = queryset.model
        compiler = queryset.query.get_compiler(using=self.db)
        self.sql, params = compiler.as_sql()
        self.params = tuple(params)
        self.slots = [
            (index, param)
            for index, param in enumerate(self.params)
            if isinstance(param, SlotParameter)
        ]
        self.col_count = compiler.col_count if compiler.has_extra_select else None
        fields = [column[0] for column in compiler.select[0 : compiler.col_count]]
        self.converters = list(compiler.get_converters(fields).items())
        iterable = queryset._iterable_class
        if iterable is ValuesListIterable:  # the compiler selects in the values' order
            self.kind = "values_list"
        elif iterable is ModelIterable and not queryset._prefetch_related_lookups:
            klass_info = compiler.klass_info
            select = compiler.select
            if klass_info.get("related_klass_infos"):
                raise ValueError("select_related is not prepared")
            selected = klass_info["select_fields"]
            self.kind = "models"
            self.start, self.end = selected[0], selected[-1] + 1
            self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
            self.annotations = list(compiler.annotation_col_map.items())
            if queryset._known_related_objects:
                raise ValueError("known related objects are not prepared")
        else:
            raise ValueError(f"{iterable.__name__} is not prepared")

    def rows(self, values):
        """The rows for ``values`` ({slot name: list}), converted, as lists."""
        connection = connections[self.db]
        params = list(self.params)
        for index, slot in self.slots:
            params[index] = slot.value(values[slot.name], connection)
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.col_count is not None:
            rows = [row[: self.col_count] for row in rows]
        if not self.converters:
            return rows
        converted = []
        for row in rows:
            row = list(row)
            for position, (functions, expression) in self.converters:
                value = row[position]
                for convert in functions:
                    value = convert(value, expression, connection)
                row[position] = value
            converted.append(row)
        return converted

    def results(self, values):
        rows = self.rows(values)
        if self.kind == "values_list":
            return rows if not self.converters else [tuple(row) for row in rows]
        build = _builder(self.model, self.db, self.init_list)
        start, end, annotations = self.start, self.end, self.annotations
        objects = []
        for row in rows:
            obj = build(row[start:end])
            for name, position in annotations:
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects


# Constructors that add nothing to ``Model.__init__`` for a row read from the database (no
# keyword arguments, a primary key set): Wagtail's ``Page`` sets defaults for new pages
# only, modelcluster's ``ClusterableModel`` reads child relations from keyword arguments.
_PLAIN_INITS = {Model.__init__, ClusterableModel.__init__, Page.__init__}


def _sets_through_descriptor(attribute):
    """Whether ``Model.__init__``'s ``setattr`` of a field goes through a descriptor that
    does more than store the value: a foreign key id's (``ForeignKeyDeferredAttribute``)
    only drops a cached related object, which a new instance has none of."""
    return hasattr(attribute, "__set__") and type(attribute) is not ForeignKeyDeferredAttribute


def _builder(model, db, init_list):
    """``row -> model instance``, as ``model.from_db(db, init_list, row)`` builds it.

    When every concrete field is selected, no signal listens to the model's construction
    and its classes' constructors are the plain ones (``_PLAIN_INITS``), the instance is
    built as ``Model.__init__`` would — each value set through its field's descriptor when
    that descriptor defines ``__set__`` (countries, foreign keys, stream fields), written to
    the instance's dict otherwise — without the constructors' per-field loops (modelcluster
    scans every relation of the model for each instance): a third of a list's page models'
    cost. Otherwise, ``from_db`` itself."""
    concrete = [field.attname for field in model._meta.concrete_fields]
    plain = (
        init_list == concrete
        and not pre_init.has_listeners(model)
        and not post_init.has_listeners(model)
        and all(
            klass.__dict__["__init__"] in _PLAIN_INITS
            for klass in model.__mro__
            if "__init__" in klass.__dict__ and klass is not object
        )
    )
    if not plain:
        from_db = model.from_db
        return lambda row: from_db(db, init_list, row)
    through_descriptor = [
        (position, name)
        for position, name in enumerate(init_list)
        if _sets_through_descriptor(getattr(model, name, None))
    ]
    indirect = {position for position, _name in through_descriptor}
    direct = [position for position in range(len(init_list)) if position not in indirect]
    direct_names = [init_list[position] for position in direct]
    new = object.__new__

    def build(row):
        obj = new(model)
        state = obj._state = ModelState()
        obj.__dict__.update(zip(direct_names, [row[position] for position in direct], strict=True))
        for position, name in through_descriptor:
            setattr(obj, name, row[position])
        state.adding = False
        state.db = db
        return obj

    return build


class _Store(threading.local):
    def __init__(self):
        self.queries = OrderedDict()
        self.known = OrderedDict()


def _store():
    return per_version("prepared-queries", _Store)


def results(key, build):
    """The results of the queryset ``build()`` (no ``Slot``), its SQL compiled once per
    ``key``: a hashable naming everything the SQL depends on (module docstring)."""
    queries = _store().queries
    prepared = queries.get(key)
    if prepared is None:
        prepared = _keep(queries, key, PreparedQuery(build()))
    else:
        queries.move_to_end(key)
    return prepared.results({})


def known(key):
    """Whether ``remember(key)`` was said in this process, thread and content version."""
    return key in _store().known


def remember(key):
    known = _store().known
    known[key] = True
    if len(known) > KEPT:
        known.popitem(last=False)


def _keep(queries, key, prepared):
    queries[key] = prepared
    if len(queries) > KEPT:
        queries.popitem(last=False)
    return prepared


def run(build, args, **values):
    """The results of ``build(*args, **slots)`` (a queryset, each keyword a ``Slot``) for
    these ``values`` (lists), its SQL compiled once per ``build`` and ``args`` (hashable:
    everything else the SQL depends on, module docstring)."""
    queries = _store().queries
    key = (build, *args)
    prepared = queries.get(key)
    if prepared is None:
        slots = {name: Slot(name) for name in values}
        prepared = _keep(queries, key, PreparedQuery(build(*args, **slots)))
    else:
        queries.move_to_end(key)
    return prepared.results(values)
