from django.core.management.base import BaseCommand

from portal.backup import backup
from portal.settings.base import VAR_DIR


class Command(BaseCommand):
    help = "Back up the database (pg_dump or a SQLite copy) and the media (a tar archive)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            default=str(VAR_DIR / "backups"),
            help="Where to create the backup (one timestamped directory per backup).",
        )

    def handle(self, *args, directory, **options):
        target = backup(directory)
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
