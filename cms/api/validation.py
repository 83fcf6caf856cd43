"""Query limits, checked before the standard GraphQL validation and before anything runs.

The endpoint and the in-process runner both validate with ``validation_rules()``: the limits
first, then the standard rules (graphene-django's ``validation_rules`` replaces them
otherwise, letting invalid queries through).

The limits are measured in one pass over the document in which each fragment is measured
once, whatever the number of its spreads: the work is linear in the size of the text, so a
small document spreading fragments into one another cannot cost more than a large one. A
document over a limit is refused at once, without running the standard rules (some of them,
such as the check that same-named fields can be merged, are quadratic in the number of
fields).

- depth: nesting of fields, fragments expanded (``MAX_DEPTH``);
- aliases: aliased fields written in the document (``MAX_ALIASES``);
- fields: fields the query selects, fragments expanded (``MAX_FIELDS``);
- cost: the values the query may return: each field counts 1, times the size of the lists
  around it; a list's size is its ``perPage`` or ``limit`` argument (or that of the field
  holding it), their default otherwise, and ``DEFAULT_LIST_SIZE`` for the other lists
  (``MAX_COST``);
- string arguments: at most ``MAX_SEARCH_LENGTH`` characters for words to look for,
  ``MAX_ID_LENGTH`` for ids and ``MAX_STRING_LENGTH`` for the other strings (codes, slugs),
  and no NUL character. Literal values are checked here; variables' values, unknown to
  validation, by ``LimitedExecutionContext`` before anything is resolved.

Introspection (``__schema``, ``__type``) is bounded by the schema, so it is left out of the
depth, field and cost counts (GraphiQL's own query is deep), but it may not nest lists of
types into lists of types more than ``MAX_INTROSPECTION_DEPTH`` times (``__Type.fields``
leads back to types: unbounded, that nesting grows exponentially). graphql-core 3.3 has
the same rule (MaxIntrospectionDepthRule, from graphql-js); 3.2 does not.
"""

from django.utils.translation import gettext
from graphql import (
    GraphQLError,
    GraphQLNonNull,
    get_named_type,
    is_list_type,
    specified_rules,
)
from graphql.language import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    OperationType,
    StringValueNode,
    VariableNode,
)
from graphql.validation import ValidationRule
from graphql.validation.validate import ValidationAbortedError

from cms.api.execution import PlannedExecutionContext
from cms.api.pagination import DEFAULT_PER_PAGE, MAX_PER_PAGE

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_FIELDS = 300
MAX_COST = 25_000
DEFAULT_LIST_SIZE = DEFAULT_PER_PAGE
MAX_SEARCH_LENGTH = 200
MAX_ID_LENGTH = 40
MAX_STRING_LENGTH = 255  # the longest slug Wagtail stores
MAX_INTROSPECTION_DEPTH = 2

INTROSPECTION_ROOTS = {"__schema", "__type"}
# Arguments holding words to look for (any field): MAX_SEARCH_LENGTH.
SEARCH_ARGUMENTS = {"search", "query"}
# Arguments giving the size of the list a field returns, or of the lists directly in it.
LIST_SIZE_ARGUMENTS = ("perPage", "limit")
# Introspection fields returning lists of types or fields (see the module docstring).
INTROSPECTION_LISTS = {"fields", "interfaces", "possibleTypes", "inputFields"}
# A value beyond any sensible size: keeps the arithmetic on small numbers.
_HUGE = 10**9


class _Measure:
    """Depth, fields, cost and introspection nesting of a selection set."""

    __slots__ = ("cost", "depth", "fields", "introspection")

    def __init__(self, depth=0, fields=0, cost=0, introspection=0):
        self.depth, self.fields, self.cost, self.introspection = (
            depth,
            fields,
            cost,
            introspection,
        )


def _unwrap_non_null(type_):
    return type_.of_type if isinstance(type_, GraphQLNonNull) else type_


def _field_definition(parent_type, name):
    fields = getattr(parent_type, "fields", None)
    if fields is None:
        return None
    return fields.get(name)


