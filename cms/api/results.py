"""Whole answers of the public list fields, kept per content version (issue 11).

A list's answer (``authorities``, ``partnershipCalls``, ``news``) depends only on its
document, its variables, the language of its messages, today's date (a call's deadline) and
the public content. The public endpoint keeps it under all of these, the content version
included, so publishing, unpublishing, moving or deleting a page, a view restriction or a
taxonomy change drops every kept answer at once (``cms.api.cache``). A hit costs one round
trip to the cache instead of resolving thousands of fields (100 nested fiches: ~130 ms cold).

Never kept nor served:
- for a request whose scope sees more than the public: a preview of a draft, an unlocked
  private page (only the in-process runner sets them; the check is here all the same);
- an answer with errors, an operation with any other root field, or one selecting a news
  article's comments or body (moderating a comment or replacing an image publishes nothing).
"""

import datetime
import functools
import hashlib
import json

from django.core.cache import cache
from django.utils import translation
from graphql import (
    ExecutionResult,
    FieldNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    parse,
    visit,
)
from graphql.language import Visitor

from .cache import TIMEOUT, content_version
from .scope import sees_only_public

CACHED_ROOTS = frozenset({"authorities", "partnershipCalls", "news", "__typename"})
# Comments are moderated, and a news body's images can be replaced, without a publication.
NEVER_CACHED = frozenset({"comments", "body"})


class _FieldNames(Visitor):
    def __init__(self):
        super().__init__()
        self.names = set()

    def enter_field(self, node, *_args):
        self.names.add(node.name.value)


@functools.lru_cache(maxsize=256)
def cacheable_document(query):
    """Whether every operation of ``query`` is a query of list root fields only, without
    comments (fragments at the root are not looked into: not kept). Remembered per text
    (the endpoint's texts are at most 20,000 characters: a few MB at most)."""
    try:
        document = parse(query)
    except GraphQLError:
        return False
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        if definition.operation is not OperationType.QUERY:
            return False
        for selection in definition.selection_set.selections:
            if not isinstance(selection, FieldNode) or selection.name.value not in CACHED_ROOTS:
                return False
    names = _FieldNames()
    visit(document, names)
    return not (names.names & NEVER_CACHED)


def result_key(query, variables, operation_name):
    parts = [
        query,
        json.dumps(variables or {}, sort_keys=True, default=str),
        operation_name or "",
        translation.get_language() or "",
        datetime.date.today().isoformat(),
    ]
    digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()
    return f"api:result:{content_version()}:{digest}"


def kept_answer(context, query, variables, operation_name, execute):
    """The ExecutionResult of ``execute()``, or the data it gave for the same request under
    the same content version."""
    if not query or not sees_only_public(context):
        return execute()
    key = result_key(query, variables, operation_name)
    data = cache.get(key)
    if data is not None:
        return ExecutionResult(data=data)
    result = execute()
    answered = result is not None and not result.errors and result.data is not None
    if answered and cacheable_document(query):
        cache.set(key, result.data, TIMEOUT)
    return result
