"""Admin registration: the taxonomy as translatable snippets, grouped in one menu.

The features' admin parts live with them (portal/interest, portal/alerts,
portal/representatives: each has its wagtail_hooks.py)."""

from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import ActionDomain, AuthorityPage, Theme
from cms.models.collation import sorted_by_name
from cms.models.widgets import fiche_label

CHOOSER_RESULTS = 20
MAX_QUERY = 100


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


# --- the fiche choosers' suggestions ---------------------------------------------------------


def fiche_suggestions(query, limit=CHOOSER_RESULTS):
    """Default-language fiches matching ``query`` as one types (Wagtail's autocomplete on
    titles), sorted by name in the editor's language."""
    fiches = AuthorityPage.objects.choosable()
    query = query.strip()[:MAX_QUERY]
    if query:
        # The search index filters on its own fields (the locale): aliases are left out after.
        indexed = AuthorityPage.objects.filter(locale=Locale.get_default())
        found = [
            fiche
            for fiche in indexed.autocomplete(query, fields=["title"])[: limit * 2]
            if fiche.alias_of_id is None
        ][:limit] or list(fiches.filter(title__icontains=query)[:limit])
    else:
        found = list(fiches.order_by("title")[:limit])
    return sorted_by_name(found, name=lambda fiche: fiche.title)


def fiche_chooser(request):
    results = fiche_suggestions(request.GET.get("q", ""))
    return JsonResponse({"results": [{"id": f.pk, "label": fiche_label(f)} for f in results]})


@hooks.register("register_admin_urls")
def register_fiche_chooser_url():
    return [path("fiches/choose/", fiche_chooser, name="fiche_chooser")]
