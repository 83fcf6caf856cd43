"""Alert subscriptions: subscribe ``/<lang>/alertes/``, confirm and unsubscribe by token.

Confirming and unsubscribing are POSTs behind a button: mail clients and link scanners
fetch the links in a mail (GET), which must change nothing. Unsubscribing also accepts the
RFC 8058 one-click POST that mail clients send themselves, without a CSRF token: the
secret token in the address is the proof.
"""

import math

from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from cms.models import AlertSubscription
from portal.interest.ratelimit import RateLimit

from .emails import send_confirmation
from .forms import AlertSubscriptionForm

FORM_TEMPLATE = "portal/alerts/form.html"
SENT_TEMPLATE = "portal/alerts/sent.html"
CONFIRM_TEMPLATE = "portal/alerts/confirm.html"
UNSUBSCRIBE_TEMPLATE = "portal/alerts/unsubscribe.html"
RATE_PREFIX = "alerts-rate"
TOO_MANY_REQUESTS = 429
NOT_FOUND = 404


def _rate_limited(request, form, limit):
    retry_after = limit.retry_after()
    context = {"form": form, "rate_limited": True, "retry_minutes": math.ceil(retry_after / 60)}
    response = render(request, FORM_TEMPLATE, context, status=TOO_MANY_REQUESTS)
    response["Retry-After"] = str(retry_after)
    return response


def _save(form):
    data = form.cleaned_data
    subscription = AlertSubscription.objects.create(
        email=data["email"],
        language=translation.get_language(),
        countries=data["countries"],
        direction=data["direction"],
    )
    subscription.themes.set(data["themes"])
    return subscription


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method != "POST":
        return render(request, FORM_TEMPLATE, {"form": AlertSubscriptionForm()})
    limit = RateLimit(request, prefix=RATE_PREFIX)
    form = AlertSubscriptionForm(request.POST)
    if limit.is_exceeded():
        return _rate_limited(request, form, limit)
    if form.is_bot():
        # Pretend it worked: nothing is stored or sent, and the robot learns nothing.
        limit.hit()
        return redirect("alerts_subscribe_sent")
    if not form.is_valid():
        return render(request, FORM_TEMPLATE, {"form": form})
    limit.hit()
    send_confirmation(_save(form))
    # The same answer whether the address was known or not: nothing leaks about it.
    return redirect("alerts_subscribe_sent")


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
