"""Wagtail's page routing answered from the shared cache, per content version.

Wagtail routes a page address by walking the tree from the site's root: the site lookup, the
active locale, then for each level a child by slug and its specific row (nine queries for a
call page). The outcome only changes when public content does, and every such change bumps
the content version (``cms.api.cache``; a Site change too, see portal.pagecache), so it is
kept under a key holding that version: the site, the language and the path lead to the page
that answered (its content type and id) and the number of path components its ancestors
consumed. A hit loads that one page and asks it to route the rest of the path itself, so its
own rules still decide (it must be live; a directory resolves its sub-routes), then Wagtail
serves it as usual (view restrictions and passwords checked by its hooks). A miss, or a page
that no longer answers, is routed by Wagtail.

Only successful routes are kept: a 404 costs what it did, and the key space is bounded by
the public pages. Previews never route (Wagtail renders the draft it is given).
"""

import copy

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import F
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from cms.api import prepared
from cms.api.cache import TIMEOUT, content_version, one_version_per_request, per_version
from cms.models.lookups import AnyOf


def site_for(request):
    """Wagtail's site for this host and port, looked up once per process and content
    version; each request gets its own copy (Wagtail caches on the instances it is given)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    # Wagtail's own lookup, remembered: its fallbacks (port, default site) stay its own.
    site = per_version(f"site:{hostname}:{port}", lambda: Site._find_for_request(request))
    return copy.deepcopy(site)


def route_key(site, path):
    parts = [str(content_version()), str(site.pk), translation.get_language(), path]
    return ":".join(["route", *parts])


def cached_route(request, site, path):
    """Wagtail's ``RouteResult`` for ``path`` from the remembered page, or None."""
    known = cache.get(route_key(site, path))
    if known is None:
        return None
    content_type_id, pk, consumed = known
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = remembered_page(model, pk) if model else None
    if page is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        return page.route(request, components[consumed:])
    except Http404:
        return None


def remembered_page(model, pk):
    """The page ``pk`` of ``model`` (whatever its state: its own ``route`` decides), its
    query compiled once per model (``cms.api.prepared``)."""
    found = prepared.run(_page_by_id, (model,), ids=[pk])
    return found[0] if found else None


def _page_by_id(model, ids):
    return model.objects.filter(AnyOf(F("pk"), ids)).order_by("pk")[:1]


def remember_route(site, path, result):
    page = result[0]
    consumed = page.depth - site.root_page.depth
    cache.set(route_key(site, path), (page.content_type_id, page.pk, consumed), TIMEOUT)


class CachedRoutingMiddleware:
    """Answers Wagtail's ``Page.route_for_request`` before its serve view asks for it; the
    request reads the content version once (routing, the operation's cached payloads and
    the chrome then agree on it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_version_per_request():
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or content_version() is None:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        site = request._wagtail_site = site_for(request)
        if site is None:
            return None
        result = cached_route(request, site, path)
        if result is None:
            result = Page.route_for_request(request, path)  # Wagtail's walk
            if result is not None:
                remember_route(site, path, result)
        request._wagtail_route_for_request = result
        return None
