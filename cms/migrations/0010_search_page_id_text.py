"""An index chosen with EXPLAIN ANALYZE at 15,000 fiches on PostgreSQL (issue 11), on Wagtail's
page table (so created here, by SQL: the table is not this app's model).

- ``cms_page_id_text``: a page's id as Wagtail's search index entries hold it (``object_id``,
  text), the expression Wagtail's ``index_entries`` relation joins on
  (``object_id = id::varchar(50)``, the same, so the planner matches it). The search page and
  the ``search`` field read fiches, calls and news in ONE ranked query over their ``Page`` rows
  (``cms.api.search``): PostgreSQL ranks the matching entries (the GIN index on
  ``title || body``), then walks them best first, each page found by this index and checked
  for the visitor (visible, locale fallback, a call's fiche) until a page of results is full.
  Without it the join hashed every page of the site and checked the locale fallback of all
  of them (31,548 rows: "eau" 515 ms); with it 26 index probes (48 ms, of which the ranking of
  the 2,588 matches takes 38, as in Wagtail's own search). PostgreSQL only (SQLite's search
  filters on its FTS table by subquery).
"""

from django.db import migrations

INDEX = "CREATE INDEX IF NOT EXISTS cms_page_id_text ON wagtailcore_page (((id)::varchar(50)))"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS cms_page_id_text")


class Migration(migrations.Migration):
    dependencies = [("cms", "0009_news_block_labels")]

    operations = [migrations.RunPython(create, drop)]
