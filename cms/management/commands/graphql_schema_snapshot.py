"""Write the public GraphQL schema (SDL) to graphql/schema.graphql, or check it is current."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.api.schema import schema

SNAPSHOT = Path(settings.BASE_DIR) / "graphql" / "schema.graphql"


def current_sdl():
    return str(schema).rstrip("\n") + "\n"


class Command(BaseCommand):
    help = "Write graphql/schema.graphql from the schema; --check fails when it is out of date."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Do not write: exit with an error when the committed file differs.",
        )

    def handle(self, *args, check=False, **options):
        sdl = current_sdl()
        committed = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else None
        if check:
            if committed != sdl:
                raise CommandError(
                    f"{SNAPSHOT} is out of date with the schema: run `make schema` and commit it."
                )
            self.stdout.write("GraphQL schema snapshot is up to date.")
            return
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(sdl, encoding="utf-8")
        self.stdout.write(f"Wrote {SNAPSHOT}.")
