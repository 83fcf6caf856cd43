import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from cms.models import AuthorityPage
from demo.seed import seed_demo

DEFAULT_AUTHORITIES = 120


class Command(BaseCommand):
    help = (
        "Fill the portal with realistic demo content built offline from real places: fiches, "
        "partnership calls, cooperations, foreign actors, translations and news (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--authorities",
            type=int,
            default=DEFAULT_AUTHORITIES,
            help=f"How many authorities to create (default {DEFAULT_AUTHORITIES}).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Same seed, same content (default 1)."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the portal already has authorities.",
        )

    def handle(self, *args, authorities, seed, if_empty, verbosity, **options):
        if authorities < 1:
            raise CommandError(_("--authorities must be at least 1."))
        if if_empty and AuthorityPage.objects.exists():
            if verbosity:
                self.stdout.write(_("The portal already has authorities: demo content skipped."))
            return
        started = time.monotonic()
        report = seed_demo(authorities, seed, progress=self._progress_factory(verbosity))
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "Demo content in %(seconds).1f s: %(authorities)d fiches, %(calls)d calls, "
                        "%(cooperations)d cooperations, %(actors)d foreign actors, "
                        "%(translated)d translated pages, %(news)d news articles "
                        "(%(already)d fiches were already there)."
                    )
                    % {
                        "seconds": time.monotonic() - started,
                        "authorities": report.authorities,
                        "calls": report.calls,
                        "cooperations": report.cooperations,
                        "actors": report.actors,
                        "translated": report.translated_pages,
                        "news": report.news,
                        "already": report.already_there,
                    }
                )
            )

    @staticmethod
    def _progress_factory(verbosity):
        """tqdm bars on an interactive terminal; nothing in logs, pipes and tests."""
        if verbosity == 0 or not sys.stderr.isatty():
            return None
        return lambda total, desc: tqdm(total=total, desc=desc, unit="", file=sys.stderr)
