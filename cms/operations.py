"""The in-process runner that feeds page templates: named operations from graphql/pages/.

A public page's template receives the data of one GraphQL operation executed in-process
against the schema partners use (cms.api), so anything a visitor sees a partner can query,
and every page render exercises the schema. Documents are parsed and validated once per
process, with the endpoint's own rules (cms.api.validation), then only executed.

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
from django.http import Http404
from django.utils import translation
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
    from cms.api.schema import schema  # cms.api imports the models, which import this module
    from cms.api.validation import validation_rules

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

    def __init__(self, request=None, preview=None):
        from cms.api.scope import ApiScope

        self.request = request
        self._api_scope = ApiScope(request, preview=preview)


def run(name, variables=None, *, request=None, preview=None):
    """The data of the operation ``name`` (raises OperationError on any GraphQL error)."""
    from cms.api.schema import schema

    try:
        document = operations()[name]
    except KeyError:
        raise OperationError(f"No operation named {name} in graphql/pages/.") from None
    result = execute_sync(
        schema.graphql_schema,
        document,
        variable_values=variables or {},
        context_value=OperationContext(request, preview),
        operation_name=name,
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


def suggestions_wanted(page, request):
    """Partner suggestions start from a published, public page's id: not in previews (the
    draft may differ from what the public API knows) nor before the first publication."""
    if page.pk is None or not page.live or is_preview(request):
        return False
    # A private fiche is answered 404 by its root field; asking for its suggestions would
    # be an error instead (the public API does not know it).
    return not page.get_view_restrictions().exists()


class OperationPageMixin:
    """A page whose template context is the data of the operation ``operation_name``.

    ``root_field``: the data key holding the page's own item; when the public schema does
    not serve it (e.g. the page sits in a private section), the page answers 404.
    In a Wagtail preview the page instance (the draft being edited) stands in for the
    published item, so editors see their changes through the same operation.
    """

    operation_name = ""
    root_field = None

    def run_operation(self, request, name=None, **variables):
        variables.setdefault("locale", translation.get_language() or settings.LANGUAGE_CODE)
        preview = self if is_preview(request) else None
        return run(name or self.operation_name, variables, request=request, preview=preview)

    def operation_variables(self, request):
        return {"id": self.pk}

    def context_from_data(self, data, request):
        """Template variables from the operation's data; pages override it to reshape."""
        return data

    def operation_context(self, request):
        """Template variables from this page's operation (directories override it)."""
        data = self.run_operation(request, **self.operation_variables(request))
        if self.root_field and data.get(self.root_field) is None:
            raise Http404
        return self.context_from_data(data, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.operation_context(request))
        return context
