"""Delivering an expression of interest: to the call's contact, and an acknowledgement.

An expression is saved before anything is sent. ``deliver`` then claims it (a conditional
UPDATE, so a request and ``send_pending_mail`` never send the same one together), sends
whichever of its two emails has not left yet and stamps each as soon as it has. A failure
leaves it marked unsent with the error; ``send_pending`` retries later.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cms.models import InterestExpression, MailStatus, PartnershipCallPage

logger = logging.getLogger(__name__)

TEMPLATE_DIR = "portal/interest/emails"


def contact_address(expression):
    """The call's contact: the authority's private email, else the moderators."""
    authority = expression.authority
    if authority is not None and authority.contact_email:
        return authority.contact_email
    return settings.BOURSE_MODERATORS_EMAIL


def source_call(expression):
    """The call in the language its authority wrote it in (its oldest copy)."""
    if expression.call is None:
        return None
    return (
        PartnershipCallPage.objects.filter(translation_key=expression.call.translation_key)
        .select_related("locale")
        .order_by("pk")
        .first()
    )


def _render(name, language, context, template_dir=TEMPLATE_DIR):
    """(subject on one line, body) of ``template_dir/name``, rendered in ``language``."""
    with translation.override(language):
        subject = render_to_string(f"{template_dir}/{name}_subject.txt", context)
        body = render_to_string(f"{template_dir}/{name}.txt", context)
    return " ".join(subject.split()), body


render_email = _render


def _full_url(page):
    return page.get_full_url() if page is not None and page.live else ""


def message_to_contact(expression):
    recipient = contact_address(expression)
    call = source_call(expression)
    language = call.locale.language_code if call else settings.LANGUAGE_CODE
    context = {
        "expression": expression,
        "call_title": call.title if call else expression.call_title,
        "call_url": _full_url(call),
        "sent_to_moderators": recipient == settings.BOURSE_MODERATORS_EMAIL,
    }
    subject, body = _render("to_contact", language, context)
    message = EmailMessage(subject, body, to=[recipient], reply_to=[expression.email])
    return recipient, message


def acknowledgement(expression):
    context = {
        "expression": expression,
        "call_title": expression.call_title,
        "call_url": _full_url(expression.call),
    }
    subject, body = _render("acknowledgement", expression.language, context)
    return EmailMessage(subject, body, to=[expression.email])


def claim(expression):
    """Take the right to send ``expression``'s emails; False if someone else holds it."""
    now = timezone.now()
    claimed = (
        InterestExpression.objects.awaiting_mail(now)
        .filter(pk=expression.pk)
        .update(mail_status=MailStatus.SENDING, mail_claimed_at=now)
    )
    return claimed == 1


def _send_contact_mail(expression):
    recipient, message = message_to_contact(expression)
    message.send()
    expression.notified_to = recipient
    expression.contact_notified_at = timezone.now()
    expression.save(update_fields=["notified_to", "contact_notified_at", "updated_at"])


def _send_acknowledgement(expression):
    acknowledgement(expression).send()
    expression.acknowledged_at = timezone.now()
    expression.save(update_fields=["acknowledged_at", "updated_at"])


def _finish(expression, status, error=""):
    expression.mail_status = status
    expression.mail_error = error
    expression.mail_claimed_at = None
    expression.save(update_fields=["mail_status", "mail_error", "mail_claimed_at", "updated_at"])


def deliver(expression):
    """Send what has not been sent yet. True when both emails have left."""
    if not claim(expression):
        return False
    # Another process may have stamped an email since this copy was read.
    expression.refresh_from_db(fields=["contact_notified_at", "acknowledged_at", "mail_status"])
    try:
        if expression.contact_notified_at is None:
            _send_contact_mail(expression)
        if expression.acknowledged_at is None:
            _send_acknowledgement(expression)
    except Exception as error:  # SMTP, socket, DNS…: whatever it is, retry later
        logger.warning("Expression of interest %s not sent: %s", expression.pk, error)
        _finish(expression, MailStatus.UNSENT, f"{type(error).__name__}: {error}")
        return False
    _finish(expression, MailStatus.SENT)
    return True


def send_pending():
    """Deliver every expression still waiting for its emails: (sent, still unsent)."""
    sent = unsent = 0
    pending = InterestExpression.objects.awaiting_mail().select_related("call", "authority")
    for expression in pending.order_by("pk").iterator():
        if deliver(expression):
            sent += 1
        elif expression.mail_status == MailStatus.UNSENT:
            unsent += 1
    return sent, unsent
