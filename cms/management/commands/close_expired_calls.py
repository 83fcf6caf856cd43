"""Close the partnership calls whose deadline has passed.

Each live call (every language copy) still "open" after its deadline is set to "closed" and
published as a new revision, so the change is live, logged in the page history and seen by
everything that listens to publication (the GraphQL caches drop). An editor's unpublished
draft is not published by accident: the live content is what gets closed, and the draft is
saved again on top of it with the closed status. Idempotent: a second run finds nothing.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from cms.models import CallStatus, PartnershipCallPage


def expired_calls(today=None):
    today = today or datetime.date.today()
    return PartnershipCallPage.objects.live().filter(
        status=CallStatus.OPEN, deadline__lt=today, alias_of__isnull=True
    )


@transaction.atomic
def close(pk):
    """Close one call if it is still expired and open (another run may have done it)."""
    call = expired_calls().select_for_update().filter(pk=pk).first()
    if call is None:
        return False
    draft = call.latest_revision if call.has_unpublished_changes else None
    # The page row holds the live content: publish it with the closed status only.
    call.status = CallStatus.CLOSED
    call.save_revision(clean=False, log_action=True).publish(log_action=True)
    if draft is not None:
        pending = draft.as_object()
        pending.status = CallStatus.CLOSED
        pending.save_revision(clean=False, log_action=True)
    return True


class Command(BaseCommand):
    help = "Close the open partnership calls whose deadline has passed, and publish them."

    def handle(self, *args, verbosity, **options):
        # Ids first: the loop writes to the table it would otherwise be reading.
        ids = list(expired_calls().order_by("pk").values_list("pk", flat=True))
        closed = sum(close(pk) for pk in ids)
        if verbosity:
            self.stdout.write(_("Expired calls closed: %(count)d.") % {"count": closed})
