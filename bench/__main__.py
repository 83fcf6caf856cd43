"""``make bench`` (``python -m bench``): how fast the portal answers, beside its anchors.

Uses the database ``DATABASE_URL`` names (default ``var/bench.sqlite3``; the figures that
count are PostgreSQL's, e.g. ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench15k``)
and the cache ``REDIS_URL`` names (default local memory). A database holding another number
of fiches than ``--authorities`` is seeded when empty (a scratch SQLite file is recreated);
then ANALYZE, and a table: for each measure the project's median, spread and SQL count beside
its anchors' in the same interleaved run (see ``bench.measures``), then the partner
suggestions per source, the map widget in headless Chromium and the import's rows per
second (``bench.imports``).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench15k REDIS_URL=redis://127.0.0.1:6379/7 \\
        python -m bench --authorities 15000 --runs 7
    python -m bench --authorities 2000 --only fiche search   # only the rows naming these words
    make bench BENCH_AUTHORITIES=15000
"""

import platform
import sys

from bench import cli


def main(argv=None):
    args = cli.setup(argv)
    from django.conf import settings
    from django.db import connection

    from bench import database, measures

    out = sys.stdout
    state = database.prepare(args.authorities, out)
    measured = measures.run_all(args.runs, args.only)
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    jit = database.jit_setting()
    heading = (
        f"{args.authorities:,} fiches ({state}); {connection.vendor} "
        f"{connection.settings_dict['NAME']}{jit}; cache {cache}; "
        f"Python {platform.python_version()}; {args.runs} interleaved runs"
    )
    measures.print_rows(measured, heading, out)
    if args.only:
        return
    # Partner suggestions: time per fiche and per call (suggestions.py).
    from bench import suggestions

    suggestions.run(args.runs, out)
    if args.no_browser:
        return
    # The map widget: payload size and time to markers in headless Chromium (map_load.py).
    from bench import map_load

    map_load.run(min(args.runs, 3), out)
    # Imports: rows per second of run_import, rolled back (imports.py).
    from bench import imports

    imports.run(min(args.authorities, imports.DEFAULT_ROWS), out)


if __name__ == "__main__":
    main()
