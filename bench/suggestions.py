"""Partner suggestions: time per fiche and per call of ``suggestedPartners`` on the seeded set.

Each source (a sample of fiches and of open calls spread over the id range) is asked for 10
suggestions through the public schema, in process; the table shows the median and the slowest
time per source, the SQL query count of one call and how many candidates were scored.

    python -m bench                                 # the whole bench, this table included
    python -m bench.suggestions --authorities 15000 # this table alone
"""

import statistics
import sys
import time

from bench import cli

SAMPLE = 20
QUERY = """query($authority: ID, $call: ID) {
  suggestedPartners(authority: $authority, call: $call, locale: "fr", limit: 10) {
    score reasons
    authority { id title url country { name } }
    call { id title url directionLabel }
  }
}"""


def sample_ids(queryset, size):
    """``size`` ids spread evenly over ``queryset`` (so not only the first seeded ones)."""
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    step = max(1, len(ids) // size)
    return ids[::step][:size]


def time_sources(argument, ids, runs):
    from django.db import connection

    from bench.measures import QueryCounter, execute

    per_source = []
    queries = QueryCounter()
    found = 0
    for pk in ids:
        with connection.execute_wrapper(queries):
            data = execute(QUERY, {argument: pk})  # warm-up run, counted
        found += len(data["suggestedPartners"])
        durations = []
        for _ in range(runs):
            started = time.perf_counter()
            execute(QUERY, {argument: pk})
            durations.append(time.perf_counter() - started)
        per_source.append(statistics.median(durations) * 1000)
    return per_source, queries.count // max(1, len(ids)), found / max(1, len(ids))


def run(runs, out):
    from cms.api import querysets
    from cms.models import AuthorityPage

    fiches = sample_ids(AuthorityPage.objects.visible(), SAMPLE)
    calls = sample_ids(querysets.open_calls(default_locale()), SAMPLE)
    out.write(f"\nsuggestedPartners (limit 10), {SAMPLE} sources each, median of {runs} runs\n\n")
    out.write(f"{'source':<8}  {'median ms':>10}  {'slowest ms':>10}  {'SQL queries':>11}  note\n")
    out.write(f"{'-' * 8}  {'-' * 10}  {'-' * 10}  {'-' * 11}  {'-' * 24}\n")
    for name, argument, ids in (("fiche", "authority", fiches), ("call", "call", calls)):
        times, queries, found = time_sources(argument, ids, runs)
        out.write(
            f"{name:<8}  {statistics.median(times):>10.1f}  {max(times):>10.1f}  "
            f"{queries:>11}  {found:.1f} suggestions on average\n"
        )


def default_locale():
    from django.conf import settings
    from wagtail.models import Locale

    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def main(argv=None):
    args = cli.setup(argv)
    from bench import database

    state = database.prepare(args.authorities, sys.stdout)
    sys.stdout.write(f"{args.authorities:,} fiches ({state})\n")
    run(args.runs, sys.stdout)


if __name__ == "__main__":
    main()
