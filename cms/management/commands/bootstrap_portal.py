from django.core.management.base import BaseCommand

from cms.bootstrap import ensure_skeleton


class Command(BaseCommand):
    help = "Create the locales, the starting taxonomy and the page skeleton (idempotent)."

    def handle(self, *args, **options):
        skeleton = ensure_skeleton()
        self.stdout.write(self.style.SUCCESS(f"Portal ready: home page #{skeleton.home.pk}."))
