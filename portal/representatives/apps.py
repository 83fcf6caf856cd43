from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepresentativesConfig(AppConfig):
    name = "portal.representatives"
    label = "representatives"
    verbose_name = _("Representatives of authorities")

    def ready(self):
        from portal.representatives import accounts, emails

        accounts.connect_signals()
        emails.register_mail()
