"""Run the portal's periodic jobs, each at its own interval, until stopped.

``make serve`` starts it beside gunicorn (portal/gunicorn_config.py), so the jobs run as long
as the site does, with the same environment, and no crontab has to be guessed. The jobs and
their intervals in seconds are ``settings.PERIODIC_JOBS`` (command name → interval, from
the ``PERIODIC_<COMMAND>`` environment variables; 0 switches a job off). Commands are
called by name, so a renamed command is one line to change.

A failing job is logged with its traceback and tried again at its next turn; the others go
on. Several servers sharing Redis can all run this: each job takes a lock in the shared
cache for its interval, so it runs once per interval across the fleet (the commands are
idempotent and safe to overlap anyway, the lock only saves work).
"""

import logging
import signal
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.translation import gettext as _

logger = logging.getLogger("portal.periodic")


def run_job(name, interval, stdout=None):
    """Run one job unless another process ran it within ``interval``; True when it ran."""
    try:
        if cache.add(f"periodic:{name}", time.time(), timeout=max(1, interval - 1)) is False:
            return False
    except Exception:  # the cache is down: run anyway, the job is safe to overlap
        logger.warning("Periodic job %s: cache unavailable, running without a lock", name)
    started = time.monotonic()
    try:
        call_command(name, stdout=stdout)
    except Exception:
        logger.exception("Periodic job %s failed; it runs again in %d s", name, interval)
    else:
        logger.info("Periodic job %s done in %.1f s", name, time.monotonic() - started)
    return True


class Command(BaseCommand):
    help = "Run the periodic jobs (settings.PERIODIC_JOBS) at their intervals until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and exit.")

    def handle(self, *args, once=False, **options):
        jobs = {name: interval for name, interval in settings.PERIODIC_JOBS.items() if interval}
        if once:
            for name, interval in jobs.items():
                run_job(name, interval, stdout=self.stdout)
            return
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        due = dict.fromkeys(jobs, time.monotonic())
        schedule = ", ".join(f"{name} ({seconds} s)" for name, seconds in jobs.items())
        self.stdout.write(_("Periodic jobs, with their intervals: %(jobs)s.") % {"jobs": schedule})
        self.stdout.flush()
        while jobs and not stop.is_set():
            name = min(due, key=due.get)
            if stop.wait(max(0.0, due[name] - time.monotonic())):
                break
            # A process that lives for days: drop a connection the database closed or that
            # outlived CONN_MAX_AGE before each job, as Django does around each request.
            close_old_connections()
            try:
                run_job(name, jobs[name], stdout=self.stdout)
            finally:
                close_old_connections()
            self.stdout.flush()
            due[name] = time.monotonic() + jobs[name]
