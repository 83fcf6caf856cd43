"""The anonymous page cache: whole responses of public pages kept in the shared cache.

An anonymous visit to a page under a language prefix (``/fr/…``) is served from the cache
(Redis in production, shared by every process and machine) when the same address was
rendered since the last change of public content. Keys embed the content version that the
API cache keeps (``cms.api.cache.content_version``): publishing, unpublishing, moving or
deleting a page, a view restriction, a taxonomy change (and here, a Site change) bump it,
which drops every cached page at once everywhere.

Never cached, never served from the cache:
- a request carrying a session or messages cookie (logged-in editors, a visitor with a
  message to show), anything but GET/HEAD, addresses outside the language prefixes (admin
  and its previews, GraphQL, documents, media, static files);
- a response that is not a plain 200, streams, sets a cookie, used a CSRF token (any form
  that posts), asks not to be cached, or varies on anything but the cookie and the language.

A hit costs one round trip to the cache and no database query; the middleware sits before
sessions, the language and CSRF, so what they add to a response (``Content-Language``,
``Vary``, cookies) is part of what it sees and stores.

Cached responses carry an ``ETag`` and a ``Last-Modified`` date and answer conditional
requests with 304; ``Cache-Control`` is ``public`` with ``PAGE_CACHE_MAX_AGE`` for browsers
(0 by default: they revalidate, cheaply) and ``PAGE_CACHE_SHARED_MAX_AGE`` for a CDN (0 by
default; set it with the CDN purge, see the README). Responses that must stay private (an
editor's page, a form) say ``Cache-Control: private``.

Django's own site cache middleware was not used: its keys cannot follow the content version
(it only expires), and it stores logged-in users' pages keyed by their cookies.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date
from wagtail.models import Site

from cms.api.cache import VERSION_KEY, bump_content_version, content_version

MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage
VARY_ALLOWED = {"cookie", "accept-language"}
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache", "max-age=0")
STATUS_HEADER = "X-Page-Cache"


def language_prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_TIMEOUT > 0
        and request.method in ("GET", "HEAD")
        and request.path.startswith(language_prefixes())
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
    )


def private_request(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES or (
        getattr(request, "user", None) is not None and request.user.is_authenticated
    )


def cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or private_request(request):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES):
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", ""))}
    return vary - {""} <= VARY_ALLOWED


def cache_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page:{hashlib.sha256(address.encode()).hexdigest()}"


def lookup(request):
    """The page's key, the current content version and its cached entry if still current.

    One round trip to the cache: the version and the entry are read together, and an entry
    rendered under another version is ignored (then overwritten).
    """
    key = cache_key(request)
    values = cache.get_many([VERSION_KEY, key])
    version = values.get(VERSION_KEY)
    if version is None:
        version = content_version()
    entry = values.get(key)
    if entry is not None and entry.get("version") != version:
        entry = None
    return key, version, entry


def mark_public(response):
    directives = {"public": True, "max_age": settings.PAGE_CACHE_MAX_AGE, "must_revalidate": True}
    if settings.PAGE_CACHE_SHARED_MAX_AGE:
        directives["s_maxage"] = settings.PAGE_CACHE_SHARED_MAX_AGE
    patch_cache_control(response, **directives)
    patch_vary_headers(response, ["Cookie"])


def from_entry(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def conditional(request, response):
    """304 Not Modified when the client already has this version, else the response."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=response.last_modified_timestamp,
        response=response,
    )


class PageCacheMiddleware:
    """Place after WhiteNoise and before sessions, CSRF, users and messages (see settings)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and (private_request(request) or response.cookies):
                patch_cache_control(response, private=True)
            return response

        key, version, entry = lookup(request)
        if entry is not None:
            response = from_entry(entry)
            response.last_modified_timestamp = entry["last_modified"]
            response[STATUS_HEADER] = "hit"
            return conditional(request, response)

        response = self.get_response(request)
        if request.method != "GET" or not cacheable_response(request, response):
            if (
                private_request(request)
                or response.cookies
                or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            ):
                patch_cache_control(response, private=True)
            return response

        now = int(time.time())
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        response["Last-Modified"] = http_date(now)
        mark_public(response)
        cache.set(
            key,
            {
                "status": response.status_code,
                "headers": list(response.items()),
                "content": response.content,
                "last_modified": now,
                "version": version,
            },
            settings.PAGE_CACHE_TIMEOUT,
        )
        response.last_modified_timestamp = now
        response[STATUS_HEADER] = "miss"
        return conditional(request, response)


def _on_site_change(sender, **kwargs):
    bump_content_version()


def connect_signals():
    # Sites change every address (hostname, port, root page): not only the API's payloads.
    post_save.connect(_on_site_change, sender=Site, dispatch_uid="pagecache-site-saved")
    post_delete.connect(_on_site_change, sender=Site, dispatch_uid="pagecache-site-deleted")
