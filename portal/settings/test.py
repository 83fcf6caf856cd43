"""Fast, self-contained settings for the test suite (SQLite unless DATABASE_URL is set)."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR, redis_cache

if not os.environ.get("DATABASE_URL"):
    DATABASES["default"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(VAR_DIR / "test.sqlite3"),
        "TEST": {"NAME": ":memory:"},
    }

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Pages are rendered afresh in tests; tests/production/test_pagecache.py switches the page cache on.
PAGE_CACHE_TIMEOUT = 0
# Tests never reach a tile server, whatever the environment says.
MAP_TILE_URL = ""

if os.environ.get("REDIS_URL"):
    # CI runs against the machine's real Redis; a prefix per run keeps runs apart.
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"], f"bourse-test-{os.getpid()}")}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
