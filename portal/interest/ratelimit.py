"""A per-client-address limit on expressions of interest, counted in Django's cache.

django-ratelimit (4.1, 2023) declares support up to Django 4.2 only; what the portal needs
is one fixed-window counter, a few lines on top of ``cache.add``/``cache.incr``, which are
atomic on Redis (shared by every process in production) and on the local-memory cache.
"""

import time

from django.conf import settings
from django.core.cache import cache

from portal.security import client_address

KEY_PREFIX = "interest-rate"
__all__ = ["KEY_PREFIX", "RateLimit", "client_address"]


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
