"""Settings for running the portal (development server, production, management commands).

Development needs nothing set but DEBUG=1 (``make run`` sets it). Production (DEBUG off)
refuses to start without what it needs: its own SECRET_KEY, ALLOWED_HOSTS and the public
base URL (PUBLIC_BASE_URL); DATABASE_URL and REDIS_URL to share data between processes.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    DEBUG,
    DEVELOPMENT_SECRET_KEY,
    PUBLIC_BASE_URL,
    SECRET_KEY,
    WAGTAILADMIN_BASE_URL,
)

URL_SCHEMES = ("https://", "http://")


def production_problems():
    """What production settings lack, one sentence each (empty when ready to serve)."""
    problems = []
    if SECRET_KEY == DEVELOPMENT_SECRET_KEY:
        problems.append(
            "SECRET_KEY is the development key while DEBUG is off: set SECRET_KEY in the "
            "environment."
        )
    if not ALLOWED_HOSTS:
        problems.append(
            "ALLOWED_HOSTS is empty while DEBUG is off: set ALLOWED_HOSTS (comma-separated "
            "host names) in the environment."
        )
    if not PUBLIC_BASE_URL:
        problems.append(
            "PUBLIC_BASE_URL is not set while DEBUG is off: set it to the portal's public "
            "address, e.g. https://bourse.example.org (emails and the admin link to it)."
        )
    elif not PUBLIC_BASE_URL.startswith(URL_SCHEMES):
        problems.append(
            "PUBLIC_BASE_URL must start with https:// or http://, e.g. https://bourse.example.org."
        )
    # The admin's links in mails (invitations, moderation): PUBLIC_BASE_URL unless set apart.
    if not WAGTAILADMIN_BASE_URL.startswith(URL_SCHEMES):
        problems.append(
            "WAGTAILADMIN_BASE_URL must start with https:// or http://, e.g. "
            "https://bourse.example.org (or leave it unset: it is PUBLIC_BASE_URL)."
        )
    return problems


if not DEBUG and (problems := production_problems()):
    raise ImproperlyConfigured(" ".join(problems))
