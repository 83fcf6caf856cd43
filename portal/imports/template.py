"""The downloadable template: an XLSX workbook, one sheet per table, headers in the
editor's language and one example row (openpyxl's write-only mode)."""

import io

import openpyxl
from django.utils import translation
from wagtail.models import Page

from cms.models import PartnershipCallPage

from . import columns

EXAMPLES = {
    columns.FICHES: {
        "official_code": "69123",
        "external_id": "atlas-0001",
        "title": "Lyon",
        "summary": "Troisième ville de France, engagée au Sénégal et au Viêt Nam.",
        "kind": "municipality",
        "country_code": "FR",
        "region": "Auvergne-Rhône-Alpes",
        "website": "https://www.lyon.fr/",
        "population": 522250,
        "population_year": 2021,
        "area_km2": "47.87",
        "latitude": 45.764,
        "longitude": 4.8357,
        "working_languages": "fr; en",
        "themes": "water-sanitation; culture-heritage",
        "last_verified": "2025-01-31",
        "contact_role": "Direction des relations internationales",
        "preferred_countries": "SN; VN",
    },
    columns.COOPERATIONS: {
        "fiche_official_code": "69123",
        "partner_name": "Porto-Novo",
        "partner_country": "BJ",
        "cooperation_kind": "decentralised_cooperation",
        "since_year": 2003,
        "is_active": "yes",
        "cooperation_themes": "water-sanitation",
    },
    columns.ACTORS: {
        "fiche_official_code": "69123",
        "actor_name": "Agence française de développement",
        "actor_kind": "development_agency",
        "country_of_origin": "FR",
    },
    columns.CALLS: {
        "call_external_id": "atlas-appel-0001",
        "fiche_official_code": "69123",
        "call_title": "Gestion de l'eau potable à Porto-Novo",
        "direction": "offer",
        "call_status": "open",
        "call_summary": "Lyon propose son expertise en gestion de l'eau potable.",
        "call_themes": "water-sanitation",
        "target_countries": "BJ; SN",
        "start_date": "2030-09-01",
        "duration_months": 24,
        "deadline": "2030-12-31",
        "budget_eur": "120000",
        "cofinancing_sought_eur": "40000",
    },
}


def template_workbook(language):
    """The template as XLSX bytes, its headers in ``language``."""
    workbook = openpyxl.Workbook(write_only=True)
    with translation.override(language):
        for table, table_columns in columns.TABLES.items():
            sheet = workbook.create_sheet(str(columns.TABLE_NAMES[table]))
            sheet.append([str(column.header) for column in table_columns])
            example = EXAMPLES[table]
            sheet.append([example.get(column.key, "") for column in table_columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _call_cell(column, call, fiche_pk):
    if column.key == "call_id":
        return call.pk
    if column.key == "fiche_id":
        return fiche_pk
    if column.field is None:
        return ""
    value = getattr(call, column.field)
    if column.field in ("themes", "action_domains"):
        return "; ".join(item.slug for item in value.all())
    if column.field == "target_countries":
        return "; ".join(country.code for country in value)
    return "" if value is None else value


def calls_rows(locale, language):
    """The partnership calls of ``locale`` as the calls table: headers in ``language``, one
    row per call with its portal identifiers, so that exporting then importing them is a
    round trip."""
    with translation.override(language):
        yield [str(column.header) for column in columns.CALL_COLUMNS]
    calls = (
        PartnershipCallPage.objects.filter(locale=locale)
        .prefetch_related("themes", "action_domains")
        .order_by("path")
    )
    parents = dict(
        Page.objects.filter(path__in={call.path[: -Page.steplen] for call in calls}).values_list(
            "path", "pk"
        )
    )
    for call in calls:
        fiche_pk = parents.get(call.path[: -Page.steplen])
        yield [_call_cell(column, call, fiche_pk) for column in columns.CALL_COLUMNS]


def calls_workbook(locale, language):
    """The partnership calls of ``locale`` as an XLSX workbook of one calls sheet."""
    workbook = openpyxl.Workbook(write_only=True)
    with translation.override(language):
        sheet = workbook.create_sheet(str(columns.TABLE_NAMES[columns.CALLS]))
    for row in calls_rows(locale, language):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
