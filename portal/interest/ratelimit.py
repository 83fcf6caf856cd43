"""A per-client-address limit on expressions of interest, counted in Django's cache.

django-ratelimit (4.1, 2023) declares support up to Django 4.2 only; what the portal needs
is one fixed-window counter, a few lines on top of ``cache.add``/``cache.incr``, which are
atomic on Redis (shared by every process in production) and on the local-memory cache.
"""

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "interest-rate"


def client_address(request):
    """The visitor's address, grouped so that one visitor counts as one.

    Behind ``TRUSTED_PROXY_COUNT`` reverse proxies the address is the one the outermost
    trusted proxy saw (entries further left are whatever the client chose to send). An
    IPv6 host usually owns a whole /64, so the /64 is what is counted.
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


class RateLimit:
    """At most ``limit`` hits per ``period`` seconds for one client address."""

    def __init__(self, request, limit=None, period=None, prefix=KEY_PREFIX):
        self.limit = settings.INTEREST_RATE_LIMIT if limit is None else limit
        self.period = settings.INTEREST_RATE_PERIOD if period is None else period
        self.window = int(time.time() // self.period)
        # Each form counts under its own prefix: alerts don't use up the interest budget.
        self.key = f"{prefix}:{client_address(request)}:{self.window}"

    def is_exceeded(self):
        return (cache.get(self.key) or 0) >= self.limit

    def retry_after(self):
        """Seconds until the current window ends (for the Retry-After header)."""
        return max(1, int((self.window + 1) * self.period - time.time()))

    def hit(self):
        # add() creates the counter only if absent, so concurrent first hits don't reset it.
        cache.add(self.key, 0, timeout=self.period)
        try:
            cache.incr(self.key)
        except ValueError:  # evicted between add() and incr()
            cache.set(self.key, 1, timeout=self.period)
