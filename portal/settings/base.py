"""Settings shared by every environment, read from the environment variables.

Development needs nothing set: an embedded SQLite file under var/ and a local-memory cache.
Production sets at least SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (and REDIS_URL to share
the cache between processes); it refuses to start with the development key.
"""

import os
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

DEVELOPMENT_SECRET_KEY = "django-insecure-development-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The portal's public address (scheme and host, no trailing slash), e.g.
# https://bourse.example.org: required in production (portal/settings/main.py).
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").strip().rstrip("/")

INSTALLED_APPS = [
    "cms",
    "portal",
    "demo",
    "portal.mail",
    "portal.interest",
    "portal.alerts",
    "portal.representatives",
    "portal.comments",
    "portal.imports",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "graphene_django",
    "dsfr",
    "widget_tweaks",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # runserver serves static files the way production does (WhiteNoise, hashed names).
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    # /healthz for load balancers, before the host check, redirects and sessions.
    "portal.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "portal.security.AdminNetworkMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the shared cache (portal/pagecache.py). Before sessions, CSRF,
    # users and messages, so that it sees the cookies they set and never stores those pages.
    # Whatever writes per-request values into the page (a CSP nonce) must come after it, so
    # that a cached page keeps the headers it was rendered with.
    "portal.pagecache.PageCacheMiddleware",
    "portal.security.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Wagtail's page routing from the shared cache, per content version (portal/routing.py).
    "portal.routing.CachedRoutingMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

# The public schema (graphene-django's setting), which the in-process page runner uses too,
# and the page layer the page models hand their rendering to (cms.models.rendering): lower
# layers find higher ones through settings, never by importing them.
GRAPHENE = {"SCHEMA": "cms.api.schema.schema"}
PAGE_VIEWS = "cms.pages.views"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "portal.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        # A persistent connection is checked before each request reuses it, so a database
        # restart costs at most the requests in flight.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles a query whose estimated cost passes jit_above_cost (100,000)
    # at every execution: it pays for analytic scans of millions of rows, while the portal's
    # queries take milliseconds and an estimate over the threshold (correlated subqueries
    # are estimated per row) cost up to 830 ms of compiling for 160 ms of work (issue 11).
    # Off for the portal's connections; the query shapes keep estimates sane on their own.
    # random_page_cost: Debian's default (4) prices a random read as a spinning disk's; on
    # the SSDs and in-memory data a server has today it costs about a sequential one, and
    # with 4 the planner scans the whole search index (and its TOAST) rather than use its
    # GIN index once few pages match: the search page's query at 2,000 fiches took 17.5 ms
    # instead of 4.2 (`python -m bench --authorities 2000`, issue 11). 1.1 is the value
    # PostgreSQL's own tuning guides give for SSDs; an operator's setting is overridden
    # only for the portal's connections.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off -c random_page_cost=1.1"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url, key_prefix="bourse"):
    """The cache on Redis at ``url``, which degrades to no cache when Redis is unreachable.

    Every operation then answers as on a miss (pages are built, rate limits let visitors
    through, forms still save) and ``portal.cache`` logs the outage once a minute per process,
    without a traceback. Short socket timeouts keep a hung Redis from holding requests.
    """
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
            "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "1")),
        },
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache"

REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French is the source language; every UI string is translated into
# the other four, and content is translated page by page with wagtail-localize.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Media (images, documents) on S3-compatible storage through django-storages when
# MEDIA_S3_BUCKET is set (`pip install -e ".[s3]"`); credentials from the usual
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables or the machine's role.
if MEDIA_S3_BUCKET := os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": env_bool("MEDIA_S3_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
# django-dsfr puts Subresource Integrity hashes of its original files on dsfr.min.css,
# utility.min.css and its scripts. The manifest storage rewrites their url()s (and source
# map comments) when collecting, so those hashes no longer match and the browser blocks the
# files: the site is unstyled. The portal serves these files itself, from its own origin,
# where an integrity check protects nothing an attacker able to change the file could not
# also change in the page: no integrity attributes.
DSFR_USE_INTEGRITY_CHECKSUMS = False

