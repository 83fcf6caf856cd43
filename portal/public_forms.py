"""What every public form shares: a honeypot against robots, a per-address rate limit with
its 429 answer, and per-recipient limits on the mails a form makes the portal send.

``HoneypotForm`` is the forms' base; ``ProtectedFormView`` is Django's ``FormView`` with
the limit in front: over the limit → 429 with Retry-After and the form re-displayed;
honeypot filled → the success redirect, nothing stored; invalid → the form with its errors;
valid → ``form_valid`` (the feature saves, queues its mails and redirects).

The client-address counter is a fixed window in Django's cache: ``cache.add``/``cache.incr``
are atomic on Redis (shared by every process in production) and on the local-memory cache.
django-ratelimit (4.1, 2023) declares support up to Django 4.2 only, and this is all the
portal needs of it.
"""

import datetime
import math
import time

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView
from dsfr.forms import DsfrBaseForm

from portal.mail.models import OutgoingMail
from portal.security import client_address

# A field people never see: bots that fill every input give themselves away.
HONEYPOT_FIELD = "extra_reference"
TOO_MANY_REQUESTS = 429


class RateLimit:
    """At most ``limit`` hits per ``period`` seconds for one client address."""

    def __init__(self, request, prefix, limit=None, period=None):
        self.limit = settings.INTEREST_RATE_LIMIT if limit is None else limit
        self.period = settings.INTEREST_RATE_PERIOD if period is None else period
        self.window = int(time.time() // self.period)
        # Each form counts under its own prefix: alerts don't use up the interest budget.
        self.key = f"{prefix}:{client_address(request)}:{self.window}"

    def is_exceeded(self):
        return (cache.get(self.key) or 0) >= self.limit

    def retry_after(self):
        """Seconds until the current window ends (for the Retry-After header)."""
        return max(1, int((self.window + 1) * self.period - time.time()))

    def hit(self):
        # add() creates the counter only if absent, so concurrent first hits don't reset it.
        cache.add(self.key, 0, timeout=self.period)
        try:
            cache.incr(self.key)
        except ValueError:  # evicted between add() and incr()
            cache.set(self.key, 1, timeout=self.period)


def recipient_may_receive(kind, recipient):
    """Whether one more mail of ``kind`` may go to ``recipient`` (whoever typed the address).

    A form mails an address the visitor typed: without this, one could make the portal send
    its mails to someone else's inbox from many connections.
    """
    since = timezone.now() - datetime.timedelta(seconds=settings.MAIL_PER_RECIPIENT_PERIOD)
    queued = OutgoingMail.objects.to_recipient_since(kind, recipient, since).count()
    return queued < settings.MAIL_PER_RECIPIENT_LIMIT


class HoneypotForm(DsfrBaseForm):
    """A DSFR form with a field hidden from people (and screen readers) that robots fill."""

    extra_reference = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def get_context(self):
        # django-dsfr's own get_context only adds a transitional deprecation warning.
        return forms.Form.get_context(self)

    @property
    def visible_fields_for_people(self):
        return [field for field in self if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def is_bot(self):
        """True when the hidden field was filled: only a robot can do that."""
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD), "").strip())


class ProtectedFormView(FormView):
    """A public form behind the honeypot and the per-address rate limit (never cached)."""

    http_method_names = ["get", "post"]
    rate_prefix = None  # each form counts apart

    @classmethod
    def as_view(cls, **initkwargs):
        return never_cache(super().as_view(**initkwargs))

    def allows(self, request):
        return request.method.lower() in self.http_method_names

    def post(self, request, *args, **kwargs):
        limit = RateLimit(request, prefix=self.rate_prefix)
        form = self.get_form()
        if limit.is_exceeded():
            return self.rate_limited(form, limit)
        if form.is_bot():
            # Pretend it worked: nothing is stored or sent, and the robot learns nothing.
            limit.hit()
            return redirect(self.get_success_url())
        if not form.is_valid():
            return self.form_invalid(form)
        limit.hit()
        return self.form_valid(form)

    def rate_limited(self, form, limit):
        retry_after = limit.retry_after()
        context = self.get_context_data(
            form=form, rate_limited=True, retry_minutes=math.ceil(retry_after / 60)
        )
        response = self.render_to_response(context, status=TOO_MANY_REQUESTS)
        response["Retry-After"] = str(retry_after)
        return response
