"""The public portal's page views: directories with filters, country, theme and search pages.

Directory state lives in the URL (a GET form): addresses are shareable and the back button
works. Filter values are checked by a form before they reach an operation: an invalid value
is dropped with an error in the visitor's language (Django's own translated messages), the
list shown without it, never a server error.

Routes, with Wagtail's RoutablePageMixin:
- the authority directory (AuthorityIndexPage) at its own address, the calls directory at
  ``appels/``, a country at ``pays/<code>/``, a theme at ``themes/<slug>/``;
- the search results on the home page (HomePage), at ``recherche/``.
"""

from django import forms
from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from cms.models.choices import AuthorityKind, CallDirection, CallStatus

DIRECTORY_PER_PAGE = 20
NEWS_PER_PAGE = 10
MAX_PAGE = 100_000  # GraphQL's Int is 32-bit: bigger numbers never reach an operation
SEARCH_MAX_LENGTH = 200


# --- addresses ------------------------------------------------------------------------------


# The skeleton's section slugs are the same in every language (cms.bootstrap), so these
# addresses cost no query. Imports are local: cms.models imports this module.


def directory_url(route_name="", *args):
    """Address of a directory view in the active language ("" is the authority directory)."""
    from cms.bootstrap import AUTHORITY_INDEX_SLUG
    from cms.models import AuthorityIndexPage

    subpath = AuthorityIndexPage.get_resolver().reverse(route_name, *args) if route_name else ""
    return reverse("wagtail_serve", args=[f"{AUTHORITY_INDEX_SLUG}/{subpath}"])


def news_url():
    from cms.bootstrap import NEWS_INDEX_SLUG

    return reverse("wagtail_serve", args=[f"{NEWS_INDEX_SLUG}/"])


def search_url():
    from cms.models import HomePage

    return reverse("wagtail_serve", args=[HomePage.get_resolver().reverse("search")])


# --- forms ----------------------------------------------------------------------------------


def theme_choices():
    """Theme slugs (the same in every language); the page shows names from its operation."""
    from cms.models import Theme

    slugs = Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return [(slug, slug) for slug in slugs.values_list("slug", flat=True)]


class CountryChoiceField(forms.ChoiceField):
    """An ISO 3166 alpha-2 code, in either case."""

    def __init__(self, **kwargs):
        super().__init__(choices=list(all_countries), **kwargs)

    def to_python(self, value):
        return super().to_python(value).upper()


class FilterForm(forms.Form):
    """A directory's GET form. ``filters()``: the valid values (invalid ones are dropped)."""

    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=MAX_PAGE, required=False)

    def __init__(self, data, **kwargs):
        super().__init__(data, auto_id="filter-%s", **kwargs)

    def filters(self):
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "") and name != "page"
        }

    def page_number(self):
        self.is_valid()
        return self.cleaned_data.get("page") or 1


class AuthorityFilterForm(FilterForm):
    FRENCH = {"french": True, "foreign": False}

    country = CountryChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=AuthorityKind.choices,
        required=False,
    )
    french = forms.ChoiceField(
        label=_("French or foreign"),
        choices=[("french", _("French authorities")), ("foreign", _("Foreign authorities"))],
        required=False,
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=theme_choices, required=False)

    def variables(self):
        """The operation's variables: GraphQL enum names, booleans."""
        filters = self.filters()
        if "kind" in filters:
            filters["kind"] = filters["kind"].upper()
        if "french" in filters:
            filters["french"] = self.FRENCH[filters["french"]]
        return filters


