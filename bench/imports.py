"""Imports: rows per second of ``run_import`` on the seeded database (portal.imports.engine).

A generated CSV of ``--rows`` new fiches (official codes, coordinates, themes) is imported
three ways on a database already holding ``--authorities`` fiches: checked only (dry run),
created, then imported again unchanged (the idempotent second pass); then a calls table of
one call per tenth fiche is created. Everything runs inside a transaction that is rolled
back, so the seeded database is left as it was.

    python -m bench.imports --authorities 2000 --rows 2000
    DATABASE_URL=postgres://…/bench_imports2k python -m bench.imports --authorities 2000
"""

import argparse
import csv
import io
import sys
import time

from bench import cli

DEFAULT_ROWS = 2000


class Rollback(Exception):
    pass


def fiche_file(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [
            "official_code",
            "title",
            "kind",
            "country_code",
            "latitude",
            "longitude",
            "population",
            "themes",
            "summary",
        ]
    )
    for n in range(rows):
        writer.writerow(
            [
                f"BENCH{n:06d}",
                f"Commune importée {n}",
                "municipality",
                "FR",
                f"{43 + (n % 700) / 100:.2f}",
                f"{(n % 600) / 100:.2f}",
                1000 + n,
                "water-sanitation; culture-heritage",
                f"Fiche {n} apportée par l'import.",
            ]
        )
    return buffer.getvalue().encode("utf-8")


def call_file(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [
            "call_external_id",
            "fiche_official_code",
            "call_title",
            "direction",
            "call_status",
            "call_summary",
            "deadline",
        ]
    )
    for n in range(0, rows, 10):
        writer.writerow(
            [
                f"bench-call-{n}",
                f"BENCH{n:06d}",
                f"Appel {n}",
                "offer",
                "open",
                "Un appel importé.",
                "2031-12-31",
            ]
        )
    return buffer.getvalue().encode("utf-8")


def timed(data, **options):
    from portal.imports.engine import run_import

    started = time.perf_counter()
    report = run_import(data, language="fr", **options)
    elapsed = time.perf_counter() - started
    if report.file_errors or report.refused:
        raise SystemExit(f"bench import refused: {report.file_errors or report.refused[:3]}")
    return elapsed, report


def run(rows, out):
    from django.db import connection, transaction

    fiches, calls = fiche_file(rows), call_file(rows)
    results = []
    try:
        with transaction.atomic():
            for name, data, options in (
                ("check (dry run)", fiches, {"dry_run": True}),
                ("create", fiches, {}),
                ("again, unchanged", fiches, {}),
                ("calls, create", calls, {}),
            ):
                elapsed, report = timed(data, **options)
                count = len(report.lines)
                results.append((name, count, elapsed, report.summary()))
            raise Rollback
    except Rollback:
        pass
    out.write(
        f"\nrun_import of {rows:,} fiche rows; {connection.vendor} "
        f"{connection.settings_dict['NAME']}; rolled back\n\n"
    )
    out.write(f"{'step':<18}  {'rows':>6}  {'seconds':>8}  {'rows/s':>8}  summary\n")
    out.write(f"{'-' * 18}  {'-' * 6}  {'-' * 8}  {'-' * 8}  {'-' * 30}\n")
    for name, count, elapsed, summary in results:
        out.write(f"{name:<18}  {count:>6}  {elapsed:>8.1f}  {count / elapsed:>8.0f}  {summary}\n")


def main(argv=None):
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    own, rest = parser.parse_known_args(argv)
    args = cli.setup(rest)
    from bench import database

    state = database.prepare(args.authorities, sys.stdout)
    sys.stdout.write(f"{args.authorities:,} fiches ({state})\n")
    run(own.rows, sys.stdout)


if __name__ == "__main__":
    main()
