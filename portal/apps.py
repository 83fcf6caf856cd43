from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # Alerts are the portal's job (cms never imports portal): hook them on publication.
        from wagtail.signals import page_published

        from cms.models import PartnershipCallPage
        from portal.alerts.emails import on_call_published
        from portal.pagecache import connect_signals as connect_pagecache_signals

        page_published.connect(
            on_call_published, sender=PartnershipCallPage, dispatch_uid="alerts-published"
        )
        connect_pagecache_signals()
