"""Settings for ``python -m bench``: the portal's base settings with DEBUG off.

DEBUG off as in production (no query log kept on every query); the database is the one
``DATABASE_URL`` names, which ``bench.__main__`` points at a scratch SQLite file by default.
"""

import warnings

from portal.settings.base import *  # noqa: F403

# Static files are not collected for the bench, and no page that needs them is measured.
warnings.filterwarnings("ignore", "No directory at", UserWarning)

DEBUG = False
# The export is measured through Django's test client.
ALLOWED_HOSTS = ["testserver"]
