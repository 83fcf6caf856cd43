"""The downloadable template: an XLSX workbook, one sheet per table, headers in the
editor's language and one example row (openpyxl's write-only mode)."""

import io

import openpyxl
from django.utils import translation

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
