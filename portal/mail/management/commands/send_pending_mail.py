"""Send every email still owed (expressions of interest, alerts, confirmations, invitations).

    manage.py send_pending_mail            # once (e.g. every minute from cron)
    manage.py send_pending_mail --every 30 # a worker: again every 30 seconds until stopped

Idempotent: each mail leaves once, two runs at the same time never send the same one, a
failed mail is retried later (1, 2, 4… minutes apart), and a mail claimed by a sender that
died is taken again after a few minutes. Also forgets expired data (sent mail after 30
days, alert addresses never confirmed).
"""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.mail.outbox import housekeeping, send_pending


class Command(BaseCommand):
    help = "Send the pending emails of every kind (idempotent); --every N to keep running."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=float, default=0, help="run again every N seconds until stopped"
        )

    def handle(self, *args, every, verbosity, **options):
        while True:
            sent, unsent = send_pending()
            housekeeping()
            if verbosity:
                self.stdout.write(
                    _("Mails sent: %(sent)d; still unsent: %(unsent)d.")
                    % {"sent": sent, "unsent": unsent}
                )
            if not every:
                return
            time.sleep(every)
