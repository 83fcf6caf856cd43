"""Staff's read-only listing of alert subscriptions in the Wagtail admin.

Subscriptions come from the public form only: nobody adds or edits one here (an address
changes its choice by subscribing again and confirming). Staff may view, and delete on a
person's request.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import AlertSubscription


class SubscriptionsOnlyFromVisitors(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)


class AlertSubscriptionViewSet(ModelViewSet):
    model = AlertSubscription
    icon = "thumbtack"
    # The sidebar cuts labels wider than it (about 20 letters): "Abonnements aux alertes".
    menu_label = _("Alerts")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    list_display = ["email", "language", "direction", "confirmed_at", "created_at"]
    list_filter = ["language", "direction"]
    search_fields = ["email"]
    search_backend_name = None
    # Required by ModelViewSet; never shown, since nobody may add or change a subscription.
    form_fields = ["direction"]
    inspect_view_fields = [
        "email",
        "language",
        "direction",
        "country_names",
        "confirmed_at",
        "created_at",
    ]

    @property
    def permission_policy(self):
        return SubscriptionsOnlyFromVisitors(self.model)


@hooks.register("register_admin_viewset")
def register_alert_subscriptions():
    return AlertSubscriptionViewSet("alert_subscriptions")
