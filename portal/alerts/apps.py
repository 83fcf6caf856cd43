from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "portal.alerts"
    label = "alerts"
    verbose_name = _("Alerts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from cms.models import PartnershipCallPage
        from portal.alerts import emails

        emails.register_mail()
        # cms never imports portal: the feature hooks itself on publication.
        page_published.connect(
            emails.on_call_published, sender=PartnershipCallPage, dispatch_uid="alerts-published"
        )
