"""Send the emails of expressions of interest that could not be sent when they arrived.

Run it regularly (e.g. every 10 minutes from cron): it is idempotent, each email leaves
once, and two runs at the same time never send the same expression.
It lives in portal (not cms) because sending is the portal's job: cms never imports portal.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.interest.emails import send_pending


class Command(BaseCommand):
    help = "Send the pending emails of expressions of interest (idempotent)."

    def handle(self, *args, verbosity, **options):
        sent, unsent = send_pending()
        if verbosity:
            self.stdout.write(
                _("Expressions of interest sent: %(sent)d; still unsent: %(unsent)d.")
                % {"sent": sent, "unsent": unsent}
            )