class _Document:
    """One document's fragments, operations and the measures of its fragments (memoised)."""

    def __init__(self, schema, document):
        self.schema = schema
        self.fragments = {}
        self.operations = []
        for definition in document.definitions:
            if isinstance(definition, FragmentDefinitionNode):
                self.fragments.setdefault(definition.name.value, definition)
            elif isinstance(definition, OperationDefinitionNode):
                self.operations.append(definition)
        self.memo = {}
        self.in_progress = set()
        self.field_info = {}
        self.string_errors = {}  # id of an argument node: its error (each reported once)

    # --- list sizes ---------------------------------------------------------------------

    def _int_argument(self, node, field_def, name, variable_defaults):
        argument = next((a for a in node.arguments or () if a.name.value == name), None)
        if argument is None:
            definition = field_def.args.get(name)
            default = getattr(definition, "default_value", None)
            return default if isinstance(default, int) else None
        value = argument.value
        if isinstance(value, IntValueNode):
            return int(value.value)
        if isinstance(value, VariableNode):
            default = variable_defaults.get(value.name.value)
            if isinstance(default, IntValueNode):
                return int(default.value)
            return MAX_PER_PAGE  # unknown until execution: the largest page
        return None

    def _size_argument(self, node, field_def, variable_defaults):
        if field_def is None:
            return None
        for name in LIST_SIZE_ARGUMENTS:
            if name in field_def.args:
                size = self._int_argument(node, field_def, name, variable_defaults)
                if size is not None:
                    return max(1, min(size, _HUGE))
        return None

    # --- measures -------------------------------------------------------------------------

    def measure(self, selection_set, parent_type, page_size, variable_defaults):
        total = _Measure()
        if selection_set is None:
            return total
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                part = self._measure_field(selection, parent_type, page_size, variable_defaults)
            elif isinstance(selection, InlineFragmentNode):
                type_ = parent_type
                if selection.type_condition is not None:
                    type_ = self.schema.get_type(selection.type_condition.name.value)
                part = self.measure(selection.selection_set, type_, page_size, variable_defaults)
            elif isinstance(selection, FragmentSpreadNode):
                part = self._measure_spread(selection.name.value, page_size)
            else:  # pragma: no cover - graphql-core has no other selection kinds
                continue
            total.depth = max(total.depth, part.depth)
            total.introspection = max(total.introspection, part.introspection)
            total.fields = min(total.fields + part.fields, _HUGE)
            total.cost = min(total.cost + part.cost, _HUGE)
        return total

    def _measure_spread(self, name, page_size):
        fragment = self.fragments.get(name)
        key = (name, page_size)
        if fragment is None or key in self.in_progress:
            return _Measure()  # unknown fragments and cycles: the standard rules report them
        if key not in self.memo:
            self.in_progress.add(key)
            type_ = self.schema.get_type(fragment.type_condition.name.value)
            # Measured once for every operation: a variable's default is not known here.
            self.memo[key] = self.measure(fragment.selection_set, type_, page_size, {})
            self.in_progress.discard(key)
        return self.memo[key]

    def _field(self, parent_type, name):
        """(definition, returns a list, type of its fields) of a field, None if unknown."""
        key = (getattr(parent_type, "name", None), name)
        if key not in self.field_info:
            field_def = _field_definition(parent_type, name)
            if field_def is None:
                self.field_info[key] = (None, False, None)
            else:
                self.field_info[key] = (
                    field_def,
                    is_list_type(_unwrap_non_null(field_def.type)),
                    get_named_type(field_def.type),
                )
        return self.field_info[key]

    def _check_literals(self, node, field_def):
        for argument in node.arguments:
            definition = field_def.args.get(argument.name.value)
            if definition is None or id(argument) in self.string_errors:
                continue
            name = argument.name.value
            limit = argument_limit(name, definition.type)
            literal = _literal(argument.value)
            if limit is not None and literal is not None:
                error = string_error(name, literal, limit, argument.value)
                if error is not None:
                    self.string_errors[id(argument)] = error

    def _measure_field(self, node, parent_type, page_size, variable_defaults):
        name = node.name.value
        if name in INTROSPECTION_ROOTS:
            type_ = self.schema.get_type("__Schema" if name == "__schema" else "__Type")
            inner = self.measure(node.selection_set, type_, None, variable_defaults)
            return _Measure(introspection=inner.introspection)
        field_def, returns_list, child_type = self._field(parent_type, name)
        own_size = None
        if field_def is not None and field_def.args:
            if node.arguments:
                self._check_literals(node, field_def)
            own_size = self._size_argument(node, field_def, variable_defaults)
        multiplier = 1
        if returns_list:
            multiplier = own_size or page_size or DEFAULT_LIST_SIZE
            children_page_size = None
        else:
            children_page_size = own_size
        inner = self.measure(node.selection_set, child_type, children_page_size, variable_defaults)
        introspection = inner.introspection
        if name in INTROSPECTION_LISTS and getattr(parent_type, "name", "").startswith("__"):
            introspection += 1
        return _Measure(
            depth=1 + inner.depth,
            fields=min(1 + inner.fields, _HUGE),
            cost=min(1 + multiplier * inner.cost, _HUGE),
            introspection=introspection,
        )

    def root_type(self, operation):
        if operation.operation == OperationType.QUERY:
            return self.schema.query_type
        if operation.operation == OperationType.MUTATION:
            return self.schema.mutation_type
        return self.schema.subscription_type

    def operation_measure(self, operation):
        defaults = {
            definition.variable.name.value: definition.default_value
            for definition in operation.variable_definitions or ()
        }
        return self.measure(operation.selection_set, self.root_type(operation), None, defaults)


