"""Routing in the visitor's language for content not translated into it yet.

Each language has its own page tree (/fr/…, /en/…). A fiche, call or article not yet published
in the visitor's language is listed in its source language (cms.api's locale fallback); its
address keeps the visitor's prefix (/en/fiches/dakar/ serves the French fiche inside the English
chrome), so the visitor stays in their language and the page says the content is not
translated, in that language.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page

from .querysets import visible_pages


class LocaleFallbackRoutingMixin:
    """Routes a child missing from this language's tree to its copy in another language."""

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            child = self.fallback_child(path_components[0])
            if child is None:
                raise
            return child.specific.route(request, path_components[1:])

    def fallback_child(self, slug):
        """What to serve for a ``slug`` that names no live child here, or None.

        A child with that slug under one of this page's translations is the same content in
        another language: serve its copy in this language when one is visible (its slug was
        translated), otherwise the copy the public API lists for this language.
        """
        sections = Page.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
        section_paths = list(sections.values_list("path", flat=True))
        under_a_section = Q(pk__in=[])
        for path in section_paths:
            under_a_section |= Q(path__startswith=path)
        key = (
            Page.objects.filter(under_a_section, slug=slug, depth=self.depth + 1)
            .values_list("translation_key", flat=True)
            .first()
        )
        if key is None:
            return None
        copies = visible_pages().with_locale_fallback(self.locale).filter(translation_key=key)
        copy = copies.first()
        if copy is None or copy.depth != self.depth + 1:
            return None
        if copy.locale_id == self.locale_id:
            # Its copy here, unless it is the child that just failed (a deeper 404).
            return copy if copy.path.startswith(self.path) and copy.slug != slug else None
        return copy if any(copy.path.startswith(path) for path in section_paths) else None
