"""How the public schema's operations are executed: graphql-core's algorithm, planned once
per operation instead of re-decided per field (issue 11).

A cold 100-fiche list completes ~3,000 fields; graphql-core's ``ExecutionContext`` decides
again for each of them what the field is (``get_field_def``), which arguments it has, which
resolver and middleware apply, and walks ``complete_value``'s chain of type tests (non-null?
list? leaf? abstract? object?) down to the scalar's ``serialize``: two thirds of the answer's
time. ``PlannedExecutionContext`` makes those decisions once per selection set and type of
the operation — a *plan*: for each field its definition, resolver (wrapped by the middleware,
if any), arguments when it takes none, and a *completer*, a function made for its return type
(``String!``: a ``str`` is returned as is; ``[Theme!]!``: a list whose items go straight to
the object's plan) — then runs the plans.

What stays graphql-core's, unchanged: the order of execution, resolvers' arguments and
``info`` (built per field, path included), every error (a resolver's exception located at
its path, null propagated up to the nearest nullable field, the same messages: whatever is
not a plain case — a value that needs coercing, an enum, a custom scalar, an abstract type,
an ``is_type_of`` check, an iterable that is not a list — goes to graphql-core's own
``complete_value``). Execution is synchronous, as ``execute_sync`` assumes: the schema's
resolvers all are (Django's ORM), so no result is looked at as a possible awaitable.
"""

from math import isfinite

from graphql import (
    GraphQLBoolean,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLString,
    located_error,
)
from graphql.execution import ExecutionContext
from graphql.execution.execute import assume_not_awaitable, get_field_def
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path

from .cache import one_version_per_request

MIN_INT = -(2**31)
MAX_INT = 2**31 - 1

# NamedTuples built without their generated ``__new__`` (one Python call fewer per field).
_new_tuple = tuple.__new__


# Built-in scalars: a value of these exact Python types is what the scalar's ``serialize``
# returns unchanged (graphql-core's serialize_string, serialize_int…); anything else goes
# through ``serialize`` itself.
PLAIN_SCALARS = {
    GraphQLString: str,
    GraphQLID: str,
    GraphQLInt: int,
    GraphQLFloat: float,
    GraphQLBoolean: bool,
}


