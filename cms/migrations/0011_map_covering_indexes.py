"""Covering indexes for the map's one query (``cms.api.flat.map_features_text``), chosen with
EXPLAIN (ANALYZE, BUFFERS) at 15,000 fiches on PostgreSQL (issue 11). Each holds the few
columns the query reads from a wide table, so the table is not read: an index-only scan,
which PostgreSQL chooses once the visibility map is kept (autovacuum, or VACUUM); without
it the plans stay the sequential scans they were. PostgreSQL only (SQLite has no INCLUDE).

- ``cms_fiche_map_points``: the fiches with coordinates, with their country, kind and
  coordinates: 152 buffers read instead of the fiche table's 3,315 (26 MB of summaries and
  contacts) for the 21,000 fiche pages.
- ``cms_page_copies``: a page type's visible copies by translation key, with their locale,
  id and tree position: the rows the locale fallback's anti-join hashes
  (``with_locale_fallback``, which names the page type), and the open calls' pages (their
  fallback, their parent's path), read without the page table's 1,163 buffers (titles,
  URLs, SEO fields). The open-call counts of the map's query: 53,297 buffers → 14,715 (what
  is left: each call's fiche found by its path, 4,812 probes).
- ``cms_open_call_direction``: open calls with their direction and deadline, what the map's
  open-call counts read of the call table (1,082 buffers, a few dozen in the index).
"""

from django.db import migrations

INDEXES = {
    "cms_fiche_map_points": (
        "cms_authoritypage (page_ptr_id) INCLUDE (country, kind, latitude, longitude) "
        "WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
    ),
    "cms_page_copies": (
        "wagtailcore_page (content_type_id, translation_key) INCLUDE (locale_id, id, path, depth) "
        "WHERE live AND alias_of_id IS NULL"
    ),
    "cms_open_call_direction": (
        "cms_partnershipcallpage (page_ptr_id) INCLUDE (direction, deadline) WHERE status = 'open'"
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cms", "0010_search_page_id_text")]

    operations = [migrations.RunPython(create, drop)]
