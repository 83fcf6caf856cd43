"""Parsed and validated GraphQL documents, kept per process (issue 11).

Parsing a document and running the validation rules over it cost ~2.3 ms of a cold
100-fiche list (~12% of its CPU) on every request, for the same few texts: the portal's
pages, the map widget and partners' scripts send the same documents again and again.
graphql-core recommends keeping parsed documents; this keeps them validated too.

- the key is the schema, the text and the rules it passed (the endpoint's rules, with the
  query limits, are not the standard rules the schema's own ``execute`` applies): a text
  validated under one set of rules is never taken as validated under another;
- only a document that parsed and validated without errors is kept: a text with errors is
  parsed and validated again each time, so its errors (translated in the request's
  language) are always computed afresh;
- bounded in number (``MAX_DOCUMENTS``) and in the total length of their texts
  (``MAX_TOTAL_LENGTH``), least recently used first out; a text longer than
  ``MAX_DOCUMENT_LENGTH`` is never kept;
- validation depends only on the schema, the document and the rules (variables' values are
  checked at execution, see ``cms.api.validation.LimitedExecutionContext``), and execution
  never changes a document: a kept document serves any request, in any thread.
"""

import threading
from collections import OrderedDict

from graphql import GraphQLError, parse, validate

MAX_DOCUMENTS = 256
MAX_TOTAL_LENGTH = 500_000  # characters of the kept texts, all together
MAX_DOCUMENT_LENGTH = 20_000  # the endpoint's own limit (portal.graphql_view)


class DocumentCache:
    """Least recently used validated documents, bounded in number and total text length."""

    def __init__(
        self,
        max_documents=MAX_DOCUMENTS,
        max_total_length=MAX_TOTAL_LENGTH,
        max_document_length=MAX_DOCUMENT_LENGTH,
    ):
        self.max_documents = max_documents
        self.max_total_length = max_total_length
        self.max_document_length = max_document_length
        self._documents = OrderedDict()
        self._total_length = 0
        self._lock = threading.Lock()

    def __len__(self):
        return len(self._documents)

    @property
    def total_length(self):
        return self._total_length

    def get(self, schema, source, rules):
        """The kept document of ``source``, validated against ``schema`` with ``rules``, or
        None."""
        key = (schema, source, tuple(rules))
        with self._lock:
            document = self._documents.get(key)
            if document is not None:
                self._documents.move_to_end(key)
            return document

    def put(self, schema, source, rules, document):
        """Keep ``document``: ``source`` parsed, with no error from ``rules``."""
        length = len(source)
        if length > self.max_document_length or length > self.max_total_length:
            return
        key = (schema, source, tuple(rules))
        with self._lock:
            if key in self._documents:
                self._documents.move_to_end(key)
                return
            self._documents[key] = document
            self._total_length += length
            while (
                len(self._documents) > self.max_documents
                or self._total_length > self.max_total_length
            ):
                (_schema, old_source, _rules), _document = self._documents.popitem(last=False)
                self._total_length -= len(old_source)

    def clear(self):
        with self._lock:
            self._documents.clear()
            self._total_length = 0


documents = DocumentCache()


def validated_document(schema, source, rules, max_errors=None, **options):
    """(document, errors) for the text ``source``: parsed and validated with ``rules``
    against the graphql-core ``schema``, as graphql-core's ``graphql()`` does (a syntax
    error is the one error), or the kept document with no errors. ``options`` go to
    ``validate`` (e.g. ``hide_suggestions``)."""
    document = documents.get(schema, source, rules)
    if document is not None:
        return document, []
    try:
        document = parse(source)
    except GraphQLError as error:
        return None, [error]
    errors = validate(schema, document, rules, max_errors, **options)
    if errors:
        return document, errors
    documents.put(schema, source, rules, document)
    return document, []
