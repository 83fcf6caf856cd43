"""Admin registration: the taxonomy as translatable snippets, grouped in one menu; the
moderators' expressions of interest and the stale-fiche report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.admin_views import InterestExpressionViewSet, StaleFichesReportView
from cms.models import ActionDomain, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "sdg_numbers"]
    search_fields = ["name"]


class ActionDomainViewSet(SnippetViewSet):
    model = ActionDomain
    icon = "list-ul"
    list_display = ["name", "theme", "slug"]
    list_filter = ["theme"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, ActionDomainViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)


# --- moderation: expressions of interest and the stale-fiche report (cms/admin_views.py) ---


@hooks.register("register_admin_viewset")
def register_interest_expressions():
    return InterestExpressionViewSet("interest_expressions")


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
        icon_name="time",
        order=1150,
    )
