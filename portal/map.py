"""The map of authorities: the full-page view and the configuration its widget reads.

The widget (``templates/components/map.html`` + ``static/portal/map/map.js``) runs the
operation in ``graphql/map.graphql`` against the public endpoint, like any partner would. Its
page receives, in one ``json_script`` block, the operation text, every visible string already
translated, and the few tables the browser cannot compute (country numeric codes, kinds).
"""

import functools

from django.conf import settings
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_countries import countries

from cms.bootstrap import AUTHORITY_INDEX_SLUG
from cms.models import FRENCH_COUNTRY_CODES, AuthorityKind

OPERATION_PATH = settings.BASE_DIR / "graphql" / "map.graphql"
OPERATION_NAME = "MapWidget"
BASEMAP = "portal/vendor/world-atlas/countries-50m.json"
# Lower bounds of the coverage classes (cooperations with French authorities per country);
# the stylesheet colours classes 0 to len(COVERAGE_STEPS).
COVERAGE_STEPS = (1, 10, 50, 250)
RESULTS_PER_BATCH = {False: 50, True: 10}
# Numbers as the rest of the site writes them (Django prints Western digits in Arabic too).
NUMBER_LOCALES = {"ar": "ar-u-nu-latn"}


@functools.cache
def operation_document():
    """The widget's GraphQL operation, read once per process."""
    return OPERATION_PATH.read_text(encoding="utf-8")


@functools.cache
def numeric_country_codes():
    """{"250": "FR", …}: world-atlas identifies shapes by ISO numeric code, the API by alpha-2."""
    codes = {}
    for code in countries.countries:
        numeric = countries.numeric(code, padded=True)
        if numeric:
            codes[numeric] = code
    return codes


def tile_layer():
    """An online basemap only when the deployment asks for one (off by default)."""
    url = getattr(settings, "MAP_TILE_URL", "")
    if not url:
        return None
    return {"url": url, "attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", "")}


def coverage_classes():
    """Legend rows for the coverage shading: (css class index, label)."""
    rows = [(0, _("No cooperation recorded"))]
    bounds = list(COVERAGE_STEPS)
    for index, low in enumerate(bounds, start=1):
        if index < len(bounds):
            label = _("%(low)s to %(high)s cooperations") % {"low": low, "high": bounds[index] - 1}
        else:
            label = _("%(low)s cooperations or more") % {"low": low}
        rows.append((index, label))
    return rows


def widget_strings():
    """Every string the script shows, in the active language (placeholders: %(name)s)."""
    return {
        "count": _("Authorities shown: %(count)s"),
        "loading": _("Loading the map…"),
        "loadError": _("The map data could not be loaded."),
        "badFilters": _("Some filters in the address were not recognised and were ignored."),
        "noResults": _("No authority matches these filters."),
        "french": _("French authority"),
        "foreign": _("Foreign authority"),
        "openOffers": _("Open offers: %(count)s"),
        "openRequests": _("Open requests: %(count)s"),
        "noOpenCall": _("No open partnership call"),
        "untranslated": _("(not translated yet)"),
        "showOnMap": _("Show on the map"),
        "cluster": _("Group of authorities: %(count)s. Zoom in to see them."),
        "zoomIn": _("Zoom in"),
        "zoomOut": _("Zoom out"),
        "closePopup": _("Close"),
        "fiches": _("Fiches: %(count)s"),
        "frenchCooperations": _("Cooperations with French authorities: %(count)s"),
        "openCalls": _("Open calls: %(count)s"),
        "requestsWithoutPartner": _("Open requests without a French partner: %(count)s"),
        "whiteZone": _("White zone: open requests and no French partner yet."),
        "showCountry": _("Show this country’s authorities"),
        "retry": _("Try again"),
        "attribution": _("Country shapes: Natural Earth · Leaflet"),
    }


def widget_config(locale=None, compact=False):
    """Everything the widget needs, for ``json_script`` and the server-rendered controls."""
    language = locale or translation.get_language() or settings.LANGUAGE_CODE
    compact = bool(compact)
    with translation.override(language):
        return {
            "endpoint": reverse("graphql"),
            "operation": operation_document(),
            "operationName": OPERATION_NAME,
            "locale": language,
            "dir": "rtl" if translation.get_language_bidi() else "ltr",
            "numberLocale": NUMBER_LOCALES.get(language, language),
            "compact": compact,
            "fullMapUrl": reverse("map"),
            "directoryUrl": reverse("wagtail_serve", args=[f"{AUTHORITY_INDEX_SLUG}/"]),
            "basemap": static(BASEMAP),
            "tiles": tile_layer(),
            "numericCountries": numeric_country_codes(),
            "frenchCountries": list(FRENCH_COUNTRY_CODES),
            "kinds": [{"value": key, "label": str(label)} for key, label in AuthorityKind.choices],
            "coverageSteps": list(COVERAGE_STEPS),
            "coverageClasses": coverage_classes(),
            "perBatch": RESULTS_PER_BATCH[compact],
            "strings": widget_strings(),
        }


@require_safe
def map_page(request):
    return render(request, "portal/map.html")
