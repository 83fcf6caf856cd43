"""The portal's additions to the Wagtail admin."""

from wagtail import hooks

from portal.alerts.admin import AlertSubscriptionViewSet


@hooks.register("register_admin_viewset")
def register_alert_subscriptions():
    return AlertSubscriptionViewSet("alert_subscriptions")
