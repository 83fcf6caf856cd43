"""Admin registration: the taxonomy as translatable snippets, grouped in one menu.

The features' admin parts live with them (portal/interest, portal/alerts,
portal/representatives: each has its wagtail_hooks.py)."""

from urllib.parse import urlencode

import django_filters
import wagtail_localize.wagtail_hooks as localize_hooks
from django.db.models import Exists, OuterRef
from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn
from wagtail.admin.ui.tables.pages import (
    BulkActionsColumn,
    PageStatusColumn,
    PageTitleColumn,
    ParentPageColumn,
)
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup
from wagtail_localize.models import TranslationSource

from cms.models import (
    ActionDomain,
    AuthorityPage,
    CallDirection,
    CallStatus,
    PartnershipCallPage,
    Theme,
)
from cms.models.collation import sorted_by_name
from cms.models.widgets import fiche_label

CHOOSER_RESULTS = 20
MAX_QUERY = 100


class OneLanguageIndexView(IndexView):
    """A taxonomy list in one language at a time (the default one unless another is chosen
    in the language filter): 14 themes, not 70 rows."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if not self.request.GET.get("locale"):
            queryset = queryset.filter(locale=Locale.get_default())
        return queryset


def language_column():
    """Wagtail's LocaleColumn() names itself at import time, in the language of whoever
    came first ("Locale" for everyone after an English request): named per request here."""
    return LocaleColumn(label=_("Locale"))


def sdg_list(theme):
    return ", ".join(str(number) for number in theme.sdg_numbers)


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    index_view_class = OneLanguageIndexView
    list_display = [
        "name",
        "slug",
        Column("sdg_numbers", label=_("SDGs"), accessor=sdg_list),
        language_column(),
    ]
    search_fields = ["name"]


class ActionDomainViewSet(SnippetViewSet):
    model = ActionDomain
    icon = "list-ul"
    index_view_class = OneLanguageIndexView
    list_display = ["name", "theme", "slug", language_column()]
    list_filter = ["theme"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, ActionDomainViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)


# --- the translation editor's words, in the editor's language --------------------------------
# wagtail-localize's editor (a React app) leaves some words in English or in the default
# language (Django falls back to French where its Spanish and Portuguese catalogues lack a
# string); portal/static/portal/admin/translation-editor.js sets these before it starts.

# Its JavaScript catalogue's msgids, as the app asks for them: missing in es/pt, or (French
# "Publier dans" without its space) glued to the language's name.
TRANSLATION_EDITOR_CATALOGUE = [
    gettext_noop("Publish in "),
    gettext_noop("Applying editor lock"),
    gettext_noop("Removing editor lock"),
    gettext_noop("Stopping Synced translation"),
    gettext_noop("Converting to alias page"),
]


def translation_editor_words():
    return {
        "catalog": {msgid: gettext(msgid) for msgid in TRANSLATION_EDITOR_CATALOGUE},
        # The app's heading is an English template of two language names.
        "heading": gettext("%(source)s to %(target)s translation"),
        "moreActions": gettext("More actions"),
    }


@hooks.register("insert_editor_js")
def translation_editor_js():
    return json_script(translation_editor_words(), "translation-editor-words") + format_html(
        '<script src="{}"></script>', static("portal/admin/translation-editor.js")
    )


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


# --- the explorer's "Translate this page" / "Sync translated pages", row by row ---------------
# wagtail-localize works both out for each row of the explorer with two or three queries (an
# untranslated locale, its TranslationSource): 2 queries a row, 142 for 50 fiches. The same
# buttons here, from two annotations the explorer's own query carries; its header buttons
# (one page at a time) stay wagtail-localize's.

LISTING_BUTTONS_HOOK = "register_page_listing_more_buttons"


def annotate_translation_state(parent_page, pages, request):
    """Each listed page knows whether a language lacks it and its translation source."""
    copies = Page.objects.filter(
        translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True
    ).values("locale_id")
    sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    )
    return pages.annotate(
        _localize_untranslated=Exists(Locale.objects.exclude(id__in=copies)),
        _localize_source_id=sources.values("pk")[:1],
    )


def translation_listing_buttons(page, user, view_name=None, next_url=None):
    if not hasattr(page, "_localize_untranslated"):
        # Listed outside the explorer: wagtail-localize's own way.
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name, next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if page._localize_untranslated:
        url = reverse(
            "wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]
        )
        yield Button(
            localize_hooks._("Translate this page"),
            url,
            priority=60,
            icon_name="wagtail-localize-language",
        )
    if page._localize_source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[page._localize_source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield Button(
            localize_hooks._("Sync translated pages"), url, priority=60, icon_name="resubmit"
        )


def replace_localize_listing_buttons():
    registered = hooks._hooks.get(LISTING_BUTTONS_HOOK, [])
    original = localize_hooks.page_listing_more_buttons
    registered[:] = [(fn, order) for fn, order in registered if fn is not original]
    hooks.register(LISTING_BUTTONS_HOOK, translation_listing_buttons)
    hooks.register("construct_explorer_page_queryset", annotate_translation_state)


replace_localize_listing_buttons()


# --- the partnership calls, as a list to work from -------------------------------------------


class CallFilterSet(PageFilterSet):
    status = django_filters.ChoiceFilter(label=_("Call status"), choices=CallStatus.choices)
    direction = django_filters.ChoiceFilter(label=_("Direction"), choices=CallDirection.choices)
    deadline = django_filters.DateFromToRangeFilter(
        label=_("Deadline"), widget=DateRangePickerWidget
    )

    class Meta:
        model = PartnershipCallPage
        fields = ["status", "direction", "deadline", "locale"]


class CallIndexView(PageIndexView):
    def annotate_queryset(self, pages):
        return annotate_translation_state(None, super().annotate_queryset(pages), self.request)


class CallListingViewSet(PageListingViewSet):
    model = PartnershipCallPage
    index_view_class = CallIndexView
    icon = "clipboard-list"
    # The sidebar cuts labels wider than it: "Convocatorias de asociación" lost its end.
    menu_label = _("Calls")
    menu_order = 110
    add_to_admin_menu = True
    filterset_class = CallFilterSet
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        ParentPageColumn("parent", label=_("Fiche")),
        Column("direction", label=_("Direction"), accessor="get_direction_display"),
        Column("call_status", label=_("Call status"), accessor="get_status_display"),
        DateColumn("deadline", label=_("Deadline"), sort_key="deadline"),
        PageStatusColumn("status", label=_("Publication"), sort_key="live", width="12%"),
    ]


@hooks.register("register_admin_viewset")
def register_call_listing():
    return CallListingViewSet("partnership_calls")
