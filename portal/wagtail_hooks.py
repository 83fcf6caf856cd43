"""The portal's additions to the Wagtail admin: none of its own; each feature registers its
parts in its package's wagtail_hooks.py (portal/interest, portal/alerts,
portal/representatives)."""

from wagtail import hooks

from portal.admin_panels import dashboard_panels


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend(dashboard_panels(request.user))