class PlannedExecutionContext(ExecutionContext):
    """graphql-core's execution, with a plan per selection set and type (module docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_awaitable = assume_not_awaitable
        self._plans = {}
        self._completers = {}

    def execute_operation(self, operation, root_value):
        """The operation, every cached part it reads under one content version (read once:
        the endpoint's middleware pins it for the request already; the in-process runner and
        the bench do not)."""
        with one_version_per_request():
            return super().execute_operation(operation, root_value)

    # --- running the plans ----------------------------------------------------------------

    def execute_fields(self, parent_type, source_value, path, fields):
        key = (id(parent_type), id(fields))
        kept = self._plans.get(key)
        if kept is None or kept[0] is not fields:
            kept = (fields, self._plan(parent_type, fields))
            self._plans[key] = kept
        results = {}
        type_name = parent_type.name
        schema, fragments, root_value = self.schema, self.fragments, self.root_value
        operation, variable_values = self.operation, self.variable_values
        context_value, is_awaitable = self.context_value, self.is_awaitable
        for response_name, field_name, field_nodes, field_def, resolve, args, complete in kept[1]:
            field_path = _new_tuple(Path, (path, response_name, type_name))
            info = _new_tuple(
                GraphQLResolveInfo,
                (
                    field_name,
                    field_nodes,
                    field_def.type,
                    parent_type,
                    field_path,
                    schema,
                    fragments,
                    root_value,
                    operation,
                    variable_values,
                    context_value,
                    is_awaitable,
                ),
            )
            try:
                if args is None:
                    result = resolve(
                        source_value,
                        info,
                        **get_argument_values(field_def, field_nodes[0], variable_values),
                    )
                else:
                    result = resolve(source_value, info)
                results[response_name] = complete(field_nodes, info, field_path, result)
            except Exception as raw_error:
                error = located_error(raw_error, field_nodes, field_path.as_list())
                self.handle_field_error(error, field_def.type, field_path)
                results[response_name] = None
        return results

    # --- making them ------------------------------------------------------------------------

    def _plan(self, parent_type, fields):
        """(response name, field name, nodes, definition, resolver, args, completer) for each
        field of a selection set of ``parent_type``, in order; args None: read per call."""
        plan = []
        for response_name, field_nodes in fields.items():
            field_def = get_field_def(self.schema, parent_type, field_nodes[0])
            if not field_def:
                continue  # as graphql-core: a field the type does not have is left out
            resolve = field_def.resolve or self.field_resolver
            if self.middleware_manager:
                resolve = self.middleware_manager.get_field_resolver(resolve)
            args = {} if not field_def.args else None
            plan.append(
                (
                    response_name,
                    field_nodes[0].name.value,
                    field_nodes,
                    field_def,
                    resolve,
                    args,
                    self._completer(field_def.type),
                )
            )
        return plan

    def _completer(self, return_type):
        key = id(return_type)
        kept = self._completers.get(key)
        if kept is None or kept[0] is not return_type:
            kept = (return_type, self._make_completer(return_type))
            self._completers[key] = kept
        return kept[1]

    def _generic(self, return_type):
        """graphql-core's own completion of ``return_type``."""
        complete_value = ExecutionContext.complete_value

        def complete(field_nodes, info, path, result):
            return complete_value(self, return_type, field_nodes, info, path, result)

        return complete

    def _make_completer(self, return_type):
        generic = self._generic(return_type)
        required = isinstance(return_type, GraphQLNonNull)
        named = return_type.of_type if required else return_type

        plain_type = PLAIN_SCALARS.get(named)
        if plain_type is not None:
            return _leaf_completer(named, plain_type, generic)

        if isinstance(named, GraphQLList):
            return self._list_completer(named, required, generic)

        if isinstance(named, GraphQLObjectType) and named.is_type_of is None:
            return self._object_completer(named, required, generic)

        return generic  # enums, custom scalars, interfaces, unions, is_type_of checks

    def _list_completer(self, list_type, required, generic):
        item_type = list_type.of_type
        complete_item = self._completer(item_type)
        handle_field_error = self.handle_field_error

        def complete_list(field_nodes, info, path, result):
            if type(result) is not list:
                return generic(field_nodes, info, path, result)
            completed = []
            append = completed.append
            for index, item in enumerate(result):
                item_path = _new_tuple(Path, (path, index, None))
                try:
                    append(complete_item(field_nodes, info, item_path, item))
                except Exception as raw_error:
                    error = located_error(raw_error, field_nodes, item_path.as_list())
                    handle_field_error(error, item_type, item_path)
                    append(None)
            return completed

        return complete_list

    def _object_completer(self, object_type, required, generic):
        execute_fields = self.execute_fields
        collect_subfields = self.collect_subfields
        last = [None, None]  # the nodes last completed (a list's items share them) and fields

        def complete_object(field_nodes, info, path, result):
            if result is None or isinstance(result, Exception):
                return generic(field_nodes, info, path, result)
            if field_nodes is last[0]:
                sub_fields = last[1]
            else:
                sub_fields = collect_subfields(object_type, field_nodes)
                last[0], last[1] = field_nodes, sub_fields
            return execute_fields(object_type, result, path, sub_fields)

        return complete_object


def _leaf_completer(scalar, plain_type, generic):
    """A built-in scalar's completer: a value of ``plain_type`` is returned as it is (what
    ``serialize`` would return), the rest completed by graphql-core."""
    if plain_type is int:

        def complete_int(field_nodes, info, path, result):
            if type(result) is int and MIN_INT <= result <= MAX_INT:
                return result
            return generic(field_nodes, info, path, result)

        return complete_int
    if plain_type is float:

        def complete_float(field_nodes, info, path, result):
            if type(result) is float and isfinite(result):
                return result
            return generic(field_nodes, info, path, result)

        return complete_float

    def complete_plain(field_nodes, info, path, result):
        if type(result) is plain_type:
            return result
        return generic(field_nodes, info, path, result)

    return complete_plain
