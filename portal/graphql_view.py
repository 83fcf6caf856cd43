"""The public GraphQL endpoint: graphene-django's view with the portal's protections.

- validation: the standard GraphQL rules plus depth and alias limits (cms.api.validation);
- argument limits (perPage, order, filters) are checked by the resolvers and reported as
  GraphQL errors with a readable message;
- a query text over MAX_QUERY_LENGTH is refused before parsing;
- unexpected exceptions are logged and reported without internals;
- read only and cookie-less, so no CSRF token is needed: partners POST from anywhere.
"""

import logging

from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.gzip import gzip_page
from graphene_django.views import GraphQLView
from graphql import ExecutionResult, GraphQLError

from cms.api.querysets import InvalidFilter
from cms.api.schema import schema
from cms.api.validation import validation_rules

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 20_000


class PublicGraphQLView(GraphQLView):
    graphiql_template = "portal/graphiql.html"

    def execute_graphql_request(self, request, data, query, variables, *args, **kwargs):
        if query and len(query) > MAX_QUERY_LENGTH:
            message = gettext("The query is longer than %(max)s characters.") % {
                "max": MAX_QUERY_LENGTH
            }
            return ExecutionResult(data=None, errors=[GraphQLError(message)])
        return super().execute_graphql_request(request, data, query, variables, *args, **kwargs)

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


def graphql_view():
    # Compressed when the client accepts it: the map's FeatureCollection for 15,000 fiches is
    # 5.0 MB raw and 0.51 MB gzipped (bench/map_load.py). Safe from BREACH: the answers carry
    # no secret (no CSRF token, no session data), only public content.
    return gzip_page(
        csrf_exempt(
            PublicGraphQLView.as_view(
                schema=schema,
                graphiql=True,
                validation_rules=validation_rules(),
            )
        )
    )
