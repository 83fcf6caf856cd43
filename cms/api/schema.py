"""The public GraphQL schema: queries only, every type declared by hand (see types.py)."""

from inspect import isawaitable, iscoroutine

import graphene
from graphene.types.schema import normalize_execute_kwargs
from graphql import ExecutionResult, execute, specified_rules, validate_schema
from graphql.execution.execute import assume_not_awaitable

from .documents import validated_document
from .queries import Query


class PublicSchema(graphene.Schema):
    """graphene's schema, its ``execute`` reading parsed and validated documents kept per
    process (``cms.api.documents``) instead of parsing and validating the text each time;
    otherwise graphql-core's ``graphql_sync`` step by step: the same results and errors."""

    def execute(self, source=None, *args, **kwargs):
        if args or not isinstance(source, str):
            return super().execute(source, *args, **kwargs)
        kwargs = normalize_execute_kwargs(kwargs)
        check_sync = kwargs.pop("check_sync", False)
        hide_suggestions = kwargs.pop("hide_suggestions", False)
        schema = self.graphql_schema
        schema_errors = validate_schema(schema)
        if schema_errors:
            return ExecutionResult(data=None, errors=schema_errors)
        document, errors = validated_document(
            schema, source, specified_rules, hide_suggestions=hide_suggestions
        )
        if errors:
            return ExecutionResult(data=None, errors=errors)
        is_awaitable = (
            check_sync if callable(check_sync) else (None if check_sync else assume_not_awaitable)
        )
        result = execute(
            schema,
            document,
            is_awaitable=is_awaitable,
            hide_suggestions=hide_suggestions,
            **kwargs,
        )
        if isawaitable(result):
            if iscoroutine(result):
                result.close()
            raise RuntimeError("GraphQL execution failed to complete synchronously.")
        return result


schema = PublicSchema(query=Query, auto_camelcase=True)
