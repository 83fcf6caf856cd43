"""The directories' GET filter forms.

Directory state lives in the URL (a GET form): addresses are shareable and the back button
works. Filter values are checked by a form before they reach an operation: an invalid value
is dropped with an error in the visitor's language (Django's own translated messages), the
list shown without it, never a server error.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from cms.api import querysets
from cms.models import AuthorityKind, CallDirection, CallStatus

MAX_PAGE = 100_000  # GraphQL's Int is 32-bit: bigger numbers never reach an operation
SEARCH_MAX_LENGTH = 200


def theme_choices():
    """Theme slugs (the same in every language); the page shows names from its operation."""
    return [(slug, slug) for slug in querysets.default_themes()]


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
