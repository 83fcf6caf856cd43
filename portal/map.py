"""The map of authorities: the full-page view and the configuration its widget reads.

The widget (``templates/components/map.html`` + ``static/portal/map/map.js``) runs the
operation in ``graphql/map.graphql`` against the public endpoint, like any partner would. Its
page receives, in one ``json_script`` block, the operation text, every visible string already
translated, and the few tables the browser cannot compute (country numeric codes, kinds).
"""

import datetime
import functools
import gzip
from functools import wraps

import orjson
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_countries import countries

from cms.api.cache import cached
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


# --- the widget's answer, compressed once -----------------------------------------------------


def widget_locale(request):
    """The locale of a POST that is exactly the widget's operation (its text, its name, one
    ``locale`` variable naming a language of the site), else None."""
    if request.method != "POST" or request.content_type != "application/json":
        return None
    try:
        data = orjson.loads(request.body)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict) or set(data) - {"query", "operationName", "variables"}:
        return None
    variables = data.get("variables")
    if (
        data.get("query") != operation_document()
        or data.get("operationName") != OPERATION_NAME
        or not isinstance(variables, dict)
        or set(variables) != {"locale"}
    ):
        return None
    locale = variables["locale"]
    return locale if locale in dict(settings.LANGUAGES) else None


def accepts_gzip(request):
    encodings = request.headers.get("Accept-Encoding", "")
    return any(part.split(";")[0].strip() == "gzip" for part in encodings.split(","))


def compressed_widget_answer(view):
    """The endpoint, but the map widget's request answered from the cache: the answer of
    ``view`` (5 MB of GeoJSON for 15,000 fiches) gzipped once per content version, locale
    and day (deadlines close calls) and served as stored, ``Content-Encoding: gzip``, to a
    client that accepts it; decompressed for one that does not. Any other request, and an
    answer that is not a plain 200 without errors, goes to ``view`` as before."""

    def build(request):
        response = view(request)
        body = response.content
        if response.status_code != 200 or response.has_header("Content-Encoding"):
            return None
        if "errors" in orjson.loads(body):
            return None
        return gzip.compress(body, compresslevel=6)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        locale = widget_locale(request)
        if locale is None:
            return view(request, *args, **kwargs)
        parts = [locale, datetime.date.today()]
        stored = cached("map-widget-gzip", parts, lambda: build(request))
        if stored is None:
            return view(request, *args, **kwargs)
        response = HttpResponse(content_type="application/json")
        if accepts_gzip(request):
            response.content = stored
            response["Content-Encoding"] = "gzip"
        else:
            response.content = gzip.decompress(stored)
        patch_vary_headers(response, ("Accept-Encoding",))
        return response

    return wrapped
