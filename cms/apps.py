from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Bourse-partenariats content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.api.cache import connect_signals
        from cms.models import facts

        connect_signals()
        facts.connect_signals()
