"""The moderators' admin of expressions of interest (a Wagtail model viewset).

Behind the admin login and a permission on the model (the "Moderators" group gets it).
The CSV download neutralises formulas: visitors wrote those cells.
"""

import datetime
import itertools

import django_filters
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from cms.models import AuthorityPage, PartnershipCallPage
from portal.spreadsheets import neutralise_formula

from .models import InterestExpression, InterestStatus, MailStatus


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
        label=capfirst(_("partnership call")), queryset=calls_with_expressions
    )
    authority = django_filters.ModelChoiceFilter(
        label=capfirst(_("authority of the call")), queryset=authorities_with_expressions
    )
    interested_country = django_filters.ChoiceFilter(
        label=capfirst(_("country of the interested authority")), choices=countries_with_expressions
    )
    status = django_filters.ChoiceFilter(
        label=capfirst(_("status")), choices=InterestStatus.choices
    )
    mail_status = django_filters.ChoiceFilter(
        label=capfirst(_("email status")), choices=MailStatus.choices
    )

    class Meta:
        model = InterestExpression
        fields = ["call", "authority", "interested_country", "status", "mail_status"]


CSV = SpreadsheetExportMixin.FORMAT_CSV
XLSX = SpreadsheetExportMixin.FORMAT_XLSX
# UTF-8's byte-order mark: spreadsheets (Excel) then read "Ouédraogo", not "OuÃ©draogo".
BOM = "\ufeff"


def local_minute(value):
    """A moment as the listing shows it: the reader's local time, to the minute."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def local_naive(value):
    """For a spreadsheet cell (no time zone there): the reader's local time, to the second."""
    return timezone.make_naive(timezone.localtime(value)).replace(microsecond=0)


class InterestExpressionIndexView(IndexView):
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        str: {CSV: neutralise_formula},
        datetime.datetime: {CSV: local_minute, XLSX: local_naive},
    }

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("authority")

    def get_heading(self, queryset, field):
        # One case for every column, whether its heading is a field's name or ours.
        return capfirst(super().get_heading(queryset, field))

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response.streaming_content = itertools.chain([BOM], response.streaming_content)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response


class InterestExpressionViewSet(ModelViewSet):
    model = InterestExpression
    index_view_class = InterestExpressionIndexView
    icon = "mail"
    # The sidebar cuts labels wider than it (about 20 letters): "Manifestations d’intérêt…".
    menu_label = _("Expressions")
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


@hooks.register("register_admin_viewset")
def register_interest_expressions():
    return InterestExpressionViewSet("interest_expressions")
