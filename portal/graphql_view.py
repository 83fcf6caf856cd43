"""The public GraphQL endpoint: graphene-django's view with the portal's protections.

- a request body over MAX_BODY_SIZE bytes is refused before it is read, a query text over
  MAX_QUERY_LENGTH characters before it is parsed; a body that is not valid UTF-8 or JSON,
  nests too deeply, or holds a query or variables of the wrong type is a GraphQL error
  (status 400), never a server error;
- validation: the query limits (depth, aliases, fields, cost, literal string arguments),
  then the standard GraphQL rules (cms.api.validation); a document that passed them is kept
  parsed and validated per process (cms.api.documents), not parsed again;
- the variables' values given to string arguments are checked against the same limits
  before anything is resolved (cms.api.validation.LimitedExecutionContext);
- argument limits (perPage, order, filters) are checked by the resolvers and reported as
  GraphQL errors with a readable message;
- unexpected exceptions are logged and reported without internals;
- read only and cookie-less (no CSRF cookie, no Vary: Cookie), so no CSRF token is needed,
  and open to every origin (CORS, without credentials): partners call it from anywhere,
  including a web page of their own.
"""

import inspect
import logging
from functools import wraps

from django.core.exceptions import RequestDataTooBig
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.gzip import gzip_page
from graphene_django.settings import graphene_settings
from graphene_django.views import MUTATION_ERRORS_FLAG, GraphQLView, HttpError
from graphql import (
    ExecutionResult,
    GraphQLError,
    execute,
    parse,
    specified_rules,
    validate,
    validate_schema,
)
from graphql.language import OperationType
from graphql.utilities import get_operation_ast

from cms.api.documents import documents
from cms.api.querysets import InvalidFilter
from cms.api.results import kept_answer
from cms.api.schema import schema
from cms.api.validation import LimitedExecutionContext, validation_rules
from portal.map import compressed_widget_answer

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 20_000
# The largest query text, JSON-encoded, with room for its variables (each string argument
# is itself limited, see cms.api.validation).
MAX_BODY_SIZE = 100_000
CORS_ALLOWED_HEADERS = "Accept, Accept-Language, Content-Language, Content-Type"
CORS_MAX_AGE = 24 * 3600


def client_error(message, status=400):
    """An HttpError graphene-django's view answers as ``{"errors": [{"message": …}]}``."""
    return HttpError(HttpResponse(status=status), message)


def body_too_large():
    return client_error(
        gettext("The request body is larger than %(max)s bytes.") % {"max": MAX_BODY_SIZE},
        status=413,
    )


