"""Admin registration: the taxonomy as translatable snippets, grouped in one menu; the
moderators' expressions of interest and the stale-fiche report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.admin_views import (
    GrantRepresentativeView,
    InterestExpressionViewSet,
    StaleFichesReportView,
    can_grant_representatives,
)
from cms.models import ActionDomain, AuthorityPage, Theme


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


# --- representatives: a fiche's authority keeps it fresh (cms/representatives.py) ---


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