# Wagtail
WAGTAIL_SITE_NAME = "Bourse-partenariats de la coopération décentralisée"
# The admin's address in mails (invitations, Wagtail's moderation mails): PUBLIC_BASE_URL
# unless the admin has an address of its own; the development server's without either
# (production requires PUBLIC_BASE_URL: portal/settings/main.py).
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL", "").strip().rstrip("/")
    or PUBLIC_BASE_URL
    or "http://127.0.0.1:8000"
)
# Search: the database's full text (PostgreSQL's in production) by default. When it is
# outgrown, SEARCH_URLS (comma-separated) switches to Wagtail's Elasticsearch/OpenSearch
# backend, SEARCH_BACKEND naming which (default Elasticsearch 8); then run
# `manage.py update_index`. The client library is the operator's to install (e.g.
# `pip install -e ".[elasticsearch]"` or `".[opensearch]"`).
if SEARCH_URLS := env_list("SEARCH_URLS"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
            "URLS": SEARCH_URLS,
            "INDEX": os.environ.get("SEARCH_INDEX", "bourse"),
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
# "Translate this page" makes a draft: the translation goes live when a translator publishes
# it from the translation editor, and until then visitors get the source with the "not yet
# translated" notice (wagtail-localize copies the source's live status by default, which
# published French text under /en/ at once).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# The map draws country shapes shipped with the portal; an online tile layer (e.g.
# OpenStreetMap's) is added only when a deployment sets its URL template and attribution.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")

# Email: the console in development, SMTP from the environment in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds a connection to the mail server may block (connect, and each read or write).
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "bourse@localhost")
# Receives expressions of interest about calls whose authority gave no contact email.
BOURSE_MODERATORS_EMAIL = os.environ.get("BOURSE_MODERATORS_EMAIL", "moderation@localhost")

# Expressions of interest accepted per client address and period (seconds), counted in the
# cache (shared through Redis in production). Behind N reverse proxies, the client address
# is the Nth entry from the right of X-Forwarded-For: set TRUSTED_PROXY_COUNT to N.
INTEREST_RATE_LIMIT = int(os.environ.get("INTEREST_RATE_LIMIT", "5"))
INTEREST_RATE_PERIOD = int(os.environ.get("INTEREST_RATE_PERIOD", "3600"))
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Mails a form sends to an address the visitor typed (acknowledgement, alert confirmation):
# at most this many of one kind per address and period (seconds), whoever typed it.
MAIL_PER_RECIPIENT_LIMIT = int(os.environ.get("MAIL_PER_RECIPIENT_LIMIT", "3"))
MAIL_PER_RECIPIENT_PERIOD = int(os.environ.get("MAIL_PER_RECIPIENT_PERIOD", "86400"))

# Anonymous page cache (portal/pagecache.py): seconds a page stays in the shared cache (0:
# off, the default under DEBUG), and the max-age given to browsers and to a CDN.
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "0" if DEBUG else "600"))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "0"))
PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", "0"))

# A CDN or caching proxy in front of the portal, purged by Wagtail's frontend_cache when a
# page is published or unpublished: FRONTEND_CACHE=http (Varnish, Squid, nginx: PURGE
# requests to FRONTEND_CACHE_LOCATION) or cloudflare (CLOUDFLARE_BEARER_TOKEN,
# CLOUDFLARE_ZONE_ID). Listings (directories, the home) are not purged: they expire after
# PAGE_CACHE_SHARED_MAX_AGE, the s-maxage the CDN is given.
FRONTEND_CACHE = os.environ.get("FRONTEND_CACHE", "")
if FRONTEND_CACHE == "http":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_LOCATION"],
        }
    }
elif FRONTEND_CACHE == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
            "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        }
    }
