"""Queue a mail, and send what is due: the one way the portal sends email.

A feature registers each kind of mail it sends (``register``, from its AppConfig.ready)
with how to build the message from its object, and optionally what to stamp once it has
left. In a request, the feature saves its data and calls ``enqueue`` in the same
transaction: nothing is sent there, so a slow or hanging mail server never holds a
visitor's request. ``send_pending_mail`` (run every minute or two, or as a worker with
``--every``) sends every due row of every kind.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutgoingMail

logger = logging.getLogger(__name__)

# Sent rows are kept this long (per-recipient limits count them), then forgotten.
SENT_LIFETIME = datetime.timedelta(days=30)


@dataclass(frozen=True)
class MailKind:
    name: str
    # The message for the queued row (its object_id, params), or None when there is
    # nothing to send any more.
    build: Callable[[OutgoingMail], EmailMessage | None]
    # Called once the message has left (e.g. to stamp the feature's own object).
    sent: Callable[[OutgoingMail, EmailMessage], None] | None = None
    # Called when an attempt failed, with the error's text.
    failed: Callable[[OutgoingMail, str], None] | None = None


KINDS: dict[str, MailKind] = {}
HOUSEKEEPING: list[Callable[[], object]] = []


def register(kind):
    KINDS[kind.name] = kind
    return kind


def register_housekeeping(function):
    """Run ``function`` after each ``send_pending`` (e.g. forgetting expired data)."""
    if function not in HOUSEKEEPING:
        HOUSEKEEPING.append(function)
    return function


def render_message(template, language, context, **message_fields):
    """An EmailMessage from ``template``.txt and ``template``_subject.txt, in ``language``."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(" ".join(subject.split()), body, **message_fields)


def enqueue(kind, object_id, recipient="", **params):
    """Owe one mail of ``kind`` about ``object_id``: saved with the caller's transaction."""
    if kind not in KINDS:
        raise LookupError(f"Unknown kind of mail: {kind}")
    return OutgoingMail.objects.create(
        kind=kind, object_id=object_id, recipient=recipient, params=params
    )


def _failed(mail, kind, error):
    text = f"{type(error).__name__}: {error}"
    logger.warning("Mail %s (%s #%s) not sent: %s", mail.pk, mail.kind, mail.object_id, text)
    OutgoingMail.objects.filter(pk=mail.pk).update(claimed_at=None, error=text)
    if kind is not None and kind.failed is not None:
        kind.failed(mail, text)


def deliver(mail):
    """Send one row if nobody else is: True when it has left."""
    if not OutgoingMail.objects.claim(mail.pk):
        return False
    kind = KINDS.get(mail.kind)
    if kind is None:
        _failed(mail, None, LookupError(f"unknown kind of mail {mail.kind}"))
        return False
    try:
        message = kind.build(mail)
        if message is None:
            # The feature has nothing to say any more (object deleted, call closed…).
            OutgoingMail.objects.filter(pk=mail.pk).delete()
            return False
        message.send()
    except Exception as error:  # SMTP, socket, DNS…: whatever it is, retry later
        _failed(mail, kind, error)
        return False
    OutgoingMail.objects.filter(pk=mail.pk).update(
        claimed_at=None, sent_at=timezone.now(), error=""
    )
    if kind.sent is not None:
        kind.sent(mail, message)
    return True


def send_pending(kinds=None):
    """Send every due row (of ``kinds``, default all): (sent, still unsent)."""
    due = OutgoingMail.objects.due()
    if kinds is not None:
        due = due.filter(kind__in=kinds)
    sent = sum(deliver(mail) for mail in due.order_by("pk").iterator())
    unsent = OutgoingMail.objects.unsent()
    if kinds is not None:
        unsent = unsent.filter(kind__in=kinds)
    return sent, unsent.count()


def send_now(row):
    """Send one queued row at once, outside any request (e.g. from a management command)."""
    return deliver(row)


def forget_sent(now=None):
    now = now or timezone.now()
    deleted, _rows = OutgoingMail.objects.filter(sent_at__lt=now - SENT_LIFETIME).delete()
    return deleted


def housekeeping():
    forget_sent()
    for function in HOUSEKEEPING:
        function()