# --- string arguments ----------------------------------------------------------------------


def argument_limit(name, type_):
    """The maximum length of the string argument ``name`` of type ``type_`` (None: no limit)."""
    named = get_named_type(type_)
    if named is None:
        return None
    if named.name == "ID":
        return MAX_ID_LENGTH
    if named.name == "String":
        return MAX_SEARCH_LENGTH if name in SEARCH_ARGUMENTS else MAX_STRING_LENGTH
    return None


def string_error(name, value, limit, node=None):
    """An error when ``value`` (a string or a list of them) breaks the argument's limits."""
    values = value if isinstance(value, (list, tuple)) else [value]
    for item in values:
        if not isinstance(item, str):
            continue
        if len(item) > limit:
            return GraphQLError(
                gettext("The argument “%(name)s” is longer than %(max)s characters.")
                % {"name": name, "max": limit},
                node,
            )
        if "\x00" in item:
            return GraphQLError(
                gettext("The argument “%(name)s” contains a NUL character.") % {"name": name},
                node,
            )
    return None


def _arguments(schema, document, operation):
    """(name, type, value node) of every field argument ``operation`` selects, fragments once."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    seen = set()
    pending = [(operation.selection_set, schema.get_root_type(operation.operation))]
    while pending:
        selection_set, parent_type = pending.pop()
        if selection_set is None:
            continue
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                field_def = _field_definition(parent_type, selection.name.value)
                if field_def is None:
                    continue
                for argument in selection.arguments or ():
                    definition = field_def.args.get(argument.name.value)
                    if definition is not None:
                        yield argument.name.value, definition.type, argument.value
                pending.append((selection.selection_set, get_named_type(field_def.type)))
            elif isinstance(selection, InlineFragmentNode):
                type_ = parent_type
                if selection.type_condition is not None:
                    type_ = schema.get_type(selection.type_condition.name.value)
                pending.append((selection.selection_set, type_))
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is not None and name not in seen:
                    seen.add(name)
                    type_ = schema.get_type(fragment.type_condition.name.value)
                    pending.append((fragment.selection_set, type_))


def _literal(value):
    if isinstance(value, StringValueNode):
        return value.value
    if isinstance(value, ListValueNode):
        return [item.value for item in value.values if isinstance(item, StringValueNode)]
    return None


def variable_errors(schema, document, variables, operation_name=None):
    """Errors for the values of ``variables`` given to string arguments beyond their limits.

    Run after validation (the document is valid), before execution.
    """
    if not isinstance(variables, dict) or not variables:
        return []
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1:
        return []  # execution reports the missing or ambiguous operation
    errors = []
    reported = set()
    for name, type_, value in _arguments(schema, document, operations[0]):
        if not isinstance(value, VariableNode) or value.name.value in reported:
            continue
        limit = argument_limit(name, type_)
        if limit is None:
            continue
        error = string_error(name, variables.get(value.name.value), limit, value)
        if error is not None:
            reported.add(value.name.value)
            errors.append(error)
    return errors


# --- the rule ------------------------------------------------------------------------------


def _count_aliases(document):
    count = 0
    pending = [d.selection_set for d in document.definitions if hasattr(d, "selection_set")]
    while pending:
        selection_set = pending.pop()
        if selection_set is None:
            continue
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode) and selection.alias is not None:
                count += 1
            pending.append(getattr(selection, "selection_set", None))
    return count


def limit_errors(schema, document):
    """The limits ``document`` exceeds, as GraphQL errors (empty: within every limit)."""
    helper = _Document(schema, document)
    errors = []
    for operation in helper.operations:
        measure = helper.operation_measure(operation)
        if measure.depth > MAX_DEPTH:
            errors.append(
                GraphQLError(
                    gettext("The query is %(depth)s levels deep; the limit is %(max)s.")
                    % {"depth": measure.depth, "max": MAX_DEPTH},
                    operation,
                )
            )
        if measure.fields > MAX_FIELDS:
            errors.append(
                GraphQLError(
                    gettext("The query selects more than %(max)s fields.") % {"max": MAX_FIELDS},
                    operation,
                )
            )
        if measure.cost > MAX_COST:
            errors.append(
                GraphQLError(
                    gettext(
                        "The query may return more than %(max)s values (its cost); ask for "
                        "smaller pages or fewer fields."
                    )
                    % {"max": MAX_COST},
                    operation,
                )
            )
        if measure.introspection > MAX_INTROSPECTION_DEPTH:
            errors.append(
                GraphQLError(
                    gettext("The introspection query nests types more than %(max)s times.")
                    % {"max": MAX_INTROSPECTION_DEPTH},
                    operation,
                )
            )
    if _count_aliases(document) > MAX_ALIASES:
        errors.append(
            GraphQLError(
                gettext("The query uses more than %(max)s aliases.") % {"max": MAX_ALIASES}
            )
        )
    errors.extend(helper.string_errors.values())
    return errors


class QueryLimitsRule(ValidationRule):
    """Refuses a document over a limit before the standard rules look at it."""

    def enter_document(self, node, *_args):
        errors = limit_errors(self.context.schema, node)
        if not errors:
            return self.SKIP
        for error in errors[:-1]:
            self.report_error(error)
        last = errors[-1]
        # Stops the validation (graphql-core's own way, used for its error limit): the
        # standard rules do not spend time on a document that is refused anyway.
        raise ValidationAbortedError(last.message, last.nodes)


class LimitedExecutionContext(PlannedExecutionContext):
    """Execution (planned: ``cms.api.execution``) that first checks the variables' values
    against the string limits.

    graphql-core's hook between validation and execution: the values are known, no resolver
    has run. Pass it as ``execution_context_class`` to ``execute``.
    """

    @classmethod
    def build(
        cls,
        schema,
        document,
        root_value=None,
        context_value=None,
        raw_variable_values=None,
        operation_name=None,
        *args,
        **kwargs,
    ):
        errors = variable_errors(schema, document, raw_variable_values, operation_name)
        if errors:
            return errors
        return super().build(
            schema,
            document,
            root_value,
            context_value,
            raw_variable_values,
            operation_name,
            *args,
            **kwargs,
        )


def validation_rules():
    return (QueryLimitsRule, *specified_rules)
