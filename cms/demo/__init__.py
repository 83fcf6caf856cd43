"""Demo content for the portal, built offline from real places (``manage.py seed_demo``).

- ``places``, ``people``, ``texts``: the data (GeoNames cities and subdivisions, fake
  contacts, parallel French, English and Spanish wordings);
- ``plan``: every random choice, drawn from one seed, as plain data;
- ``render``: field values of a planned page in one language;
- ``writer`` and ``seed``: bulk insertion into Wagtail's page tree, idempotent;
- ``news``: a dozen articles through Wagtail's normal publishing path.
"""

from .seed import SeedReport, seed_demo

__all__ = ["SeedReport", "seed_demo"]
