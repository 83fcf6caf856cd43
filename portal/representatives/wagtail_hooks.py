"""The representatives' additions to the Wagtail admin: the stale-fiche report (Reports
menu) and the "Grant representative access" button on a fiche's header."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.permissions import page_permission_policy

from cms.models import AuthorityPage

from .admin_views import GrantRepresentativeView, StaleFichesReportView, can_grant_representatives

# --- the stale-fiche report ------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_stale_fiches_report_urls():
    return [
        path(
            "reports/fiches-not-verified/",
            StaleFichesReportView.as_view(),
            name=StaleFichesReportView.index_url_name,
        ),
        path(
            "reports/fiches-not-verified/results/",
            StaleFichesReportView.as_view(results_only=True),
            name=StaleFichesReportView.index_results_url_name,
        ),
    ]


class StaleFichesMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, StaleFichesReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_stale_fiches_report_menu_item():
    return StaleFichesMenuItem(
        _("Fiches not verified for 12 months"),
        reverse(StaleFichesReportView.index_url_name),
        name="fiches-not-verified",
        icon_name="calendar-check",
        order=1150,
    )


# --- representatives: a fiche's authority keeps it fresh --------------------------------------


@hooks.register("register_admin_urls")
def register_grant_representative_url():
    return [
        path(
            "fiches/<int:page_id>/representatives/",
            GrantRepresentativeView.as_view(),
            name=GrantRepresentativeView.url_name,
        )
    ]


class GrantRepresentativeButton(PageMenuItem):
    label = _("Grant representative access")
    icon_name = "user"

    def is_shown(self, user):
        return can_grant_representatives(user, self.page)

    @property
    def url(self):
        return reverse(GrantRepresentativeView.url_name, args=[self.page.pk])


@hooks.register("register_page_header_buttons")
def grant_representative_header_button(page, user, view_name, next_url=None):
    if page.specific_class is not None and issubclass(page.specific_class, AuthorityPage):
        yield GrantRepresentativeButton(page=page, priority=80)


# --- representatives do not see the site-wide reports ------------------------------------------

SITE_WIDE_REPORTS = {
    "page-types-usage",
    "aging-pages",
    "site-history",
    "workflows",
    "workflow-tasks",
}


@hooks.register("construct_reports_menu")
def hide_site_wide_reports(request, menu_items):
    """Reports about the whole site are the ministry's: someone who publishes nowhere (a
    representative) keeps only what concerns their own pages."""
    if request.user.is_superuser or page_permission_policy.user_has_any_permission(
        request.user, ["publish"]
    ):
        return
    menu_items[:] = [item for item in menu_items if item.name not in SITE_WIDE_REPORTS]
