"""Thin hooks between the page models and the page layer that renders them (``cms.pages``).

The content model sits at the bottom of the data path (content model → public API → page
operations → templates), so it never imports what renders it. Wagtail still asks a page
model for its template context and its routes; the model answers through the module named
by the ``PAGE_VIEWS`` setting, found at run time the way graphene-django finds its schema
through ``GRAPHENE["SCHEMA"]``.
"""

import functools
import importlib

from django.conf import settings
from django.template.response import TemplateResponse


@functools.cache
def page_views():
    """The page layer: a module with ``page_context(page, request)`` and the routed views."""
    return importlib.import_module(settings.PAGE_VIEWS)


class RenderedPageMixin:
    """A page whose template context comes from the page layer (its GraphQL operation)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_views().page_context(self, request))
        return context

    def get_view_restrictions(self):
        # Wagtail's serve hook asks on every visit (two queries); the page layer answers
        # "none" from the restrictions it keeps per content version, else Wagtail's query.
        return page_views().view_restrictions(self, super().get_view_restrictions)

    def serve_password_required_response(self, request, form, action_url):
        # Wagtail builds the password form's context with get_context, i.e. the operation,
        # which rightly does not serve a private page before its password is given. The form
        # needs none of the page: not even its title or description.
        template = self.password_required_template or getattr(
            settings, "WAGTAIL_PASSWORD_REQUIRED_TEMPLATE", "wagtailcore/password_required.html"
        )
        return TemplateResponse(request, template, {"form": form, "action_url": action_url})
