"""The bench database: migrated, and seeded with exactly the requested number of fiches.

A database that already holds that many fiches is reused (seeding 15,000 takes over a
minute). A scratch SQLite file holding another number is recreated; any other database is
only seeded when empty, never wiped.

The planner statistics are refreshed (ANALYZE) before measuring, as PostgreSQL's autovacuum
does in production: without them SQLite walks the locale-fallback subqueries through the
wrong index, and a 100-item list of 15,000 fiches takes 30 s instead of half a second. On
PostgreSQL the tables are vacuumed too (VACUUM ANALYZE), as autovacuum also does after the
seed's inserts: it keeps the visibility map, without which no index-only scan is chosen
(the map's covering indexes, migration 0011), and a server run with autovacuum off (as the
bench's may be) would measure plans production does not run.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from cms.models import AuthorityPage


def fiche_count():
    """Fiches in the source language: seed_demo writes every fiche there first."""
    return AuthorityPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).count()


def sqlite_file():
    if connection.vendor != "sqlite":
        return None
    name = str(settings.DATABASES["default"]["NAME"])
    return None if name == ":memory:" else Path(name)


def delete_sqlite(path):
    connection.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def analyze():
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def jit_setting():
    """PostgreSQL's ``jit`` for this connection (", jit off"), or "" elsewhere."""
    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        return f", jit {cursor.fetchone()[0]}"


def prepare(count, out):
    """Make the database hold ``count`` seeded fiches; returns a line describing it.

    The cache is cleared first: it may hold another database's payloads (two bench
    databases sharing one Redis database)."""
    cache.clear()
    path = sqlite_file()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    call_command("migrate", verbosity=0, interactive=False)
    existing = fiche_count()
    if existing == count:
        analyze()
        return f"reused, {existing:,} fiches already seeded"
    if existing:
        if path is None:
            raise SystemExit(
                f"The database holds {existing:,} fiches, not {count:,}: bench an empty "
                f"database or pass --authorities {existing}."
            )
        out.write(f"{path} holds {existing:,} fiches, not {count:,}: recreating it.\n")
        delete_sqlite(path)
        call_command("migrate", verbosity=0, interactive=False)
    out.write(f"Seeding {count:,} fiches (seed_demo)…\n")
    out.flush()
    started = time.monotonic()
    call_command("bootstrap_portal", verbosity=0)
    call_command("seed_demo", authorities=count, verbosity=1)
    analyze()
    return f"seeded now in {time.monotonic() - started:.0f} s"
