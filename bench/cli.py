"""What every benchmark script shares: its arguments and Django set up on the scratch database.

Django is configured here, before any model is imported: the benchmark modules import the
portal's code inside their functions, after ``setup()`` (scripts, not the portal's layers).
"""

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
DEFAULT_AUTHORITIES = 2000
DEFAULT_RUNS = 5


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument(
        "--authorities",
        type=int,
        default=int(os.environ.get("BENCH_AUTHORITIES", DEFAULT_AUTHORITIES)),
        help=f"fiches to seed (default {DEFAULT_AUTHORITIES}, or $BENCH_AUTHORITIES)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=DEFAULT_RUNS,
        help=f"timed runs per measure; the median is shown (default {DEFAULT_RUNS})",
    )
    parser.add_argument(
        "--only", nargs="*", help="only the measures whose name holds one of these words"
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="skip the map widget in headless Chromium"
    )
    args = parser.parse_args(argv)
    if args.authorities < 1 or args.runs < 1:
        parser.error("--authorities and --runs must be at least 1")
    return args


def setup(argv=None):
    """Parse the arguments and set Django up on the benchmark's database and settings."""
    args = parse_args(argv)
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    return args
