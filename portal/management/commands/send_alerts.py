"""Send the alert emails still pending and forget addresses never confirmed.

Run it regularly (e.g. every 10 minutes from cron), like send_pending_mail: it is
idempotent, each subscriber receives each call once, and two runs never send the same one.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.alerts.emails import forget_unconfirmed, send_pending


class Command(BaseCommand):
    help = "Send pending partnership call alerts (idempotent) and purge unconfirmed addresses."

    def handle(self, *args, verbosity, **options):
        sent, pending = send_pending()
        forgotten = forget_unconfirmed()
        if verbosity:
            self.stdout.write(
                _(
                    "Alerts sent: %(sent)d; still pending: %(pending)d; "
                    "unconfirmed addresses forgotten: %(forgotten)d."
                )
                % {"sent": sent, "pending": pending, "forgotten": forgotten}
            )
