"""Moderators' admin: expressions of interest, and the report of fiches not verified lately.

Both are Wagtail admin views, behind the admin login and a permission: expressions need
a permission on the model (the "Moderators" group gets it), the report page permissions.
"""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_countries import countries
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, LocaleColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy

from cms.models import (
    AuthorityPage,
    InterestExpression,
    InterestStatus,
    MailStatus,
    PartnershipCallPage,
)
from cms.representatives import grant_representative, send_invitation

# --- expressions of interest --------------------------------------------------------------

# Characters that make a spreadsheet read a cell as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Visitors write these cells: a leading quote keeps a spreadsheet from running them."""
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


class ExpressionsOnlyAddedByVisitors(ModelPermissionPolicy):
    """Expressions come from the public form only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


def calls_with_expressions(request):
    return PartnershipCallPage.objects.filter(
        pk__in=InterestExpression.objects.values("call")
    ).order_by("title")


def authorities_with_expressions(request):
    return AuthorityPage.objects.filter(
        pk__in=InterestExpression.objects.values("authority")
    ).order_by("title")


def countries_with_expressions():
    codes = set(InterestExpression.objects.values_list("interested_country", flat=True))
    return [(code, name) for code, name in countries if code in codes]


class InterestExpressionFilterSet(WagtailFilterSet):
    # Only what has expressions: a select of every call in the portal would be thousands long.
    call = django_filters.ModelChoiceFilter(
        label=_("partnership call"), queryset=calls_with_expressions
    )
    authority = django_filters.ModelChoiceFilter(
        label=_("authority of the call"), queryset=authorities_with_expressions
    )
    interested_country = django_filters.ChoiceFilter(
        label=_("country of the interested authority"), choices=countries_with_expressions
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=InterestStatus.choices)
    mail_status = django_filters.ChoiceFilter(label=_("email status"), choices=MailStatus.choices)

    class Meta:
        model = InterestExpression
        fields = ["call", "authority", "interested_country", "status", "mail_status"]


class InterestExpressionIndexView(IndexView):
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        str: {SpreadsheetExportMixin.FORMAT_CSV: neutralise_formula},
    }

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("authority")


class InterestExpressionViewSet(ModelViewSet):
    model = InterestExpression
    index_view_class = InterestExpressionIndexView
    icon = "mail"
    menu_label = _("Expressions of interest")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    # The reference index would list expressions in a page's "usage" tab, seen by editors
    # who may not read expressions.
    add_to_reference_index = False
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    list_display = [
        "interested_authority",
        "interested_country",
        "call_title",
        "authority",
        "status",
        "mail_status",
        "created_at",
    ]
    filterset_class = InterestExpressionFilterSet
    search_fields = ["interested_authority", "contact_name", "email", "call_title"]
    search_backend_name = None
    list_export = [
        "created_at",
        "call_title",
        "authority",
        "interested_authority",
        "interested_country.name",
        "get_interested_kind_display",
        "contact_name",
        "contact_role",
        "email",
        "message",
        "get_status_display",
        "get_mail_status_display",
        "moderator_notes",
    ]
    export_headings = {
        "interested_country.name": _("country of the interested authority"),
        "get_interested_kind_display": _("kind of the interested authority"),
        "get_status_display": _("status"),
        "get_mail_status_display": _("email status"),
    }
    export_filename = "expressions-of-interest"
    inspect_view_fields = [
        "created_at",
        "call",
        "authority",
        "interested_authority",
        "interested_country",
        "interested_kind",
        "contact_name",
        "contact_role",
        "email",
        "message",
        "consent",
        "status",
        "moderator_notes",
        "mail_status",
        "notified_to",
        "contact_notified_at",
        "acknowledged_at",
        "mail_error",
    ]
    # Moderators follow an expression up; what the visitor wrote is shown, not edited.
    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            FieldPanel("moderator_notes"),
            MultiFieldPanel(
                [
                    FieldPanel("call", read_only=True),
                    FieldPanel("created_at", read_only=True),
                    FieldRowPanel(
                        [
                            FieldPanel("interested_authority", read_only=True),
                            FieldPanel("interested_country", read_only=True),
                            FieldPanel("interested_kind", read_only=True),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("contact_name", read_only=True),
                            FieldPanel("contact_role", read_only=True),
                            FieldPanel("email", read_only=True),
                        ]
                    ),
                    FieldPanel("message", read_only=True),
                ],
                heading=_("Expression of interest"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("mail_status", read_only=True),
                    FieldPanel("notified_to", read_only=True),
                    FieldPanel("mail_error", read_only=True),
                ],
                heading=_("Emails"),
            ),
        ]
    )

    @property
    def permission_policy(self):
        return ExpressionsOnlyAddedByVisitors(self.model)


# --- fiches not verified for 12 months ----------------------------------------------------

STALE_AFTER = datetime.timedelta(days=365)


def last_verified_display(fiche):
    if fiche.last_verified is None:
        return _("Never")
    return date_format(fiche.last_verified, "DATE_FORMAT")


class StaleFichesReportView(ReportView):
    """Fiches whose authority has not confirmed them for a year (or never), oldest first."""

    page_title = _("Fiches not verified for 12 months")
    header_icon = "time"
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
        LocaleColumn(),
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


# --- representatives of an authority (cms/representatives.py) ------------------------------


def can_grant_representatives(user, fiche):
    """Staff who may both create accounts and publish the fiche hand out representative access."""
    return user.has_perm("auth.add_user") and fiche.permissions_for_user(user).can_publish()


class RepresentativeForm(forms.Form):
    email = forms.EmailField(label=_("email of the representative"))
    name = forms.CharField(label=_("full name"), max_length=150, required=False)


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

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse(self.url_name, args=[self.fiche.pk]),
            submit_button_label=_("Send the invitation"),
            submit_button_active_label=_("Sending…"),
            **kwargs,
        )

    def form_valid(self, form):
        user, _created = grant_representative(
            self.fiche, form.cleaned_data["email"], form.cleaned_data["name"]
        )
        send_invitation(user, self.fiche)
        messages.success(
            self.request,
            _("%(email)s can now update “%(title)s”; an invitation was sent.")
            % {"email": user.email, "title": self.fiche.title},
        )
        return redirect("wagtailadmin_pages:edit", self.fiche.pk)
