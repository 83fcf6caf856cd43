"""Hardening pieces the libraries don't provide: the client address behind proxies, the
admins' network restriction, the admins' relaxed script policy, and quiet outage logging.
"""

import ipaddress
import logging
import math
import time
from functools import lru_cache

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.shortcuts import render

TOO_MANY_REQUESTS = 429


def client_ip(request):
    """The address of the client that reached the outermost trusted proxy.

    Behind ``TRUSTED_PROXY_COUNT`` reverse proxies it is the Nth entry from the right of
    X-Forwarded-For (entries further left are whatever the client chose to send); with no
    proxy, REMOTE_ADDR."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address


def client_address(request):
    """The visitor's address, grouped so that one visitor counts as one (rate limits, login
    throttling): an IPv6 host usually owns a whole /64, so the /64 is what is counted.
    """
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        # No usable address (a test request, a misconfigured proxy): one shared bucket, and a
        # valid address for django-axes, which parses it.
        return "0.0.0.0"
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


@lru_cache(maxsize=8)
def _networks(cidrs):
    try:
        return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in cidrs)
    except ValueError as error:
        raise ImproperlyConfigured(f"ADMIN_ALLOWED_NETWORKS: {error}") from error


def is_admin_path(path):
    return path.startswith(tuple(settings.ADMIN_URL_PREFIXES))


class AdminNetworkMiddleware:
    """Both admins answer 403 to clients outside ``ADMIN_ALLOWED_NETWORKS`` (when set)."""

    def __init__(self, get_response):
        self.get_response = get_response
        _networks(tuple(settings.ADMIN_ALLOWED_NETWORKS))  # a typo fails at start-up

    def __call__(self, request):
        if settings.ADMIN_ALLOWED_NETWORKS and is_admin_path(request.path_info):
            networks = _networks(tuple(settings.ADMIN_ALLOWED_NETWORKS))
            try:
                address = ipaddress.ip_address(client_ip(request))
            except ValueError:
                raise PermissionDenied from None
            if not any(address in network for network in networks):
                raise PermissionDenied
        return self.get_response(request)


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware; the admins' pages may also run inline scripts.

    Wagtail's panels and widgets (and wagtail-localize's editor) still embed inline
    scripts; the public site, which visitors reach, never needs them.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_path(request.path_info):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), UNSAFE_INLINE]
            parts.update = update
        return parts


class OncePerInterval(logging.Filter):
    """Lets one record through per ``interval`` seconds, as one line without traceback.

    Used for the cache: with Redis down, each request would otherwise log a traceback per
    cache operation.
    """

    def __init__(self, interval=60):
        super().__init__()
        self.interval = interval
        self._last = None

    def filter(self, record):
        now = time.monotonic()
        if self._last is not None and now - self._last < self.interval:
            return False
        self._last = now
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            cause = error.__cause__ or error
            record.msg = (
                f"Cache unreachable, serving without it ({type(cause).__name__}: {cause}); "
                f"next report in {self.interval} s at the earliest"
            )
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' ``AXES_LOCKOUT_CALLABLE``: the lockout page, in the visitor's language."""
    cooloff = settings.AXES_COOLOFF_TIME.total_seconds()
    response = render(
        request,
        "portal/admin_lockout.html",
        {"cooloff_minutes": max(1, math.ceil(cooloff / 60))},
        status=TOO_MANY_REQUESTS,
    )
    response["Retry-After"] = str(int(cooloff))
    return response
