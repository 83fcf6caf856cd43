"""Bringing existing data in: fiches, cooperations and foreign actors from CSV and XLSX.

One engine (portal.imports.engine) behind the admin screen and ``manage.py import_fiches``:
every row validated before any is written, found again by stable identifiers, a new
revision for a changed fiche only, and a report per line in the editor's language.
"""

import csv
import io

import openpyxl
import pytest
from django.utils import translation
from wagtail.models import Revision

from cms.models import AuthorityPage
from portal.imports.columns import TABLES
from portal.imports.engine import CREATED, UNCHANGED, run_import
from tests.factories import small_dataset

pytestmark = pytest.mark.django_db


def csv_bytes(rows, delimiter=",", encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(sheets):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_csv(client, language="fr"):
    response = client.get(f"/{language}/export/authorities.csv")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def statuses(report, table="fiches"):
    return [(line.line, line.status) for line in report.lines if line.table == table]


def messages(report):
    return [message for line in report.lines for message in line.messages]


def revision_count():
    return Revision.objects.count()


def headers(*keys, table="fiches", language="fr"):
    """Column headers as the editor's template writes them in ``language``."""
    columns = {column.key: column for column in TABLES[table]}
    with translation.override(language):
        return [str(columns[key].header) for key in keys]


FICHE_HEADER = headers(
    "title",
    "kind",
    "country_code",
    "official_code",
    "external_id",
    "latitude",
    "longitude",
    "population",
    "themes",
)


def test_a_new_fiche_is_created_then_left_alone(skeleton):
    data = csv_bytes(
        [
            FICHE_HEADER,
            [
                "Saint-Denis",
                "Commune",
                "FR",
                "93066",
                "",
                "48.93",
                "2.35",
                "113 000",
                "Eau et assainissement; health",
            ],
            ["Saint-Denis", "Municipality", "RE", "97411", "", "-20.88", "55.45", "", ""],
        ],
        delimiter=";",
    )
    report = run_import(data, language="fr")
    assert report.file_errors == [], report.file_errors
    assert statuses(report) == [(2, CREATED), (3, CREATED)], messages(report)
    assert report.written
    fiche = AuthorityPage.objects.get(official_code="93066")
    assert fiche.live and fiche.country.code == "FR" and fiche.population == 113000
    assert sorted(t.slug for t in fiche.objective_themes.all()) == ["health", "water-sanitation"]
    assert fiche.latest_revision is not None and fiche.live_revision == fiche.latest_revision
    assert {p.slug for p in AuthorityPage.objects.filter(title="Saint-Denis")} == {
        "saint-denis",
        "saint-denis-2",
    }
    before = revision_count()
    again = run_import(data, language="fr")
    assert statuses(again) == [(2, UNCHANGED), (3, UNCHANGED)], messages(again)
    assert revision_count() == before
    assert AuthorityPage.objects.filter(title="Saint-Denis").count() == 2


def test_round_trip_of_the_export_changes_nothing(client, skeleton):
    small_dataset()
    for language in ("fr", "en"):
        before = revision_count()
        report = run_import(export_csv(client, language), language="fr")
        assert report.file_errors == []
        assert {s for _l, s in statuses(report)} == {UNCHANGED}, messages(report)
        assert revision_count() == before
