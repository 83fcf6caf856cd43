"""Alert emails: the confirmation link, and one mail per new matching call.

Both go through the portal's outbox. Subscribing saves the subscription and queues its
confirmation in one transaction; an address receives at most ``MAIL_PER_RECIPIENT_LIMIT``
confirmations per period, whoever typed it. On a call's first publication ``enqueue``
records a pending ``AlertDelivery`` for every confirmed matching subscription and queues
its mail, in the publishing transaction (a rolled-back publication queues nothing). The
delivery's uniqueness per (subscription, call's translation key) means each subscriber gets
each call once, whatever is republished or translated. The mail is built when it leaves:
in the subscriber's language when the call has a visible copy in it, and not at all when
the call was unpublished or closed since.
"""

import logging

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Site

from cms.models import AuthorityPage, PartnershipCallPage
from portal.mail import outbox
from portal.mail.models import OutgoingMail
from portal.public_forms import recipient_may_receive

from .models import AlertDelivery, AlertSubscription

logger = logging.getLogger(__name__)

TEMPLATE_DIR = "alerts/emails"
CONFIRMATION = "alerts.confirmation"
NEW_CALL = "alerts.new_call"


def absolute_url(path):
    """``path`` on the default site (mails are also built outside any request)."""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else ""
    return f"{root}{path}"


def link(url_name, subscription):
    with translation.override(subscription.language):
        return absolute_url(reverse(url_name, args=[subscription.token]))


def _with_unsubscribe_headers(message, unsubscribe_url):
    # RFC 2369 and RFC 8058: mail clients show an "unsubscribe" button that POSTs here.
    message.extra_headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message


def confirmation(subscription):
    unsubscribe_url = link("alerts_unsubscribe", subscription)
    context = {"confirm_url": link("alerts_confirm", subscription)}
    context["unsubscribe_url"] = unsubscribe_url
    message = outbox.render_message(
        f"{TEMPLATE_DIR}/confirm", subscription.language, context, to=[subscription.email]
    )
    return _with_unsubscribe_headers(message, unsubscribe_url)


def queue_confirmation(subscription):
    """Owe the confirmation mail, unless the address has had its share lately: the
    visitor sees the same page either way, and an unconfirmed address is forgotten."""
    if not recipient_may_receive(CONFIRMATION, subscription.email):
        logger.info("Alert confirmation %s not queued: recipient limit", subscription.pk)
        return None
    return outbox.enqueue(CONFIRMATION, subscription.pk, subscription.email)


def _build_confirmation(row):
    unconfirmed = AlertSubscription.objects.filter(confirmed_at__isnull=True)
    subscription = unconfirmed.filter(pk=row.object_id).first()
    # Deleted (unsubscribed, replaced, expired) or already confirmed: nothing to ask.
    return None if subscription is None else confirmation(subscription)


# --- matching a published call -------------------------------------------------------------


def public_authority(call):
    return AuthorityPage.objects.visible().of_call(call).first()


def is_first_publication(call):
    """The first time this call, in any language, went live (not a republication)."""
    if call.first_published_at is None or call.first_published_at != call.last_published_at:
        return False
    older = PartnershipCallPage.objects.filter(
        translation_key=call.translation_key, first_published_at__lt=call.first_published_at
    )
    return not older.exists()


def matching_subscriptions(call, authority):
    """Confirmed subscriptions that asked for this call (a bounded number of queries)."""
    call_countries = {str(code) for code in call.target_countries} | {str(authority.country)}
    # .all(), not values_list(): a page from a revision holds its themes in memory.
    theme_ids = {theme.pk for theme in call.themes.all()}
    candidates = (
        AlertSubscription.objects.confirmed()
        .filter(Q(direction="") | Q(direction=call.direction))
        .prefetch_related("themes")
    )
    return [s for s in candidates if s.matches(call, call_countries, theme_ids)]


