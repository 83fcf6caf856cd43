"""Settings for ``python -m bench``: the portal's base settings with DEBUG off.

DEBUG off as in production (no query log kept on every query); the database is the one
``DATABASE_URL`` names (default a scratch SQLite file, see ``bench.cli``; the figures that
count are PostgreSQL's). Two additions for the anchors only: Wagtail's REST API v2 mounted at
``/bench-api/v2/`` (``bench.urls``) and the bench's own templates (the plain fiche view).
The anonymous page cache is off: page measures are uncached renders.
"""

import warnings

from portal.settings.base import *  # noqa: F403
from portal.settings.base import BASE_DIR, INSTALLED_APPS, TEMPLATES

# Static files are not collected for the bench (plain storage: no manifest needed).
warnings.filterwarnings("ignore", "No directory at", UserWarning)

DEBUG = False
# Pages and the export are measured through Django's test client.
ALLOWED_HOSTS = ["testserver"]
ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "rest_framework", "wagtail.api.v2"]
WAGTAILAPI_LIMIT_MAX = 100
PAGE_CACHE_TIMEOUT = 0
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]}]