class CallFilterForm(FilterForm):
    direction = forms.ChoiceField(
        label=_("Offer or request"),
        choices=CallDirection.choices,
        required=False,
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=theme_choices, required=False)
    country = CountryChoiceField(
        label=_("Country"),
        required=False,
        help_text=_("Calls of its authorities, or calls looking for partners there."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=CallStatus.choices,
        required=False,
    )

    def variables(self):
        filters = self.filters()
        for name in ("direction", "status"):
            if name in filters:
                filters[name] = filters[name].upper()
        return filters


class SearchForm(FilterForm):
    q = forms.CharField(label=_("Words to look for"), max_length=SEARCH_MAX_LENGTH, required=False)


# --- pagination -----------------------------------------------------------------------------


def pagination_links(request, pagination):
    """Links to the neighbouring pages of a list, keeping the other GET parameters."""

    def url(number):
        query = request.GET.copy()
        query["page"] = number
        return f"?{query.urlencode()}"

    current, last = pagination["currentPage"], pagination["totalPages"]
    shown = sorted(n for n in {1, current - 1, current, current + 1, last} if 1 <= n <= last)
    pages, previous = [], 0
    for number in shown:
        if number > previous + 1:
            pages.append({"gap": True})
        pages.append({"number": number, "url": url(number), "current": number == current})
        previous = number
    return {
        "pages": pages,
        "first": url(1) if current > 1 else None,
        "previous": url(min(current - 1, last)) if current > 1 and last else None,
        "next": url(current + 1) if current < last else None,
        "last": url(last) if current < last else None,
        "beyond_last": current > last > 0,
        **pagination,
    }


def list_context(request, data):
    """Items, figures and page links of a ``{ items pagination }`` result."""
    return {
        "items": data["items"],
        "pagination": pagination_links(request, data["pagination"]),
    }


# --- context builders (called by the page models) -------------------------------------------


def home_context(data):
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


def call_page_context(data, call_id):
    related = data.get("related") or {"items": []}
    return {
        "call": data["partnershipCall"],
        "related_calls": [item for item in related["items"] if item["id"] != str(call_id)][:3],
    }


def options(data):
    """Filter options in the visitor's language: themes and countries with fiches."""
    return {
        "theme_options": [(theme["slug"], theme["name"]) for theme in data["themes"]],
        "country_options": [(country["code"], country["name"]) for country in data["countries"]],
    }


def authority_directory(page, request):
    form = AuthorityFilterForm(request.GET)
    data = page.run_operation(request, page=form.page_number(), **form.variables())
    return {
        "form": form,
        **options(data),
        "kind_options": AuthorityKind.choices,
        "authorities": list_context(request, data["authorities"]),
    }


def news_index(page, request):
    form = FilterForm(request.GET)
    data = page.run_operation(request, page=form.page_number())
    return {"form": form, "news": list_context(request, data["news"])}


# --- routed views ---------------------------------------------------------------------------


def render(page, request, template, context):
    """A routed view's response: the page's own variables (page, request) plus ``context``."""
    return TemplateResponse(request, template, {**Page.get_context(page, request), **context})


class DirectoryRoutes(RoutablePageMixin):
    """Views of the authority directory page besides the directory itself."""

    @path("appels/", name="calls")
    def calls_directory(self, request):
        form = CallFilterForm(request.GET)
        data = self.run_operation(
            request, "PartnershipCallDirectory", page=form.page_number(), **form.variables()
        )
        return render(
            self,
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

    @re_path(r"^pays/(?P<code>[A-Za-z]{2})/$", name="country")
    def country_page(self, request, code):
        code = code.upper()
        if code not in dict(all_countries):
            raise Http404
        form = FilterForm(request.GET)
        data = self.run_operation(request, "CountryPage", country=code, page=form.page_number())
        coverage = next((row for row in data["countries"] if row["code"] == code), None)
        return render(
            self,
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

    @path("themes/<slug:slug>/", name="theme")
    def theme_page(self, request, slug):
        if slug not in dict(theme_choices()):
            raise Http404
        form = FilterForm(request.GET)
        data = self.run_operation(request, "ThemePage", theme=slug, page=form.page_number())
        return render(
            self,
            request,
            "cms/theme_page.html",
            {
                "form": form,
                "theme": next(theme for theme in data["themes"] if theme["slug"] == slug),
                "authorities": list_context(request, data["authorities"]),
                "open_calls": data["openCalls"],
            },
        )


class SearchRoute(RoutablePageMixin):
    """The search results, under the home page."""

    @path("recherche/", name="search")
    def search(self, request):
        form = SearchForm(request.GET)
        words = form.filters().get("q", "")
        context = {"form": form, "words": words, "results": None}
        if words:
            data = self.run_operation(request, "SearchPage", query=words, page=form.page_number())
            context["results"] = list_context(request, data["search"])
        return render(self, request, "cms/search_page.html", context)
