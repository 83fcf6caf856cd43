"""Indexes chosen with EXPLAIN ANALYZE at 15,000 fiches on PostgreSQL (issue 11), on Wagtail's
page table (so created here, by SQL: the table is not this app's model).

- ``cms_page_parent_path``: the parent's path of a page, the expression
  ``cms.models.querysets.parent_path`` computes (the same, so the planner matches it). A call's
  fiche is its parent page; "the open calls of these fiches" (every fiche list and page) joins
  calls to fiches on it: without the index PostgreSQL hashes the expression for every page of
  the site (31,669 rows, 38 ms), with it a few index probes (0.4 ms). PostgreSQL only.
- ``cms_page_title_id``: lists by title (fiches, the directory) walk it and stop after a page
  of results, instead of sorting every page of the site on disk: 192 ms → 7.6 ms for 100
  fiches of 15,000.
- ``cms_page_newest``: calls newest first (``first_published_at DESC NULLS LAST, id DESC``,
  the API's default order), the same way. PostgreSQL only (SQLite sorts NULLs otherwise).
- ``cms_search_title_body``: Wagtail's PostgreSQL search matches ``(title || body) @@ query``
  on its index entries, an expression its own GIN indexes (title, body apart) do not serve:
  every entry of the model was concatenated and matched (21,000 for fiches, 460 ms of the
  618 ms of "eau"); with the expression indexed, a bitmap scan (148 ms in all). PostgreSQL
  only (the entries' columns are tsvectors there; SQLite's search uses its FTS table).
"""

from django.db import migrations

PORTABLE = {"cms_page_title_id": "(title, id)"}
POSTGRESQL = {
    "cms_page_parent_path": "(SUBSTRING(path, 1, (depth - 1) * 4))",
    "cms_page_newest": "(first_published_at DESC NULLS LAST, id DESC)",
}
SEARCH_INDEX = (
    "CREATE INDEX IF NOT EXISTS cms_search_title_body ON wagtailsearch_indexentry "
    "USING gin ((title || body))"
)


def create(apps, schema_editor):
    indexes = dict(PORTABLE)
    if schema_editor.connection.vendor == "postgresql":
        indexes |= POSTGRESQL
    for name, columns in indexes.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns}")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SEARCH_INDEX)


def drop(apps, schema_editor):
    for name in (*PORTABLE, *POSTGRESQL, "cms_search_title_body"):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_import_identifiers"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
