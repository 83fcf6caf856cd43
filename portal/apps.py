from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal.pagecache import connect_signals as connect_pagecache_signals

        connect_pagecache_signals()