class PublicGraphQLView(GraphQLView):
    graphiql_template = "portal/graphiql.html"

    def dispatch(self, request, *args, **kwargs):
        # graphene-django decorates its dispatch with ensure_csrf_cookie, which sets a
        # csrftoken cookie (and Vary: Cookie) on every answer; the endpoint needs none.
        return inspect.unwrap(GraphQLView.dispatch)(self, request, *args, **kwargs)

    def parse_body(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY_SIZE:
            raise body_too_large()
        try:
            data = super().parse_body(request)
        except RequestDataTooBig:
            raise body_too_large() from None
        except UnicodeDecodeError:
            raise client_error(gettext("The request body is not valid UTF-8.")) from None
        except RecursionError:
            raise client_error(gettext("The request body is nested too deeply.")) from None
        return data

    def execute_graphql_request(self, request, data, query, variables, *args, **kwargs):
        if query is not None and not isinstance(query, str):
            return ExecutionResult(
                data=None, errors=[GraphQLError(gettext("The query must be a string."))]
            )
        if query and len(query) > MAX_QUERY_LENGTH:
            message = gettext("The query is longer than %(max)s characters.") % {
                "max": MAX_QUERY_LENGTH
            }
            return ExecutionResult(data=None, errors=[GraphQLError(message)])
        if variables is not None and not isinstance(variables, dict):
            return ExecutionResult(
                data=None, errors=[GraphQLError(gettext("The variables must be a JSON object."))]
            )
        # The answers of the public lists are kept per content version (cms.api.results).
        return kept_answer(
            request,
            query,
            variables,
            args[0] if args else kwargs.get("operation_name"),
            lambda: self._execute_graphql_request(request, data, query, variables, *args, **kwargs),
        )

    def _execute_graphql_request(
        self, request, data, query, variables, operation_name, show_graphiql=False
    ):
        """graphene-django's ``execute_graphql_request``, step by step, with the document
        parsed and validated once per process (``cms.api.documents``)."""
        if not query:
            if show_graphiql:
                return None
            raise HttpError(HttpResponseBadRequest("Must provide query string."))

        schema = self.schema.graphql_schema
        schema_validation_errors = validate_schema(schema)
        if schema_validation_errors:
            return ExecutionResult(data=None, errors=schema_validation_errors)

        rules = self.validation_rules or specified_rules
        document = documents.get(schema, query, rules)
        validated = document is not None
        if not validated:
            try:
                document = parse(query)
            except Exception as e:
                return ExecutionResult(errors=[e])

        operation_ast = get_operation_ast(document, operation_name)

        if (
            request.method.lower() == "get"
            and operation_ast is not None
            and operation_ast.operation != OperationType.QUERY
        ):
            if show_graphiql:
                return None
            kind = operation_ast.operation.value  # graphene-django's own message
            raise HttpError(
                HttpResponseNotAllowed(
                    ["POST"],
                    f"Can only perform a {kind} operation from a POST request.",
                )
            )

        if not validated:
            validation_errors = validate(
                schema, document, rules, graphene_settings.MAX_VALIDATION_ERRORS
            )
            if validation_errors:
                return ExecutionResult(data=None, errors=validation_errors)
            documents.put(schema, query, rules, document)

        try:
            execute_options = {
                "root_value": self.get_root_value(request),
                "context_value": self.get_context(request),
                "variable_values": variables,
                "operation_name": operation_name,
                "middleware": self.get_middleware(request),
            }
            if self.execution_context_class:
                execute_options["execution_context_class"] = self.execution_context_class

            if (
                operation_ast is not None
                and operation_ast.operation == OperationType.MUTATION
                and (
                    graphene_settings.ATOMIC_MUTATIONS is True
                    or connection.settings_dict.get("ATOMIC_MUTATIONS", False) is True
                )
            ):
                with transaction.atomic():
                    result = execute(schema, document, **execute_options)
                    if getattr(request, MUTATION_ERRORS_FLAG, False) is True:
                        transaction.set_rollback(True)
                return result

            return execute(schema, document, **execute_options)
        except Exception as e:
            return ExecutionResult(errors=[e])

    @staticmethod
    def format_error(error):
        original = getattr(error, "original_error", None)
        if original is not None and not isinstance(original, (InvalidFilter, GraphQLError)):
            logger.error("GraphQL resolver failed", exc_info=original)
            masked = GraphQLError(
                gettext("Internal error while answering this query."),
                nodes=error.nodes,
                path=error.path,
            )
            return GraphQLView.format_error(masked)
        return GraphQLView.format_error(error)


def allow_any_origin(view):
    """CORS for a public, read-only, cookie-less endpoint: any origin, no credentials.

    A decorator rather than django-cors-headers: the policy is fixed (every origin, GET and
    POST, no credentials) and concerns this one view; the library would need a middleware
    placed before CommonMiddleware and settings for what these few lines state here.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=200)  # a preflight: the browser asks first
            response["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response["Access-Control-Allow-Headers"] = CORS_ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = str(CORS_MAX_AGE)
        else:
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return csrf_exempt(wrapped)


def graphql_view():
    # Compressed when the client accepts it: the map's FeatureCollection for 15,000 fiches is
    # 5.0 MB raw and 0.51 MB gzipped (bench/map_load.py). Safe from BREACH: the answers carry
    # no secret (no CSRF token, no session data), only public content.
    # The map widget's own request is answered from bytes compressed once (portal.map).
    return allow_any_origin(
        gzip_page(
            compressed_widget_answer(
                csrf_exempt(
                    PublicGraphQLView.as_view(
                        schema=schema,
                        graphiql=True,
                        validation_rules=validation_rules(),
                        execution_context_class=LimitedExecutionContext,
                    )
                )
            )
        )
    )