if FRONTEND_CACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Periodic jobs run by ``manage.py run_periodic`` (started by ``make serve``): management
# command → interval in seconds, from PERIODIC_<COMMAND> (e.g. PERIODIC_SEND_PENDING_MAIL=600);
# 0 switches a job off. Alerts go through the one outbox: send_pending_mail sends them too.
PERIODIC_JOBS = {
    name: int(os.environ.get(f"PERIODIC_{name.upper()}", default))
    for name, default in [
        ("send_pending_mail", 300),
        ("close_expired_calls", 3600),
    ]
}

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)

# Security and operations ---------------------------------------------------------------
# Every setting below comes from the environment; README "Security and operations" lists
# the production values (with them, `manage.py check --deploy` prints no warning).

# Error reports: ADMINS="Name <a@example.org>, b@example.org" receive a mail for each 500.
ADMINS = [
    (name or address, address)
    for name, address in (parseaddr(item) for item in env_list("ADMINS"))
    if address
]
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "timestamped": {"format": "%(asctime)s %(levelname)s [%(name)s] %(process)d %(message)s"}
    },
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "once_a_minute": {"()": "portal.security.OncePerInterval", "interval": 60},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "timestamped"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "loggers": {
        # Propagates to the console too; mails the ADMINS on errors when DEBUG is off.
        "django": {"handlers": ["mail_admins"]},
        # django-redis reports each ignored exception: one line a minute is enough.
        "portal.cache": {"filters": ["once_a_minute"]},
        # Each periodic job says when it ran (run_periodic); failures are errors.
        "portal.periodic": {"level": "INFO"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Login throttling on both admins (django-axes, counted in the database): after
# AXES_FAILURE_LIMIT wrong passwords from one client address, its logins are refused, even
# with the right password, for AXES_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "portal.security.client_address"
AXES_LOCKOUT_CALLABLE = "portal.security.lockout_response"

# Both admins (/admin/, /django-admin/) answer 403 outside these networks, e.g.
# ADMIN_ALLOWED_NETWORKS="10.0.0.0/8, 192.0.2.17, 2001:db8::/32". Empty: no restriction.
# The client address honours TRUSTED_PROXY_COUNT as the rate limits do.
ADMIN_ALLOWED_NETWORKS = env_list("ADMIN_ALLOWED_NETWORKS")

# HTTPS. Behind a TLS-terminating proxy, SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https"
# (only if that proxy always sets or strips the header).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = tuple(env_list("SECURE_PROXY_SSL_HEADER"))
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"


def tile_origin(url_template):
    """``https://*.tile.example.org`` for ``https://{s}.tile.example.org/{z}/{x}/{y}.png``."""
    parts = urlsplit(url_template)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


# Content-Security-Policy (django-csp): every script is a file served by the portal, so
# scripts need no 'unsafe-inline'. Styles allow inline ones: Leaflet and GraphiQL position
# their elements with style attributes. The admins (Wagtail's panels and widgets still use
# inline scripts) get 'unsafe-inline' for scripts from portal.security.CSPMiddleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        # CSP_IMG_SRC: further image origins, e.g. the S3 bucket's address.
        "img-src": [
            SELF,
            "data:",
            *filter(None, [tile_origin(MAP_TILE_URL)]),
            *env_list("CSP_IMG_SRC"),
        ],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The admin previews pages in a frame of its own.
        "frame-ancestors": [SELF],
    }
}
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")

# Permissions-Policy (django-permissions-policy): no powerful feature is used by any page.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Uploaded media (images, documents). WhiteNoise serves only static files; in production,
# either the reverse proxy serves MEDIA_ROOT under /media/, or SERVE_MEDIA=1 lets the portal
# serve it itself, or MEDIA_S3_BUCKET switches uploads to S3-compatible storage (above).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

# Country names as a list reads them: "Réunion" and "Palestine" among the R and P, not the
# ISO catalogue's inverted "Réunion, La" / "Palestine, État de" (their translations are the
# portal's own catalogue entries).
COUNTRIES_OVERRIDE = {"RE": _("Réunion"), "PS": _("Palestine")}

# The comments' model, which the public API finds by name (portal → cms, never back).
COMMENTS_MODEL = "comments.Comment"
# Wagtail's form for a password-protected page, in the portal's chrome.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"
