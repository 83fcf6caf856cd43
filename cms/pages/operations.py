"""The in-process runner that feeds page templates: named operations from graphql/pages/.

A public page's template receives the data of one GraphQL operation executed in-process
against the schema partners use (graphene-django's ``GRAPHENE["SCHEMA"]`` setting: cms.api),
so anything a visitor sees a partner can query, and every page render exercises the schema.
Documents are parsed and validated once per process, with the endpoint's own rules
(cms.api.validation), then only executed.

graphql/pages/ holds one document per page type, each with one named operation, plus
``fragments.graphql``: fragments shared by several pages, appended to each document that
spreads them.

Any GraphQL error raises ``OperationError``: tests fail loudly, and in production Django logs
it and answers with the 500 page, never with a half-empty page. Visitor input (filters,
page numbers, search words) is validated by forms before it reaches an operation.
"""

import functools
from pathlib import Path

from django.conf import settings
from graphene_django.settings import graphene_settings
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    Visitor,
    execute_sync,
    parse,
    validate,
    visit,
)

from cms.api.execution import PlannedExecutionContext
from cms.api.scope import ApiScope
from cms.api.validation import validation_rules

OPERATIONS_DIR = Path(settings.BASE_DIR) / "graphql" / "pages"
FRAGMENTS_FILE = "fragments.graphql"


class OperationError(RuntimeError):
    """A page operation is invalid or failed: a bug in the portal, never the visitor's fault."""


# --- loading (once per process) -------------------------------------------------------------


class _SpreadCollector(Visitor):
    def __init__(self):
        super().__init__()
        self.names = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_args):
        self.names.add(node.name.value)


def _spreads(node):
    collector = _SpreadCollector()
    visit(node, collector)
    return collector.names


def with_shared_fragments(document, fragments):
    """``document`` plus the shared fragments it spreads, directly or through other ones."""
    own = {d.name.value for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    needed, pending = {}, _spreads(document) - own
    while pending:
        name = pending.pop()
        if name in needed or name not in fragments:
            continue  # unknown names are left for validation to report
        needed[name] = fragments[name]
        pending |= _spreads(fragments[name]) - own
    return DocumentNode(definitions=(*document.definitions, *needed.values()))


def _operation_name(document, source):
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or operations[0].name is None:
        raise OperationError(f"{source}: write exactly one named operation per document.")
    return operations[0].name.value


def load_operations(directory=OPERATIONS_DIR):
    """{operation name: parsed and validated document} for every document in ``directory``."""
    schema = graphene_settings.SCHEMA
    fragments_path = Path(directory) / FRAGMENTS_FILE
    fragments = {}
    if fragments_path.exists():
        for definition in parse(fragments_path.read_text()).definitions:
            fragments[definition.name.value] = definition
    operations = {}
    for path in sorted(Path(directory).glob("*.graphql")):
        if path.name == FRAGMENTS_FILE:
            continue
        document = parse(path.read_text())
        name = _operation_name(document, path.name)
        document = with_shared_fragments(document, fragments)
        errors = validate(schema.graphql_schema, document, rules=validation_rules())
        if errors:
            raise OperationError(f"{path.name}: " + " ".join(error.message for error in errors))
        if name in operations:
            raise OperationError(f"{path.name}: another document already names {name}.")
        operations[name] = document
    return operations


@functools.cache
def operations():
    return load_operations()


# --- execution ------------------------------------------------------------------------------


class OperationContext:
    """``info.context`` of an in-process run: the request and the API scope resolvers share.

    ``preview`` is the draft an editor previews in the Wagtail admin: the root resolvers
    serve it instead of the published item (see cms.api.scope.ApiScope.preview_of).
    """

    def __init__(self, request=None, preview=None, unlocked=None):
        self.request = request
        self._api_scope = ApiScope(request, preview=preview, unlocked=unlocked)


def run(name, variables=None, *, request=None, preview=None, unlocked=None):
    """The data of the operation ``name`` (raises OperationError on any GraphQL error)."""
    try:
        document = operations()[name]
    except KeyError:
        raise OperationError(f"No operation named {name} in graphql/pages/.") from None
    result = execute_sync(
        graphene_settings.SCHEMA.graphql_schema,
        document,
        variable_values=variables or {},
        context_value=OperationContext(request, preview, unlocked),
        operation_name=name,
        execution_context_class=PlannedExecutionContext,
    )
    if result.errors:
        first = result.errors[0]
        message = f"{name}: " + " ".join(error.message for error in result.errors)
        raise OperationError(message) from (first.original_error or first)
    return result.data


def is_preview(request):
    # Wagtail sets the flag on the requests it builds for its admin preview only; Page.serve
    # clears it for public requests.
    return bool(getattr(request, "is_preview", False))
