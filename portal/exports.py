"""Open data exports of the published fiches: CSV and GeoJSON, in every language.

``/<lang>/export/authorities.csv`` and ``/<lang>/export/authorities.geojson`` list the fiches
the API's ``authorities`` field lists (cms.api.querysets: live, public, non-alias pages with
the locale fallback), with its filters as query parameters: ``country``, ``kind``, ``theme``,
``french``, plus ``locale`` to ask for another language than the address's.

Rows come from a fixed number of ``.values()`` queries whatever the number of fiches, and are
cached per content version like the map (cms.api.cache). Columns are public fields only: the
contact's email and phone are never selected.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

import orjson
from django.db.models import Subquery
from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django_countries import countries as all_countries
from wagtail.models import Page

from cms.api import flat, querysets
from cms.api.cache import cached
from cms.api.paths import PageUrls
from cms.models import (
    FRENCH_COUNTRY_CODES,
    AuthorityKind,
    AuthorityPage,
    CallDirection,
    Theme,
    language_name,
)
from portal.spreadsheets import neutralise_formula

# (key, header): the order of the CSV columns and the keys of each row tuple.
COLUMNS = [
    ("id", _("Identifier")),
    ("official_code", _("Official code")),
    ("external_id", _("External identifier")),
    ("title", _("Name")),
    ("summary", _("Summary")),
    ("url", _("Address (URL)")),
    ("locale", _("Language of the fiche")),
    ("kind", _("Kind")),
    ("country_code", _("Country code")),
    ("country", _("Country")),
    ("french", _("French authority")),
    ("region", _("Region or province")),
    ("website", _("Website")),
    ("population", _("Population")),
    ("population_year", _("Population year")),
    ("area_km2", _("Area (km²)")),
    ("latitude", _("Latitude")),
    ("longitude", _("Longitude")),
    ("working_languages", _("Working languages")),
    ("themes", _("Themes sought")),
    ("open_offers", _("Open offers")),
    ("open_requests", _("Open requests")),
    ("last_verified", _("Last verified")),
]
KEYS = [key for key, _header in COLUMNS]
FILTERS = ("country", "kind", "theme", "french")
PARAMETERS = (*FILTERS, "locale")
TRUE_WORDS = {"true", "1", "yes"}
FALSE_WORDS = {"false", "0", "no"}
LIST_SEPARATOR = "; "
CSV_CHUNK_ROWS = 500

FICHE_FIELDS = (
    "pk",
    "official_code",
    "external_id",
    "title",
    "summary",
    "url_path",
    "translation_key",
    "locale__language_code",
    "kind",
    "country",
    "region_name",
    "website",
    "population",
    "population_year",
    "area_km2",
    "latitude",
    "longitude",
    "working_languages",
    "last_verified",
)


@dataclass
class Export:
    language: str
    rows: list  # tuples in COLUMNS order; "url" is a path, made absolute per request


# --- request parameters -------------------------------------------------------------------


def parse_french(value):
    word = value.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise querysets.InvalidFilter(
        gettext("“french” must be true or false (got “%(value)s”).") % {"value": value}
    )


def read_filters(params):
    """The filters of the query string, normalised so equal requests share a cache entry."""
    unknown = sorted(set(params) - set(PARAMETERS))
    if unknown:
        raise querysets.InvalidFilter(
            gettext("Unknown parameter “%(name)s”. Available: %(available)s.")
            % {"name": unknown[0], "available": ", ".join(PARAMETERS)}
        )
    filters = {}
    for name in FILTERS:
        value = params.get(name, "").strip()
        if not value:
            continue
        if name == "country":
            value = value.upper()
        elif name == "kind":
            value = value.lower()  # the API's enum name (MUNICIPALITY) or the stored code
        elif name == "french":
            value = parse_french(value)
        filters[name] = value
    return filters


# --- rows ---------------------------------------------------------------------------------


def theme_names(authorities, locale):
    """{fiche pk: [(slug, name in ``locale``)]} for the sought themes (two queries)."""
    names = Theme.objects.names_in(locale.language_code)
    through = (
        AuthorityPage.objective_themes.through.objects.filter(
            authoritypage_id__in=Subquery(authorities.values("pk"))
        )
        .order_by("theme__sort_order", "theme__name")
        .values_list("authoritypage_id", "theme__slug", "theme__translation_key", "theme__name")
    )
    themes = defaultdict(list)
    for page_id, slug, key, name in through:
        themes[page_id].append((slug, names.get(key, name)))
    return themes


def build_rows(locale, **filters):
    """Every matching fiche as a row tuple, labels in ``locale``'s language."""
    restricted = Page.objects.private_q()
    authorities = querysets.authorities(locale, restricted=restricted, **filters)
    fiches = list(authorities.values_list(*FICHE_FIELDS))
    themes = theme_names(authorities, locale)
    calls = flat.open_call_counts(locale, restricted)
    url = PageUrls()
    country_names = {code: str(name) for code, name in all_countries}
    kind_labels = {value: str(label) for value, label in AuthorityKind.choices}
    rows = []
    for (
        pk,
        official_code,
        external_id,
        title,
        summary,
        url_path,
        key,
        language_code,
        kind,
        country,
        region,
        website,
        population,
        population_year,
        area_km2,
        latitude,
        longitude,
        working_languages,
        last_verified,
    ) in fiches:
        rows.append(
            (
                pk,
                official_code,
                external_id,
                title,
                summary,
                url(url_path),
                language_code,
                (kind, kind_labels.get(kind, kind)),
                country,
                country_names.get(country, country),
                country in FRENCH_COUNTRY_CODES,
                region,
                website,
                population,
                population_year,
                float(area_km2) if area_km2 is not None else None,
                latitude,
                longitude,
                [(code, language_name(code)) for code in working_languages],
                themes[pk],
                calls[key][CallDirection.OFFER],
                calls[key][CallDirection.REQUEST],
                last_verified.isoformat() if last_verified else None,
            )
        )
    return rows


