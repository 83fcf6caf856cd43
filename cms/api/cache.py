"""Cached flat payloads (map, coverage) and their invalidation.

Cache keys embed a content version number; any change that can alter what is public bumps
it, which drops every cached payload at once on every process sharing the cache.
"""

import contextlib
import contextvars
import datetime
import hashlib
import time
from collections import OrderedDict

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from cms.models import ActionDomain, Theme

VERSION_KEY = "api:content-version"
TIMEOUT = 24 * 3600


# The version a request read first, when the request pins it (``one_version_per_request``).
_pinned = contextvars.ContextVar("pinned_content_version", default=None)


@contextlib.contextmanager
def one_version_per_request():
    """Within the block, the content version is read from the cache once: a page render asks
    for it a dozen times (each cached payload, routing, the chrome), and one render then
    reads every cached part under the same version. A bump made inside the block is seen."""
    token = _pinned.set({})
    try:
        yield
    finally:
        _pinned.reset(token)


def content_version():
    pinned = _pinned.get()
    if pinned is None:
        return _read_version()
    if "version" not in pinned:
        pinned["version"] = _read_version()
    return pinned["version"]


def _read_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # Start from the clock, not 1: a counter lost to eviction must not come back to a
        # number whose payloads are still cached.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version(**_kwargs):
    pinned = _pinned.get()
    if pinned is not None:
        pinned.pop("version", None)
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set (evicted or never read): a fresh clock value will do
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


# Small payloads a page render reads on every view (a list's count, the countries, the
# chrome's parts), also kept in this process: their key holds the content version, so the
# copy here is as true as the shared cache's, and a render makes one round trip to the cache
# (the version) instead of one per part. Large ones (the map, exports) stay in the cache only.
IN_PROCESS_KEPT = 1024
_in_process = OrderedDict()


def cached(name, parts, build, *, in_process=False):
    """``build()`` cached under ``name`` + ``parts`` for the current content version (and
    in this process too when ``in_process``: a small value, read as is, never changed)."""
    # The parts (filters, search words) hashed: a key of bounded length, whatever they hold.
    digest = hashlib.sha256(repr([str(part) for part in parts]).encode()).hexdigest()
    version = content_version()
    # And the day: which calls are open follows their deadline, and nothing is published
    # when a deadline passes (the map's and countries' open-call counts would keep it).
    day = datetime.date.today().isoformat()
    key = ":".join(["api", name, str(version), day, digest])
    if in_process and version is not None and key in _in_process:
        _in_process.move_to_end(key)
        return _in_process[key]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    if in_process and version is not None:
        _in_process[key] = value
        if len(_in_process) > IN_PROCESS_KEPT:
            _in_process.popitem(last=False)
    return value


_per_version = {}


def per_version(name, build):
    """``build()`` kept in this process while the content version stays the same: for the
    small tables every request reads (view restrictions, locales, the taxonomy), read once
    per process and change, not once per request. Without a version (the cache is down) it
    is built every time: nothing would tell when it changes."""
    version = content_version()
    if version is None:
        return build()
    kept = _per_version.get(name)
    if kept is not None and kept[0] == version:
        return kept[1]
    value = build()
    _per_version[name] = (version, value)
    return value


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()


def _on_taxonomy_change(sender, **kwargs):
    bump_content_version()


def connect_signals():
    page_published.connect(bump_content_version, dispatch_uid="api-published")
    page_unpublished.connect(bump_content_version, dispatch_uid="api-unpublished")
    pre_page_move.connect(bump_content_version, dispatch_uid="api-pre-move")
    post_page_move.connect(bump_content_version, dispatch_uid="api-post-move")
    post_delete.connect(_on_delete, dispatch_uid="api-deleted")
    # A new or lifted view restriction changes what is public without any publication.
    for model in (PageViewRestriction, Theme, ActionDomain, Locale):
        post_save.connect(_on_taxonomy_change, sender=model, dispatch_uid=f"api-save-{model}")
        post_delete.connect(_on_taxonomy_change, sender=model, dispatch_uid=f"api-del-{model}")
