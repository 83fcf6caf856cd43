from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterestConfig(AppConfig):
    name = "portal.interest"
    label = "interest"
    verbose_name = _("Expressions of interest")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.interest import emails

        emails.register_mail()
