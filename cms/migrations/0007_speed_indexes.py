"""Indexes chosen with EXPLAIN ANALYZE at 15,000 fiches on PostgreSQL (issue 11).

``cms_page_parent_path``: the parent's path of a page, as ``cms.models.querysets.parent_path``
computes it (the same expression, so the planner matches it). A call's fiche is its parent
page; "the open calls of these fiches" (every fiche list, every fiche page) joins calls to
their fiches on it: without the index PostgreSQL hashes the expression for every page of the
site (31,669 rows, 38 ms at 15,000 fiches), with it 14 index probes (0.4 ms).

PostgreSQL only (an expression index over Wagtail's page table); SQLite keeps its plans.
"""

from django.db import migrations

INDEX = "cms_page_parent_path"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page "
            "(SUBSTRING(path, 1, (depth - 1) * 4))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_import_identifiers"),
    ]

    operations = [migrations.RunPython(create, drop)]
