"""The outbox: one row per email the portal owes someone, saved before anything is sent.

A row names what to send (``kind`` and the id of the feature's object, e.g. an expression
of interest) rather than holding the rendered text: the message is built when it leaves,
from the feature's own data, so the outbox keeps no copy of what visitors wrote, and a
feature may decide at that moment that there is nothing to send any more (a call closed
since, a subscription deleted).

Sent once: a sender claims a row with a conditional UPDATE before sending it and stamps
``sent_at`` as soon as it has left. Retried: a failure frees the row with its error for
the next run; a claim older than ``STALE_CLAIM`` is from a sender that died and
may be taken again.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Longer than any one send can take with EMAIL_TIMEOUT (connect, a few SMTP commands).
MIN_STALE_CLAIM = datetime.timedelta(minutes=2)


def stale_claim():
    timeout = getattr(settings, "EMAIL_TIMEOUT", None) or 0
    return max(MIN_STALE_CLAIM, datetime.timedelta(seconds=6 * timeout))


class OutgoingMailQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)

    def due(self, now=None):
        """Unsent, and nobody is sending it now."""
        now = now or timezone.now()
        free = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - stale_claim())
        return self.unsent().filter(free)

    def of(self, kind, object_id):
        return self.filter(kind=kind, object_id=object_id)

    def to_recipient_since(self, kind, recipient, since):
        """Mails of ``kind`` queued for ``recipient`` since ``since`` (per-recipient limits)."""
        return self.filter(kind=kind, recipient__iexact=recipient, created_at__gte=since)

    def claim(self, pk, now=None):
        """Take the right to send row ``pk``; False if someone else holds it or it left."""
        now = now or timezone.now()
        claimed = self.due(now).filter(pk=pk).update(claimed_at=now, attempts=F("attempts") + 1)
        return claimed == 1


class OutgoingMail(models.Model):
    kind = models.CharField(_("kind"), max_length=64)
    object_id = models.PositiveBigIntegerField(_("object"))
    # Anything else the feature needs to build the message (ids, not texts).
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    # Who it is for, as known when it was queued: for per-recipient limits and the admin.
    recipient = models.EmailField(_("recipient"), blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    claimed_at = models.DateTimeField(null=True, editable=False)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True)
    error = models.TextField(_("last error"), blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        ordering = ["pk"]
        indexes = [
            models.Index(fields=["sent_at"], name="mail_unsent"),
            models.Index(fields=["kind", "object_id"], name="mail_object"),
        ]

    def __str__(self):
        return f"{self.kind} #{self.object_id} → {self.recipient}"
