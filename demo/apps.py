from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content generator: no models, only the ``seed_demo`` command."""

    name = "demo"
