"""Admin widgets the page types' panels use.

``FicheChooser`` / ``FichesChooser``: pick one or several fiches by typing part of a name. The
suggestions come from the admin's ``fiche_chooser`` endpoint (cms/wagtail_hooks.py:
default-language fiches, autocomplete, with the country); the page carries only the fiches
already chosen, never the whole directory (thousands of fiches).
"""

import re

from django import forms
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .taxonomy import Theme


def fiche_label(fiche):
    """How a chooser names a fiche: its title and country."""
    country = fiche.country.name if fiche.country else ""
    return f"{fiche.title} ({country})" if country else fiche.title


class FicheChooserMixin:
    """A select holding only the chosen fiches, and a search box that adds to it."""

    class Media:
        js = ["portal/admin/fiche-chooser.js"]
        css = {"all": ["portal/admin/fiche-chooser.css"]}

    def optgroups(self, name, value, attrs=None):
        chosen = [v for v in value if str(v).isdigit()]
        model = self.choices.queryset.model if hasattr(self.choices, "queryset") else None
        fiches = model.objects.filter(pk__in=chosen) if model is not None and chosen else []
        fiches = {str(f.pk): f for f in fiches}
        groups = []
        if not self.allow_multiple_selected:
            # A single choice can be emptied.
            groups.append((None, [self.create_option(name, "", "—", not fiches, 0)], 0))
        for index, pk in enumerate((str(v) for v in chosen), start=len(groups)):
            if pk in fiches:
                option = self.create_option(
                    name, pk, fiche_label(fiches[pk]), True, index, attrs=attrs
                )
                groups.append((None, [option], index))
        return groups

    def render(self, name, value, attrs=None, renderer=None):
        select = super().render(name, value, attrs, renderer)
        input_id = f"{(attrs or {}).get('id', name)}-search"
        return format_html(
            '<div class="fiche-chooser" data-fiche-chooser data-url="{}" data-multiple="{}">'
            '{}<label class="w-sr-only" for="{}">{}</label>'
            '<input type="search" id="{}" class="fiche-chooser__search" autocomplete="off" '
            'placeholder="{}" aria-autocomplete="list">'
            '<ul class="fiche-chooser__results" role="listbox" hidden></ul></div>',
            reverse("fiche_chooser"),
            "true" if self.allow_multiple_selected else "false",
            select,
            input_id,
            _("Search a fiche"),
            input_id,
            _("Type part of a name…"),
        )


class FicheChooser(FicheChooserMixin, forms.Select):
    pass


class FichesChooser(FicheChooserMixin, forms.SelectMultiple):
    pass


# Spaces (plain, no-break, narrow no-break, thin), apostrophes, dots and commas that group
# digits by thousands: "254 171", "1.200.000", "1,200,000", "1'200'000".
DIGIT_GROUPS = re.compile(r"(?<=\d)[\s\u00a0\u202f\u2009'’.,](?=\d{3}(?:\D|$))")


class WholeNumberInput(forms.TextInput):
    """A whole number typed as people write it ("254 171"): a browser's number input sends
    nothing for that, and the form then said the population was missing."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", **(attrs or {})})

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return DIGIT_GROUPS.sub("", value.strip()) if isinstance(value, str) else value


class ThemeCheckboxes(forms.CheckboxSelectMultiple):
    """Themes as checkboxes: fourteen of them, all seen at once."""


class DomainCheckboxes(forms.CheckboxSelectMultiple):
    """Action domains as checkboxes, grouped under their theme (one query for the themes)."""

    def optgroups(self, name, value, attrs=None):
        choices = [(choice, label) for choice, label in self.choices if choice != ""]
        theme_ids = {choice.instance.theme_id for choice, _label in choices}
        themes = {theme.pk: theme for theme in Theme.objects.filter(pk__in=theme_ids)}
        chosen = {str(v) for v in value}
        groups = {}
        for index, (choice, label) in enumerate(choices):
            option = self.create_option(
                name, choice, label, str(choice) in chosen, index, attrs=attrs
            )
            groups.setdefault(choice.instance.theme_id, []).append(option)
        order = sorted(groups, key=lambda pk: (themes[pk].sort_order, themes[pk].name))
        return [(themes[pk].name, groups[pk], index) for index, pk in enumerate(order)]


class FilterableMixin:
    """A long select (250 countries, 200 languages) with a box above it: typing part of a
    name (accents ignored) keeps the matching options in view."""

    class Media:
        js = ["portal/admin/select-filter.js"]

    def __init__(self, attrs=None, *args, **kwargs):
        super().__init__({"data-filterable": "", **(attrs or {})}, *args, **kwargs)


class FilterableSelect(FilterableMixin, forms.Select):
    pass


class FilterableSelectMultiple(FilterableMixin, forms.SelectMultiple):
    def __init__(self, attrs=None, *args, **kwargs):
        super().__init__({"size": 8, **(attrs or {})}, *args, **kwargs)


class CoordinateWithMap(forms.NumberInput):
    """The longitude's input, followed by a map (Leaflet and the country shapes the portal
    ships, no tile server): a click there fills latitude and longitude, typed values move the
    marker. Without JavaScript, the two inputs alone."""

    class Media:
        js = [
            "portal/vendor/leaflet/leaflet.js",
            "portal/vendor/topojson-client/topojson-client.min.js",
            "portal/admin/coordinates-map.js",
        ]
        css = {"all": ["portal/vendor/leaflet/leaflet.css"]}

    def __init__(self, attrs=None):
        super().__init__({"step": "any", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        return format_html(
            '{}<div class="coordinates-map" data-coordinates-map data-shapes="{}" '
            'data-latitude="latitude" data-longitude="{}" role="application" aria-label="{}" '
            'style="height: 320px; margin-top: 0.5rem;"></div>',
            field,
            static("portal/vendor/world-atlas/countries-50m.json"),
            name,
            _("Map: click to set the latitude and longitude"),
        )
