"""Query limits, as GraphQL validation rules added to the standard ones.

The endpoint and the in-process runner both validate with ``validation_rules()``: the
standard rules first (graphene-django's ``validation_rules`` replaces them otherwise, letting
invalid queries through), then the depth and alias limits.
"""

from django.utils.translation import gettext
from graphql import GraphQLError, specified_rules
from graphql.language import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
)
from graphql.validation import ValidationRule

MAX_DEPTH = 10
MAX_ALIASES = 15
INTROSPECTION_ROOTS = {"__schema", "__type"}


def _selection_depth(node, fragments, visited):
    """Depth of the deepest field under ``node`` (fragments expanded, cycles cut)."""
    selection_set = getattr(node, "selection_set", None)
    if selection_set is None:
        return 0
    deepest = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value in INTROSPECTION_ROOTS:
                # Introspection is bounded by the schema, and GraphiQL's own query is deep.
                continue
            depth = 1 + _selection_depth(selection, fragments, visited)
        elif isinstance(selection, InlineFragmentNode):
            depth = _selection_depth(selection, fragments, visited)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is None or name in visited:
                continue
            depth = _selection_depth(fragment, fragments, visited | {name})
        else:  # pragma: no cover - graphql-core has no other selection kinds
            continue
        deepest = max(deepest, depth)
    return deepest


class MaxDepthRule(ValidationRule):
    def enter_operation_definition(self, node: OperationDefinitionNode, *_args):
        fragments = {
            definition.name.value: definition
            for definition in self.context.document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        depth = _selection_depth(node, fragments, frozenset())
        if depth > MAX_DEPTH:
            self.report_error(
                GraphQLError(
                    gettext("The query is %(depth)s levels deep; the limit is %(max)s.")
                    % {"depth": depth, "max": MAX_DEPTH},
                    node,
                )
            )


class MaxAliasesRule(ValidationRule):
    def __init__(self, context):
        super().__init__(context)
        self.count = 0
        self.reported = False

    def enter_field(self, node: FieldNode, *_args):
        if node.alias is None:
            return
        self.count += 1
        if self.count > MAX_ALIASES and not self.reported:
            self.reported = True
            self.report_error(
                GraphQLError(
                    gettext("The query uses more than %(max)s aliases.") % {"max": MAX_ALIASES},
                    node,
                )
            )


def validation_rules():
    return (*specified_rules, MaxDepthRule, MaxAliasesRule)
