"""``make bench`` (``python -m bench``): how fast the public API answers on a seeded database.

Seeds a scratch database (``DATABASE_URL``, default ``var/bench.sqlite3``) with
``seed_demo --authorities N`` unless it already holds N fiches, then prints a table: the
map's GeoJSON (cold and warm cache) beside the floor of one ``.values()`` query dumped with
orjson, 100-item lists with nested objects, search and the CSV export, each with its SQL
query count; then partner suggestions, the map's load and the import's rows per second.

    python -m bench --authorities 15000 --runs 7
    make bench BENCH_AUTHORITIES=15000
"""

import platform
import sys

from bench import cli


def print_table(measures, heading, out):
    width = max(len(m.name) for m in measures)
    out.write(f"\n{heading}\n\n")
    out.write(f"{'measure':<{width}}  {'median ms':>10}  {'SQL queries':>11}  note\n")
    out.write(f"{'-' * width}  {'-' * 10}  {'-' * 11}  {'-' * 30}\n")
    for m in measures:
        out.write(f"{m.name:<{width}}  {m.median_ms:>10.1f}  {m.queries:>11}  {m.note}\n")


def main(argv=None):
    args = cli.setup(argv)
    from django.conf import settings
    from django.db import connection

    from bench import database, measures

    out = sys.stdout
    state = database.prepare(args.authorities, out)
    results = measures.run_all(args.runs)
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    heading = (
        f"{args.authorities:,} fiches ({state}); {connection.vendor} "
        f"{connection.settings_dict['NAME']}; cache {cache}; Python {platform.python_version()}; "
        f"median of {args.runs} runs"
    )
    print_table(results, heading, out)
    # Partner suggestions: time per fiche and per call (suggestions.py).
    from bench import suggestions

    suggestions.run(args.runs, out)
    # The map widget: payload size and time to markers in headless Chromium (map_load.py).
    from bench import map_load

    map_load.run(min(args.runs, 3), out)
    # Imports: rows per second of run_import, rolled back (imports.py).
    from bench import imports

    imports.run(min(args.authorities, imports.DEFAULT_ROWS), out)


if __name__ == "__main__":
    main()
