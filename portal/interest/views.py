"""Expressing interest in a partnership call: ``/<lang>/interet/<call id>/``.

The call is the page the visitor was reading (any language copy); it must be live, public,
under a live and public fiche, and still open (open status, deadline not passed).
"""

import math

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from cms.models import AuthorityPage, InterestExpression, PartnershipCallPage

from .emails import deliver
from .forms import InterestExpressionForm
from .ratelimit import RateLimit

FORM_TEMPLATE = "portal/interest/form.html"
SENT_TEMPLATE = "portal/interest/sent.html"
# 409: the call exists but its state no longer allows what was asked.
CALL_CLOSED_STATUS = 409
TOO_MANY_REQUESTS = 429


def public_call_or_404(call_id):
    """The live, public call and its live, public fiche."""
    call = PartnershipCallPage.objects.visible().filter(pk=call_id).first()
    if call is None:
        raise Http404
    authority = AuthorityPage.objects.visible().of_call(call).first()
    if authority is None:
        raise Http404
    return call, authority


def _page_context(request, call, authority):
    return {"call": call, "call_url": call.get_url(request), "authority": authority}


def _save(form, call, authority):
    return InterestExpression.objects.create(
        call=call,
        authority=authority,
        call_title=call.title,
        language=translation.get_language(),
        **form.expression_fields(),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def express_interest(request, call_id):
    call, authority = public_call_or_404(call_id)
    context = _page_context(request, call, authority)
    if not call.is_open:
        status = CALL_CLOSED_STATUS if request.method == "POST" else 200
        return render(request, FORM_TEMPLATE, {**context, "call_closed": True}, status=status)
    if request.method != "POST":
        return render(request, FORM_TEMPLATE, {**context, "form": InterestExpressionForm()})

    limit = RateLimit(request)
    form = InterestExpressionForm(request.POST)
    if limit.is_exceeded():
        retry_after = limit.retry_after()
        context = {
            **context,
            "form": form,
            "rate_limited": True,
            "retry_minutes": math.ceil(retry_after / 60),
        }
        response = render(request, FORM_TEMPLATE, context, status=TOO_MANY_REQUESTS)
        response["Retry-After"] = str(retry_after)
        return response
    if form.is_bot():
        # Pretend it worked: nothing is stored or sent, and the robot learns nothing.
        limit.hit()
        return redirect("interest_expression_sent", call_id=call.pk)
    if not form.is_valid():
        return render(request, FORM_TEMPLATE, {**context, "form": form}, status=200)
    expression = _save(form, call, authority)
    limit.hit()
    # Saved first: if the mail server is down, send_pending_mail sends it later.
    deliver(expression)
    return redirect("interest_expression_sent", call_id=call.pk)


@require_safe
def interest_sent(request, call_id):
    call, authority = public_call_or_404(call_id)
    return render(request, SENT_TEMPLATE, _page_context(request, call, authority))
