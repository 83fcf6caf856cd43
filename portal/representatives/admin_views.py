"""Staff's admin views about fiches kept fresh: the report of fiches not verified lately,
and the form that gives a fiche's representative access.

Both are Wagtail admin views behind the admin login and page permissions.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.ui.tables import Column, LocaleColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from cms.models import AuthorityPage

from .accounts import grant_representative, representative_language
from .emails import queue_invitation

# --- fiches not verified for 12 months ----------------------------------------------------

STALE_AFTER = datetime.timedelta(days=365)


def last_verified_display(fiche):
    if fiche.last_verified is None:
        return _("Never")
    return date_format(fiche.last_verified, "DATE_FORMAT")


class StaleFichesReportView(ReportView):
    """Fiches whose authority has not confirmed them for a year (or never), oldest first."""

    page_title = _("Fiches not verified for 12 months")
    header_icon = "calendar-check"
    index_url_name = "stale_fiches_report"
    index_results_url_name = "stale_fiches_report_results"
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    export_filename = "fiches-not-verified"
    list_export = ["title", "country.name", "last_verified", "locale.language_code"]
    export_headings = {
        "title": _("Fiche"),
        "country.name": _("Country"),
        "last_verified": _("Last verified"),
        "locale.language_code": _("Language"),
    }
    columns = [
        TitleColumn("title", label=_("Fiche"), url_name="wagtailadmin_pages:edit"),
        Column("country", label=_("Country"), accessor="country.name"),
        Column("last_verified", label=_("Last verified"), accessor=last_verified_display),
        # Wagtail's LocaleColumn() names itself once, at import time: named per request.
        LocaleColumn(label=_("Locale")),
    ]

    def get_queryset(self):
        cutoff = datetime.date.today() - STALE_AFTER
        editable = page_permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        # One row per fiche, not per language copy: the oldest copy stands for the others.
        older_copy = AuthorityPage.objects.filter(
            translation_key=OuterRef("translation_key"),
            pk__lt=OuterRef("pk"),
            alias_of__isnull=True,
        )
        stale = Q(last_verified__isnull=True) | Q(last_verified__lt=cutoff)
        self.queryset = (
            AuthorityPage.objects.filter(stale, pk__in=editable.values("pk"), alias_of__isnull=True)
            .exclude(Exists(older_copy))
            .select_related("locale")
            .order_by(F("last_verified").asc(nulls_first=True), "title", "pk")
        )
        return super().get_queryset()


# --- representatives of an authority ---------------------------------------------------------


def can_grant_representatives(user, fiche):
    """Staff who may both create accounts and publish the fiche hand out representative access."""
    return user.has_perm("auth.add_user") and fiche.permissions_for_user(user).can_publish()


class RepresentativeForm(forms.Form):
    email = forms.EmailField(label=_("Email of the representative"))
    name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language of the representative"),
        choices=settings.LANGUAGES,
        required=False,
        help_text=_("Their invitation, the admin and its mails speak this language."),
    )


class GrantRepresentativeView(WagtailAdminTemplateMixin, FormView):
    """A small form on a fiche: the representative's email, then an invitation mail."""

    form_class = RepresentativeForm
    template_name = "wagtailadmin/generic/form.html"
    header_icon = "user"
    url_name = "grant_representative"

    def dispatch(self, request, page_id):
        self.fiche = get_object_or_404(AuthorityPage, pk=page_id)
        if not can_grant_representatives(request.user, self.fiche):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Grant representative access")

    def get_page_subtitle(self):
        return self.fiche.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.get_page_title()}]

    def get_initial(self):
        return {"language": representative_language(self.fiche)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse(self.url_name, args=[self.fiche.pk]),
            submit_button_label=_("Send the invitation"),
            submit_button_active_label=_("Sending…"),
            **kwargs,
        )

    def form_valid(self, form):
        user, _created = grant_representative(
            self.fiche,
            form.cleaned_data["email"],
            form.cleaned_data["name"],
            form.cleaned_data["language"] or None,
        )
        queue_invitation(user, self.fiche)
        messages.success(
            self.request,
            _("%(email)s can now update “%(title)s”; an invitation was sent.")
            % {"email": user.email, "title": self.fiche.title},
        )
        return redirect("wagtailadmin_pages:edit", self.fiche.pk)
