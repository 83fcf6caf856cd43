"""Demo content for the portal, built offline from real places (``manage.py seed_demo``).

A Django app of its own, outside the content model: production code never imports it; only
its ``seed_demo`` command, ``make run``, ``bench/`` and the tests do.

- ``places``, ``people``, ``texts``: the data (GeoNames cities and subdivisions, fake
  contacts, parallel French, English and Spanish wordings);
- ``plan``: every random choice, drawn from one seed, as plain data;
- ``render``: field values of a planned page in one language;
- ``writer`` and ``seed``: bulk insertion into Wagtail's page tree, idempotent
  (``demo.seed.seed_demo``);
- ``news``: a dozen articles through Wagtail's normal publishing path.
"""
