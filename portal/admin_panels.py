"""The admin's dashboard, built for the editors' tasks: a panel each for new expressions of
interest, calls closing within 30 days and fiches awaiting verification; a representative
sees their fiche and its calls first. Each panel costs a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import F, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.permissions import page_permission_policy

from cms.models import AuthorityPage, CallStatus, PartnershipCallPage
from portal.interest.models import InterestExpression, InterestStatus
from portal.representatives.admin_views import STALE_AFTER, last_verified_display

ROWS = 5
CLOSING_WITHIN = datetime.timedelta(days=30)


@dataclass
class Row:
    label: str
    url: str
    detail: str = ""


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class ListPanel(Component):
    template_name = "portal/admin/dashboard_panel.html"
    name = ""
    heading = ""
    empty = ""
    first_column = _("Title")
    second_column = _("Detail")
    more_label = _("See them all")

    def __init__(self, rows, count=None, more_url=None):
        self.rows, self.count, self.more_url = rows, count, more_url

    def get_context_data(self, parent_context=None):
        heading = str(self.heading)
        if self.count is not None:
            heading = f"{heading} ({self.count})"
        return {
            "panel_id": self.name,
            "heading": heading,
            "rows": self.rows,
            "empty": self.empty,
            "first_column": self.first_column,
            "second_column": self.second_column,
            "more_url": self.more_url,
            "more_label": self.more_label,
        }


class NewExpressionsPanel(ListPanel):
    name = "new-expressions"
    order = 90
    heading = _("New expressions of interest")
    empty = _("No new expression of interest.")
    second_column = _("Call")


class ClosingCallsPanel(ListPanel):
    name = "closing-calls"
    order = 95
    heading = _("Calls closing within 30 days")
    empty = _("No open call closes within 30 days.")
    second_column = _("Deadline")


class StaleFichesPanel(ListPanel):
    name = "fiches-awaiting-verification"
    order = 96
    heading = _("Fiches awaiting verification")
    empty = _("Every fiche was verified within a year.")
    second_column = _("Last verified")


class YourFichePanel(ListPanel):
    name = "your-fiche"
    order = 10
    heading = _("Your fiche and its calls")
    empty = _("No fiche is entrusted to you yet.")
    second_column = _("Status")
    more_label = ""


def new_expressions_panel(user):
    if not user.has_perm("interest.change_interestexpression"):
        return None
    new = InterestExpression.objects.filter(status=InterestStatus.NEW)
    rows = [
        Row(
            e.interested_authority,
            reverse("interest_expressions:edit", args=[e.pk]),
            e.call_title,
        )
        for e in new.order_by("-created_at", "-pk")[:ROWS]
    ]
    index = reverse("interest_expressions:index") + f"?status={InterestStatus.NEW}"
    return NewExpressionsPanel(rows, new.count(), index)


def editable_pages(user):
    return page_permission_policy.instances_user_has_permission_for(user, "change")


def closing_calls_panel(user, today=None):
    today = today or datetime.date.today()
    calls = PartnershipCallPage.objects.live().filter(
        status=CallStatus.OPEN,
        deadline__gte=today,
        deadline__lte=today + CLOSING_WITHIN,
        alias_of__isnull=True,
        pk__in=editable_pages(user).values("pk"),
    )
    rows = [
        Row(call.title, edit_url(call), date_format(call.deadline, "DATE_FORMAT"))
        for call in calls.order_by("deadline", "title")[:ROWS]
    ]
    return ClosingCallsPanel(rows, calls.count())


def stale_fiches_panel(user, today=None):
    if not page_permission_policy.user_has_any_permission(user, ["publish"]):
        return None
    cutoff = (today or datetime.date.today()) - STALE_AFTER
    stale = Q(last_verified__isnull=True) | Q(last_verified__lt=cutoff)
    fiches = AuthorityPage.objects.choosable().filter(
        stale, pk__in=editable_pages(user).values("pk")
    )
    oldest = fiches.order_by(F("last_verified").asc(nulls_first=True), "title", "pk")[:ROWS]
    rows = [Row(f.title, edit_url(f), last_verified_display(f)) for f in oldest]
    return StaleFichesPanel(rows, fiches.count(), reverse("stale_fiches_report"))


def your_fiche_panel(user):
    """For a representative (no publishing right anywhere): their fiche and its calls."""
    if user.is_superuser or page_permission_policy.user_has_any_permission(user, ["publish"]):
        return None
    fiches = AuthorityPage.objects.filter(pk__in=editable_pages(user).values("pk"))
    rows = []
    for fiche in fiches.order_by("title")[:ROWS]:
        rows.append(Row(fiche.title, edit_url(fiche), _("Fiche")))
        calls = PartnershipCallPage.objects.child_of(fiche).order_by("title")[:ROWS]
        rows.extend(Row(f"— {c.title}", edit_url(c), c.get_status_display()) for c in calls)
    return YourFichePanel(rows)


def dashboard_panels(user):
    makers = (your_fiche_panel, new_expressions_panel, closing_calls_panel, stale_fiches_panel)
    return [panel for make in makers if (panel := make(user)) is not None]
