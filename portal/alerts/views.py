"""Alert subscriptions: subscribe ``/<lang>/alertes/``, confirm and unsubscribe by token.

Subscribing saves the choice and queues the confirmation mail in one transaction, then
answers: ``send_pending_mail`` sends it. Confirming and unsubscribing are POSTs behind a
button: mail clients and link scanners fetch the links in a mail (GET), which must change
nothing. Unsubscribing also accepts the RFC 8058 one-click POST that mail clients send
themselves, without a CSRF token: the secret token in the address is the proof.
"""

from django.db import transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from portal.public_forms import ProtectedFormView

from .emails import queue_confirmation
from .forms import AlertSubscriptionForm
from .models import AlertSubscription

FORM_TEMPLATE = "alerts/form.html"
SENT_TEMPLATE = "alerts/sent.html"
CONFIRM_TEMPLATE = "alerts/confirm.html"
UNSUBSCRIBE_TEMPLATE = "alerts/unsubscribe.html"
NOT_FOUND = 404


class SubscribeView(ProtectedFormView):
    form_class = AlertSubscriptionForm
    template_name = FORM_TEMPLATE
    rate_prefix = "alerts-rate"

    def get_success_url(self):
        # The same answer whether the address was known or not: nothing leaks about it.
        return reverse("alerts_subscribe_sent")

    @transaction.atomic
    def form_valid(self, form):
        data = form.cleaned_data
        subscription = AlertSubscription.objects.create(
            email=data["email"],
            language=translation.get_language(),
            countries=data["countries"],
            direction=data["direction"],
        )
        subscription.themes.set(data["themes"])
        queue_confirmation(subscription)
        return super().form_valid(form)


subscribe = SubscribeView.as_view()


@require_safe
def subscribe_sent(request):
    return render(request, SENT_TEMPLATE)


def _by_token(token):
    return AlertSubscription.objects.filter(token=token).first()


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    subscription = _by_token(token)
    if subscription is None:
        return render(request, CONFIRM_TEMPLATE, {"unknown": True}, status=NOT_FOUND)
    if request.method == "POST" and subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
        # One subscription per address: the newly confirmed choice replaces older ones.
        AlertSubscription.objects.filter(email__iexact=subscription.email).exclude(
            pk=subscription.pk
        ).delete()
    context = {"subscription": subscription, "confirmed": subscription.confirmed_at is not None}
    return render(request, CONFIRM_TEMPLATE, context)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscription = _by_token(token)
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        # Done, or already done: a one-click retry gets the same answer.
        return render(request, UNSUBSCRIBE_TEMPLATE, {"done": True})
    if subscription is None:
        return render(request, UNSUBSCRIBE_TEMPLATE, {"unknown": True}, status=NOT_FOUND)
    return render(request, UNSUBSCRIBE_TEMPLATE, {"subscription": subscription})
