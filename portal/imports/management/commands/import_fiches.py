"""``manage.py import_fiches FILE [--dry-run] [--locale fr] [--publish|--draft] [--valid-rows]``

Imports fiches, cooperations and foreign actors from a CSV or XLSX file laid out as the
template (see the README, "Importing existing data"). Every row is checked first; when
some are refused nothing is written unless ``--valid-rows`` is given.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext
from tqdm import tqdm

from portal.imports.engine import run_import, status_label


class Command(BaseCommand):
    help = "Import fiches, their cooperations and foreign actors from a CSV or XLSX file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .xlsx file laid out as the template")
        parser.add_argument(
            "--dry-run", action="store_true", help="check every row and report, write nothing"
        )
        parser.add_argument(
            "--locale",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of the new fiches and of the report (default: %(default)s)",
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--publish",
            dest="publish",
            action="store_true",
            default=True,
            help="publish new and changed fiches (default)",
        )
        mode.add_argument(
            "--draft",
            dest="publish",
            action="store_false",
            help="save new and changed fiches as drafts for moderators to publish",
        )
        parser.add_argument(
            "--valid-rows",
            action="store_true",
            help="when some rows are refused, import the valid ones anyway",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from None
        language = options["locale"]
        show_bar = options["verbosity"] >= 1

        def progress(total=None, desc=""):
            return tqdm(
                total=total, desc=desc, unit=" rows", disable=not show_bar, file=self.stderr._out
            )

        report = run_import(
            data,
            filename=path.name,
            language=language,
            publish=options["publish"],
            dry_run=options["dry_run"],
            valid_rows_only=options["valid_rows"],
            progress=progress,
        )
        with translation.override(language):
            for message in report.file_errors:
                self.stderr.write(message)
            if report.file_errors:
                raise CommandError(gettext("Nothing was imported."))
            for line in report.lines:
                if line.messages:
                    self.stdout.write(
                        gettext("Line %(line)s (%(table)s), %(title)s: %(status)s — %(messages)s")
                        % {
                            "line": line.line,
                            "table": line.table,
                            "title": line.title or "—",
                            "status": status_label(line.status),
                            "messages": " ".join(line.messages),
                        }
                    )
            self.stdout.write(report.summary())
            if report.linked:
                self.stdout.write(
                    gettext("Partners linked to their new fiche: %(n)s") % {"n": report.linked}
                )
            if report.dry_run:
                self.stdout.write(gettext("Dry run: nothing was written."))
            elif report.stopped:
                raise CommandError(
                    gettext(
                        "Some rows are refused: nothing was written. Correct them, or "
                        "run again with --valid-rows to import the valid rows only."
                    )
                )
            else:
                self.stdout.write(self.style.SUCCESS(gettext("Import done.")))
