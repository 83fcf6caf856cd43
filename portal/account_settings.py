"""The admin's account settings, savable by a user without a first or last name.

Wagtail's "Name and email" panel requires both names, and every panel of the page is saved
together: a representative granted access without a name (or the development admin) could
not even switch the admin's language. Here the names are optional; the rest is Wagtail's
own page (portal/urls.py routes /admin/account/ to it, ahead of Wagtail's).
"""

from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views.account import AccountView, NameEmailSettingsPanel


class OptionalNamesForm(NameEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = False
        self.fields["last_name"].required = False


class OptionalNamesPanel(NameEmailSettingsPanel):
    form_class = OptionalNamesForm


class PortalAccountView(AccountView):
    def get_panels(self):
        return [
            OptionalNamesPanel(self.request, self.request.user, panel.profile)
            if type(panel) is NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]


account_view = never_cache(require_admin_access(PortalAccountView.as_view()))
