"""Settings for running the portal (development server, production, management commands).

Development needs nothing set but DEBUG=1 (``make run`` sets it). Production sets at least
SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (REDIS_URL to share the cache between processes).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEBUG, DEVELOPMENT_SECRET_KEY, SECRET_KEY

if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is the development key while DEBUG is off: set SECRET_KEY in the environment."
    )
