"""Each page type's template context, and the routed views of the directory and home pages.

Wagtail asks a page model for its context; the model asks ``page_context`` here (through the
``PAGE_VIEWS`` setting, see cms.models.rendering). Every page's data is the result of its
named operation from graphql/pages/ (``operations``); previews run the same operation on
the draft being edited.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from django_countries import countries as all_countries
from wagtail.models import Page, PageViewRestriction

from cms.api.scope import under_restriction
from cms.models import (
    AuthorityIndexPage,
    AuthorityKind,
    AuthorityPage,
    CallDirection,
    CallStatus,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PartnershipCallPage,
)
from cms.models.collation import sorted_by_name

from . import operations
from .forms import AuthorityFilterForm, CallFilterForm, FilterForm, SearchForm, theme_choices
from .pagination import list_context

# --- running a page's operation -------------------------------------------------------------


def run_operation(page, request, name, /, **variables):
    """The data of operation ``name`` for ``page``, in the visitor's language; in a Wagtail
    preview the page instance (the draft) stands in for the published item."""
    variables.setdefault("locale", translation.get_language() or settings.LANGUAGE_CODE)
    preview = page if operations.is_preview(request) else None
    # A password-protected page is shown to a visitor who gave its password (the scope
    # checks it with Wagtail's own restriction, as Wagtail did before serving).
    unlocked = page if page.pk is not None and preview is None else None
    return operations.run(name, variables, request=request, preview=preview, unlocked=unlocked)


def suggestions_wanted(page, request):
    """Partner suggestions start from a published, public page's id: not in previews (the
    draft may differ from what the public API knows) nor before the first publication."""
    if page.pk is None or not page.live or operations.is_preview(request):
        return False
    # A private fiche is answered 404 by its root field; asking for its suggestions would
    # be an error instead (the public API does not know it).
    return not under_restriction(page)


def view_restrictions(page, wagtails):
    """The view restrictions over ``page`` (Wagtail's queryset), with no query for a page no
    restriction covers: the restrictions are kept per process and content version, which a
    new or lifted restriction bumps."""
    if page.alias_of_id or under_restriction(page):
        return wagtails()
    return PageViewRestriction.objects.none()


@dataclass(frozen=True)
class ItemPage:
    """A page showing one item: its operation, the data key of the item (404 when the
    public schema does not serve it, e.g. in a private section), its variables and how the
    template's variables are made from the data."""

    operation: str
    root_field: str
    variables: Callable
    context: Callable

    def __call__(self, page, request):
        data = run_operation(page, request, self.operation, **self.variables(page, request))
        if data.get(self.root_field) is None:
            raise Http404
        return self.context(page, data)


# --- context builders -------------------------------------------------------------------------


def home(page, request):
    data = run_operation(page, request, "HomePage")
    countries = data["countries"]
    return {
        "figures": {
            "authorities": sum(country["authorities"] for country in countries),
            "countries": len(countries),
            "open_calls": sum(country["openCalls"] for country in countries),
        },
        "latest_calls": data["latestCalls"]["items"],
        "latest_news": data["latestNews"]["items"],
    }


def options(data):
    """Filter options in the visitor's language: themes and countries with fiches."""
    return {
        "theme_options": [(theme["slug"], theme["name"]) for theme in data["themes"]],
        # The API lists countries in no promised order: sorted here in the visitor's language.
        "country_options": sorted_by_name(
            [(country["code"], country["name"]) for country in data["countries"]],
            name=lambda option: option[1],
        ),
    }


def authority_directory(page, request):
    form = AuthorityFilterForm(request.GET)
    data = run_operation(
        page, request, "AuthorityDirectory", page=form.page_number(), **form.variables()
    )
    return {
        "form": form,
        **options(data),
        "kind_options": AuthorityKind.choices,
        "authorities": list_context(request, data["authorities"]),
    }


def news_index(page, request):
    form = FilterForm(request.GET)
    data = run_operation(page, request, "NewsIndexPage", page=form.page_number())
    return {"form": form, "news": list_context(request, data["news"])}


def call_variables(page, request):
    return {
        "id": page.pk,
        "withSuggestions": page.is_open and suggestions_wanted(page, request),
    }


def call_context(page, data):
    return {"call": data["partnershipCall"], "suggestions": data.get("suggestions")}


CALL_PAGE = ItemPage(
    "PartnershipCallPage", "partnershipCall", variables=call_variables, context=call_context
)


def call_page(page, request):
    """A call and, beside it, open calls on its first theme: the theme is read from the
    call's own data (a preview's draft included), so the page reads no theme of its own."""
    context = CALL_PAGE(page, request)
    themes = context["call"]["themes"]
    related = []
    if themes:
        data = run_operation(page, request, "RelatedCalls", theme=themes[0]["slug"])
        related = [item for item in data["related"]["items"] if item["id"] != str(page.pk)]
    return {**context, "related_calls": related[:3]}


PAGE_CONTEXTS = {
    HomePage: home,
    AuthorityIndexPage: authority_directory,
    AuthorityPage: ItemPage(
        "AuthorityPage",
        "authority",
        variables=lambda page, request: {
            "id": page.pk,
            "withSuggestions": suggestions_wanted(page, request),
        },
        context=lambda page, data: {
            "fiche": data["authority"],
            "suggestions": data.get("suggestions"),
        },
    ),
    PartnershipCallPage: call_page,
    NewsIndexPage: news_index,
    NewsPage: ItemPage(
        "NewsPage",
        "newsArticle",
        variables=lambda page, request: {"id": page.pk},
        context=lambda page, data: {"article": data["newsArticle"]},
    ),
}


def page_context(page, request):
    """Template variables of a public page, from its operation."""
    return PAGE_CONTEXTS[type(page)](page, request)


# --- routed views (declared on the page models, see cms.models.pages) --------------------------


def render(page, request, template, context):
    """A routed view's response: the page's own variables (page, request) plus ``context``."""
    return TemplateResponse(request, template, {**Page.get_context(page, request), **context})


def calls_directory(page, request):
    form = CallFilterForm(request.GET)
    data = run_operation(
        page, request, "PartnershipCallDirectory", page=form.page_number(), **form.variables()
    )
    return render(
        page,
        request,
        "cms/partnership_call_directory.html",
        {
            "form": form,
            **options(data),
            "direction_options": CallDirection.choices,
            "status_options": CallStatus.choices,
            "calls": list_context(request, data["partnershipCalls"]),
        },
    )


def country_page(page, request, code):
    code = code.upper()
    if code not in dict(all_countries):
        raise Http404
    form = FilterForm(request.GET)
    data = run_operation(page, request, "CountryPage", country=code, page=form.page_number())
    coverage = next((row for row in data["countries"] if row["code"] == code), None)
    return render(
        page,
        request,
        "cms/country_page.html",
        {
            "form": form,
            "country": {"code": code, "name": all_countries.name(code)},
            "coverage": coverage,
            "authorities": list_context(request, data["authorities"]),
            "open_calls": data["openCalls"],
        },
    )


def theme_page(page, request, slug):
    if slug not in dict(theme_choices()):
        raise Http404
    form = FilterForm(request.GET)
    data = run_operation(page, request, "ThemePage", theme=slug, page=form.page_number())
    return render(
        page,
        request,
        "cms/theme_page.html",
        {
            "form": form,
            "theme": next(theme for theme in data["themes"] if theme["slug"] == slug),
            "authorities": list_context(request, data["authorities"]),
            "open_calls": data["openCalls"],
        },
    )


def search(page, request):
    form = SearchForm(request.GET)
    words = form.filters().get("q", "")
    context = {"form": form, "words": words, "results": None}
    if words:
        data = run_operation(page, request, "SearchPage", query=words, page=form.page_number())
        context["results"] = list_context(request, data["search"])
    return render(page, request, "cms/search_page.html", context)
