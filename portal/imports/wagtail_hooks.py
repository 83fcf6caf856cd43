"""The import screen in the Wagtail admin menu, for users allowed to import."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import CallsExportView, ConfirmView, ImportView, TemplateView, can_import


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("imports/", ImportView.as_view(), name="imports"),
        path("imports/<int:run_id>/confirm/", ConfirmView.as_view(), name="imports_confirm"),
        path("imports/template.xlsx", TemplateView.as_view(), name="imports_template"),
        path("imports/calls.xlsx", CallsExportView.as_view(), name="imports_calls"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import fiches"), reverse("imports"), name="imports", icon_name="upload", order=270
    )
