"""Expressing interest in a partnership call: ``/<lang>/interet/<call id>/``.

The call is the page the visitor was reading (any language copy); it must be live, public,
under a live and public fiche, and still open (open status, deadline not passed). The
request saves the expression and queues its two emails in one transaction, then answers:
``send_pending_mail`` sends them.
"""

from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from cms.models import AuthorityPage, PartnershipCallPage
from portal.public_forms import ProtectedFormView

from .emails import queue_mails
from .forms import InterestExpressionForm
from .models import InterestExpression

FORM_TEMPLATE = "interest/form.html"
SENT_TEMPLATE = "interest/sent.html"
# 409: the call exists but its state no longer allows what was asked.
CALL_CLOSED_STATUS = 409


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


class ExpressInterestView(ProtectedFormView):
    form_class = InterestExpressionForm
    template_name = FORM_TEMPLATE
    rate_prefix = "interest-rate"

    def dispatch(self, request, call_id):
        if not self.allows(request):
            return self.http_method_not_allowed(request)
        self.call, self.authority = public_call_or_404(call_id)
        if not self.call.is_open:
            status = CALL_CLOSED_STATUS if request.method == "POST" else 200
            context = {**self.page_context(), "call_closed": True}
            return render(request, FORM_TEMPLATE, context, status=status)
        return super().dispatch(request, call_id)

    def page_context(self):
        return _page_context(self.request, self.call, self.authority)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.page_context(), **kwargs)

    def get_success_url(self):
        return reverse("interest_expression_sent", args=[self.call.pk])

    @transaction.atomic
    def form_valid(self, form):
        expression = InterestExpression.objects.create(
            call=self.call,
            authority=self.authority,
            call_title=self.call.title,
            language=translation.get_language(),
            **form.expression_fields(),
        )
        queue_mails(expression)
        return super().form_valid(form)


express_interest = ExpressInterestView.as_view()


@require_safe
def interest_sent(request, call_id):
    call, authority = public_call_or_404(call_id)
    return render(request, SENT_TEMPLATE, _page_context(request, call, authority))
