"""Admin registration: the taxonomy as translatable snippets, grouped in one menu.

The features' admin parts live with them (portal/interest, portal/alerts,
portal/representatives: each has its wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import ActionDomain, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "sdg_numbers"]
    search_fields = ["name"]


class ActionDomainViewSet(SnippetViewSet):
    model = ActionDomain
    icon = "list-ul"
    list_display = ["name", "theme", "slug"]
    list_filter = ["theme"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, ActionDomainViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)
