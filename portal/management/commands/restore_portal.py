from django.core.management.base import BaseCommand, CommandError

from portal.backup import restore


class Command(BaseCommand):
    help = "Replace the database and the media with a backup made by backup_portal."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="A backup directory, e.g. var/backups/20260101T000000Z")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, backup, interactive, **options):
        if interactive:
            answer = input(
                "This replaces the current database and media with the backup. Type 'yes': "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore(backup)
        except (FileNotFoundError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {backup}"))
