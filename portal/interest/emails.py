"""The two emails of an expression of interest: to the call's contact, and an acknowledgement.

Both are queued in the portal's outbox with the expression, in the request's transaction;
``send_pending_mail`` sends them. Each is stamped on the expression once it has left, and
``mail_status`` shows the moderators whether something is still owed.

The acknowledgement goes to whatever address the visitor typed: it says only that the
message was passed on (never the message itself, nor the name typed), and one address
receives at most ``MAIL_PER_RECIPIENT_LIMIT`` of them per period.
"""

from django.conf import settings
from django.utils import timezone

from cms.models import PartnershipCallPage
from portal.mail import outbox
from portal.mail.models import OutgoingMail
from portal.public_forms import recipient_may_receive

from .models import InterestExpression, MailStatus

TEMPLATE_DIR = "interest/emails"
TO_CONTACT = "interest.contact"
ACKNOWLEDGEMENT = "interest.acknowledgement"
KINDS = (TO_CONTACT, ACKNOWLEDGEMENT)


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
    return outbox.render_message(
        f"{TEMPLATE_DIR}/to_contact",
        language,
        context,
        to=[recipient],
        reply_to=[expression.email],
    )


def acknowledgement(expression):
    context = {"call_title": expression.call_title, "call_url": _full_url(expression.call)}
    return outbox.render_message(
        f"{TEMPLATE_DIR}/acknowledgement", expression.language, context, to=[expression.email]
    )


def queue_mails(expression):
    """Owe both emails of a new expression (call it in the transaction that saved it)."""
    outbox.enqueue(TO_CONTACT, expression.pk, contact_address(expression))
    if recipient_may_receive(ACKNOWLEDGEMENT, expression.email):
        outbox.enqueue(ACKNOWLEDGEMENT, expression.pk, expression.email)


def _expression(pk):
    return InterestExpression.objects.select_related("call", "authority").filter(pk=pk).first()


def _build(builder):
    def build(row):
        expression = _expression(row.object_id)
        return None if expression is None else builder(expression)

    return build


def _update_status(pk, **fields):
    owed = OutgoingMail.objects.unsent().filter(kind__in=KINDS, object_id=pk).exists()
    if not owed:
        fields.update(mail_status=MailStatus.SENT, mail_error="")
    InterestExpression.objects.filter(pk=pk).update(updated_at=timezone.now(), **fields)


def _contact_sent(row, message):
    _update_status(row.object_id, notified_to=message.to[0], contact_notified_at=timezone.now())


def _acknowledged(row, message):
    _update_status(row.object_id, acknowledged_at=timezone.now())


def _failed(row, error):
    InterestExpression.objects.filter(pk=row.object_id).update(
        mail_status=MailStatus.UNSENT, mail_error=error, updated_at=timezone.now()
    )


def register_mail():
    outbox.register(outbox.MailKind(TO_CONTACT, _build(message_to_contact), _contact_sent, _failed))
    outbox.register(
        outbox.MailKind(ACKNOWLEDGEMENT, _build(acknowledgement), _acknowledged, _failed)
    )