def enqueue(call):
    """Record a pending delivery of ``call`` to each matching subscriber and queue its mail;
    returns the pending deliveries' ids."""
    if not call.is_open or not PartnershipCallPage.objects.visible().filter(pk=call.pk).exists():
        return []
    authority = public_authority(call)
    if authority is None:
        return []
    deliveries = [
        AlertDelivery(subscription=subscription, call_key=call.translation_key, call=call)
        for subscription in matching_subscriptions(call, authority)
    ]
    # ignore_conflicts: a subscriber who already has this call keeps their one delivery.
    AlertDelivery.objects.bulk_create(deliveries, ignore_conflicts=True)
    queued = OutgoingMail.objects.filter(kind=NEW_CALL).values("object_id")
    new = (
        AlertDelivery.objects.filter(call_key=call.translation_key, sent_at__isnull=True)
        .exclude(pk__in=queued)
        .values_list("pk", "subscription__email")
    )
    OutgoingMail.objects.bulk_create(
        OutgoingMail(kind=NEW_CALL, object_id=pk, recipient=email) for pk, email in new
    )
    return list(
        AlertDelivery.objects.filter(
            call_key=call.translation_key, sent_at__isnull=True
        ).values_list("pk", flat=True)
    )


def on_call_published(sender, instance, **kwargs):
    """page_published handler: alert subscribers when an open call first goes live."""
    if is_first_publication(instance):
        enqueue(instance)


# --- sending ---------------------------------------------------------------------------------


def call_for(delivery):
    """(call, authority): the copy in the subscriber's language, else the oldest visible copy
    whose fiche is visible too (a translated call may sit under a fiche not yet translated).
    None when no visible copy is left."""
    language = delivery.subscription.language
    copies = (
        PartnershipCallPage.objects.visible()
        .filter(translation_key=delivery.call_key)
        .select_related("locale")
        .order_by("pk")
    )
    ordered = sorted(copies, key=lambda copy: copy.locale.language_code != language)
    for copy in ordered:
        authority = public_authority(copy)
        if authority is not None:
            return copy, authority
    return None


def alert_message(delivery, call, authority):
    subscription = delivery.subscription
    unsubscribe_url = link("alerts_unsubscribe", subscription)
    context = {
        "call": call,
        "authority": authority,
        "call_url": call.get_full_url(),
        "unsubscribe_url": unsubscribe_url,
        "manage_url": absolute_url(_subscribe_path(subscription.language)),
    }
    message = outbox.render_message(
        f"{TEMPLATE_DIR}/new_call", subscription.language, context, to=[subscription.email]
    )
    return _with_unsubscribe_headers(message, unsubscribe_url)


def _subscribe_path(language):
    with translation.override(language):
        return reverse("alerts_subscribe")


def _build_alert(row):
    deliveries = AlertDelivery.objects.select_related("subscription")
    delivery = deliveries.filter(pk=row.object_id).first()
    if delivery is None:
        return None
    call, authority = call_for(delivery) or (None, None)
    if call is None or not call.is_open:
        # Unpublished or closed since: nothing to announce any more.
        delivery.delete()
        return None
    return alert_message(delivery, call, authority)


def _alert_sent(row, message):
    AlertDelivery.objects.filter(pk=row.object_id).update(sent_at=timezone.now(), error="")


def _alert_failed(row, error):
    AlertDelivery.objects.filter(pk=row.object_id).update(error=error)


def forget_unconfirmed():
    """Delete subscriptions never confirmed in time (personal data kept no longer)."""
    deleted, _rows = AlertSubscription.objects.expired_unconfirmed().delete()
    return deleted


def register_mail():
    outbox.register(outbox.MailKind(CONFIRMATION, _build_confirmation))
    outbox.register(outbox.MailKind(NEW_CALL, _build_alert, _alert_sent, _alert_failed))
    outbox.register_housekeeping(forget_unconfirmed)