def load_export(request):
    """The export the request asks for, or ``InvalidFilter`` with a readable message."""
    filters = read_filters(request.GET)
    locale = querysets.resolve_locale(request.GET.get("locale") or translation.get_language())
    language = locale.language_code
    parts = [language, *[f"{name}={filters[name]}" for name in sorted(filters)]]
    with translation.override(language):
        rows = cached("export-authorities", parts, lambda: build_rows(locale, **filters))
    return Export(language, rows)


def absolute_urls(request):
    """A function making a page path absolute for this request's host (cheap per row)."""
    origin = request.build_absolute_uri("/").rstrip("/")
    return lambda path: origin + path if path and path.startswith("/") else path


def bad_request(error):
    return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")


def attachment(response, language, extension):
    response["Content-Disposition"] = f'attachment; filename="authorities-{language}.{extension}"'
    response["Content-Language"] = language
    return response


# --- CSV ----------------------------------------------------------------------------------


def csv_cells(row, absolute):
    cells = []
    for key, value in zip(KEYS, row, strict=True):
        if key == "url":
            value = absolute(value)
        elif key == "kind":
            value = value[1]
        elif key == "french":
            value = gettext("yes") if value else gettext("no")
        elif key in ("working_languages", "themes"):
            value = LIST_SEPARATOR.join(name for _code, name in value)
        if isinstance(value, str):
            value = neutralise_formula(value)
        cells.append("" if value is None else value)
    return cells


def csv_chunks(export, absolute):
    """The file in chunks of text: a BOM so that spreadsheets read UTF-8, then the rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    with translation.override(export.language):
        writer.writerow([str(header) for _key, header in COLUMNS])
        yield "\ufeff" + buffer.getvalue()
        for start in range(0, len(export.rows), CSV_CHUNK_ROWS):
            buffer.seek(0)
            buffer.truncate()
            for row in export.rows[start : start + CSV_CHUNK_ROWS]:
                writer.writerow(csv_cells(row, absolute))
            yield buffer.getvalue()


@require_safe
def authorities_csv(request):
    try:
        export = load_export(request)
    except querysets.InvalidFilter as error:
        return bad_request(error)
    response = StreamingHttpResponse(
        csv_chunks(export, absolute_urls(request)), content_type="text/csv; charset=utf-8"
    )
    return attachment(response, export.language, "csv")


# --- GeoJSON ------------------------------------------------------------------------------


def feature(row, absolute):
    values = dict(zip(KEYS, row, strict=True))
    latitude, longitude = values["latitude"], values["longitude"]
    geometry = None  # RFC 7946 allows unlocated features
    if latitude is not None and longitude is not None:
        geometry = {"type": "Point", "coordinates": [longitude, latitude]}
    kind, kind_label = values["kind"]
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "id": str(values["id"]),
            "title": values["title"],
            "url": absolute(values["url"]),
            "locale": values["locale"],
            "kind": kind.upper(),  # the GraphQL enum name, as in the map and the filters
            "kindLabel": kind_label,
            "country": values["country_code"],
            "countryName": values["country"],
            "french": values["french"],
            "regionName": values["region"],
            "population": values["population"],
            "populationYear": values["population_year"],
            "areaKm2": values["area_km2"],
            "workingLanguages": [
                {"code": code, "name": name} for code, name in values["working_languages"]
            ],
            "themes": [{"slug": slug, "name": name} for slug, name in values["themes"]],
            "openOffers": values["open_offers"],
            "openRequests": values["open_requests"],
            "lastVerified": values["last_verified"],
        },
    }


@require_safe
def authorities_geojson(request):
    try:
        export = load_export(request)
    except querysets.InvalidFilter as error:
        return bad_request(error)
    absolute = absolute_urls(request)
    collection = {
        "type": "FeatureCollection",
        "features": [feature(row, absolute) for row in export.rows],
    }
    response = HttpResponse(orjson.dumps(collection), content_type="application/geo+json")
    return attachment(response, export.language, "geojson")
