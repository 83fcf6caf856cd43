"""Alert emails: the confirmation link, and one mail per new matching call.

On a call's first publication ``enqueue`` records a pending ``AlertDelivery`` for every
confirmed matching subscription (in the publishing transaction), and the mails leave once
the transaction has committed. A failure leaves the delivery pending: ``send_alerts`` sends
it later. The delivery's uniqueness per (subscription, call's translation key) means each
subscriber gets each call once, whatever is republished or translated.
"""

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Site

from cms.models import AlertDelivery, AlertSubscription, AuthorityPage, PartnershipCallPage
from portal.interest.emails import render_email

logger = logging.getLogger(__name__)

TEMPLATE_DIR = "portal/alerts/emails"


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
    subject, body = render_email("confirm", subscription.language, context, TEMPLATE_DIR)
    message = EmailMessage(subject, body, to=[subscription.email])
    return _with_unsubscribe_headers(message, unsubscribe_url)


def send_confirmation(subscription):
    """Mail the confirmation link; False (logged) when the mail server refuses."""
    try:
        confirmation(subscription).send()
    except Exception as error:  # SMTP, socket, DNS…: the visitor can subscribe again
        logger.warning("Alert confirmation %s not sent: %s", subscription.pk, error)
        return False
    return True


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
    """Record a pending delivery of ``call`` to each matching subscriber; returns them."""
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
    return list(
        AlertDelivery.objects.awaiting_mail()
        .filter(call_key=call.translation_key)
        .values_list("pk", flat=True)
    )


def on_call_published(sender, instance, **kwargs):
    """page_published handler: alert subscribers when an open call first goes live."""
    if not is_first_publication(instance):
        return
    pending = enqueue(instance)
    if pending:
        # Mails leave only once the publication is committed (never for a rolled-back one).
        transaction.on_commit(lambda: send_deliveries(pending))


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
    subject, body = render_email("new_call", subscription.language, context, TEMPLATE_DIR)
    message = EmailMessage(subject, body, to=[subscription.email])
    return _with_unsubscribe_headers(message, unsubscribe_url)


def _subscribe_path(language):
    with translation.override(language):
        return reverse("alerts_subscribe")


def claim(delivery_pk):
    now = timezone.now()
    return AlertDelivery.objects.awaiting_mail(now).filter(pk=delivery_pk).update(claimed_at=now)


def deliver(delivery):
    """Send one delivery if nobody else is; True when it has left."""
    if not claim(delivery.pk):
        return False
    found = call_for(delivery)
    call, authority = found or (None, None)
    if call is None or not call.is_open:
        # Unpublished or closed since: nothing to announce any more.
        delivery.delete()
        return False
    try:
        alert_message(delivery, call, authority).send()
    except Exception as error:  # SMTP, socket, DNS…: whatever it is, send_alerts retries
        logger.warning("Alert %s not sent: %s", delivery.pk, error)
        AlertDelivery.objects.filter(pk=delivery.pk).update(
            claimed_at=None, error=f"{type(error).__name__}: {error}"
        )
        return False
    AlertDelivery.objects.filter(pk=delivery.pk).update(
        claimed_at=None, sent_at=timezone.now(), error=""
    )
    return True


def send_deliveries(pks):
    sent = 0
    for delivery in AlertDelivery.objects.filter(pk__in=pks).select_related("subscription"):
        sent += deliver(delivery)
    return sent


def send_pending():
    """Send every delivery still waiting: (sent, still pending)."""
    pending = AlertDelivery.objects.awaiting_mail().select_related("subscription").order_by("pk")
    sent = 0
    for delivery in pending.iterator():
        sent += deliver(delivery)
    return sent, AlertDelivery.objects.filter(sent_at__isnull=True).count()


def forget_unconfirmed():
    """Delete subscriptions never confirmed in time (personal data kept no longer)."""
    deleted, _rows = AlertSubscription.objects.expired_unconfirmed().delete()
    return deleted
