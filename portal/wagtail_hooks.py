"""The portal's additions to the Wagtail admin: none of its own; each feature registers its
parts in its package's wagtail_hooks.py (portal/interest, portal/alerts,
portal/representatives)."""

import copy

from django.utils.translation import gettext
from wagtail import hooks
from wagtail.utils.version import get_main_version

from portal.admin_panels import dashboard_panels

WHATS_NEW = "whats-new-in-wagtail-"


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend(dashboard_panels(request.user))


@hooks.register("construct_help_menu")
def whats_new_in_the_editors_language(request, items):
    """Wagtail names its "What's new in Wagtail" entry once per process, in the language of
    the first request: the entry is named again for each request, in the user's language."""
    version = get_main_version(include_patch=False)
    label = gettext("What's new in Wagtail %(version)s") % {"version": version}
    for index, item in enumerate(items):
        if item.name.startswith(WHATS_NEW):
            items[index] = copy.copy(item)
            items[index].label = label
