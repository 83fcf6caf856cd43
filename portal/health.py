"""``/healthz`` for load balancers: 200 when the database and the cache answer, else 503.

Answered by a middleware placed first, before the host check, the HTTPS redirect, sessions
and the language: a load balancer probing by IP address over plain HTTP gets the real
answer, never a 400 or a redirect, and no cookie is ever set. The body names the failing
dependency and nothing else (no version, no error text, no content).
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)

PATH = "/healthz"


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return False


def cache_ok():
    # A write read back: a cache that silently ignores its errors (django-redis's
    # IGNORE_EXCEPTIONS) answers None and fails here too.
    key, value = "healthz:probe", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        return cache.get(key) == value
    except Exception:
        logger.warning("Health check: the cache does not answer", exc_info=True)
        return False


def health_response():
    checks = {"database": database_ok(), "cache": cache_ok()}
    healthy = all(checks.values())
    response = JsonResponse(
        {name: "ok" if ok else "unavailable" for name, ok in checks.items()},
        status=200 if healthy else 503,
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in (PATH, PATH + "/") and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)
