"""Bringing existing data in: fiches, cooperations and foreign actors from CSV and XLSX.

One engine (portal.imports.engine) behind the admin screen and ``manage.py import_fiches``:
every row validated before any is written, found again by stable identifiers, a new
revision for a changed fiche only, and a report per line in the editor's language.
"""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Revision

from cms.models import AuthorityPage, Cooperation, PartnershipCallPage
from portal.imports.columns import TABLES
from portal.imports.engine import CREATED, DRAFT_KEPT, REFUSED, UNCHANGED, UPDATED, run_import
from portal.imports.models import ImportRun
from portal.imports.template import calls_rows
from tests.factories import locale as locale_of
from tests.factories import make_authority, make_call, small_dataset

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


def fiche_csv(*rows, keys=("title", "kind", "country_code", "official_code", "latitude")):
    return csv_bytes([headers(*keys), *rows], delimiter=";")


def test_a_changed_row_makes_one_new_published_revision(skeleton):
    fiche = make_authority("Dakar", official_code="SN-DK")
    before = revision_count()
    data = csv_bytes([headers("id", "population"), [fiche.pk, "1300000"]])
    report = run_import(data, language="fr")
    assert statuses(report) == [(2, UPDATED)], messages(report)
    fiche.refresh_from_db()
    assert fiche.population == 1300000 and not fiche.has_unpublished_changes
    assert revision_count() == before + 1
    # Columns absent from the file are left alone.
    assert fiche.summary == "Summary of Dakar." and fiche.official_code == "SN-DK"


def test_draft_mode_saves_a_draft_and_a_second_run_changes_nothing(skeleton):
    fiche = make_authority("Dakar")
    data = csv_bytes([headers("id", "population"), [fiche.pk, "1300000"]])
    assert statuses(run_import(data, publish=False)) == [(2, UPDATED)]
    fiche.refresh_from_db()
    assert fiche.population == 1200000 and fiche.has_unpublished_changes
    assert fiche.get_latest_revision_as_object().population == 1300000
    before = revision_count()
    assert statuses(run_import(data, publish=False)) == [(2, UNCHANGED)]
    assert revision_count() == before


def test_an_editors_unpublished_draft_is_never_overwritten(skeleton):
    fiche = make_authority("Dakar")
    fiche.summary = "The editor's new summary."
    fiche.save_revision()
    data = csv_bytes([headers("id", "summary"), [fiche.pk, "The import's summary."]])
    report = run_import(data, language="en")
    assert statuses(report) == [(2, DRAFT_KEPT)]
    assert "unpublished draft" in messages(report)[0]
    assert report.stopped and not report.written
    fiche.refresh_from_db()
    assert fiche.get_latest_revision_as_object().summary == "The editor's new summary."


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";")]
)
def test_csv_encodings_and_separators_french_spreadsheets_write(skeleton, encoding, delimiter):
    data = csv_bytes(
        [
            headers("title", "kind", "country_code", "region"),
            ["Besançon", "municipality", "FR", "Bourgogne-Franche-Comté"],
        ],
        delimiter=delimiter,
        encoding=encoding,
    )
    report = run_import(data, language="fr")
    assert statuses(report) == [(2, CREATED)], (report.file_errors, messages(report))
    assert AuthorityPage.objects.get(title="Besançon").region_name == "Bourgogne-Franche-Comté"


def test_a_file_in_no_readable_encoding_is_refused_whole(skeleton):
    data = "Nom;Type\nAbidjan;commune\n".encode("utf-16")
    report = run_import(data, language="fr")
    assert report.file_errors and "CSV UTF-8" in report.file_errors[0]
    assert not report.written
    report = run_import(b"\xd0\xcf\x11\xe0" + b"\x00" * 100, language="en")
    assert ".xls" in report.file_errors[0]


def test_unknown_and_missing_columns_are_named(skeleton):
    report = run_import(csv_bytes([["Populaton", "Kind"], ["12", "municipality"]]), language="en")
    assert len(report.file_errors) == 1
    error = report.file_errors[0]
    assert "Unknown column “Populaton”: did you mean “Population”?" in error
    assert "Missing column" in error
    assert AuthorityPage.objects.count() == 0


def test_bad_cells_are_reported_per_line_and_nothing_is_written(skeleton):
    existing = make_authority("Lyon", country="FR", official_code="69123")
    data = fiche_csv(
        ["Bamako", "municipality", "ML", "", "12.6"],  # latitude without longitude
        ["Ségou", "municipality", "Malii", "", ""],  # unknown country
        ["Kayes", "municipality", "ML", "", "200"],  # latitude 200
        ["Mopti", "municipalty", "ML", "", ""],  # unknown kind
        ["Lyon", "municipality", "FR", "69123", ""],  # updates Lyon
        ["Lyon bis", "municipality", "FR", "69123", ""],  # same identifier again
        ["Gao", "municipality", "ML", "", ""],  # fine
    )
    report = run_import(data, language="fr")
    found = {line.line: (line.status, line.messages) for line in report.lines}
    assert found[2][0] == REFUSED and any("longitude" in m.lower() for m in found[2][1])
    # The column as the file names it, the country's name in French.
    (unknown_country,) = found[3][1]
    assert unknown_country.startswith("Code pays") and "“Malii”" in unknown_country
    assert "“Mali”" in unknown_country and found[3][0] == REFUSED
    assert found[4][0] == REFUSED
    assert "Latitude" in found[4][1][0]
    assert "Assurez-vous que cette valeur est inférieure ou égale à 90" in found[4][1][0]
    assert found[5][0] == REFUSED and "Commune" in found[5][1][0]  # the closest kind, in French
    assert found[7][0] == REFUSED and "69123" in found[7][1][0] and "6" in found[7][1][0]
    assert found[8][0] == CREATED
    assert report.stopped and not report.written
    assert AuthorityPage.objects.count() == 1
    existing.refresh_from_db()
    assert existing.latitude == 14.7  # nothing half-written

    partial = run_import(data, language="fr", valid_rows_only=True)
    assert partial.written
    assert set(AuthorityPage.objects.values_list("title", flat=True)) == {"Lyon", "Gao"}


def test_a_sheet_over_the_row_limit_is_refused_before_anything(skeleton, monkeypatch):
    monkeypatch.setattr("portal.imports.engine.MAX_ROWS", 5)
    rows = [[f"Town {n}", "municipality", "SN", "", ""] for n in range(6)]
    report = run_import(fiche_csv(*rows), language="en")
    assert "more than 5 rows" in report.file_errors[0]
    assert AuthorityPage.objects.count() == 0


def test_a_50000_row_file_is_read_in_bounded_memory():
    import tracemalloc

    from portal.imports.readers import open_sheets

    line = "Town;municipality;SN;;14.7;-17.4;" + "x" * 200 + "\n"
    data = ("Nom;Type;Code pays;Code officiel;Latitude;Longitude;Résumé\n" + line * 50_000).encode()
    tracemalloc.start()
    (sheet,) = open_sheets(data, "big.csv")
    count = sum(1 for _row in sheet.rows())
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 50_000
    # The rows alone weigh over 10 MB as Python lists: they are never all in memory.
    assert peak < 2 * 1024 * 1024, peak


def test_xlsx_with_formulas_and_merged_cells_is_reported(skeleton):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Fiches"
    sheet.append(headers("title", "kind", "country_code", "population"))
    sheet.append(["Thiès", "municipality", "SN", 300000])
    sheet.append(["Kaolack", "municipality", "SN", "=D2*2"])  # no computed value saved
    sheet.append(["Ziguinchor", "municipality", "SN", 200000])
    sheet.append(["Louga", "", "SN", 100000])
    sheet.merge_cells("B4:B5")
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = run_import(buffer.getvalue(), language="en")
    found = {line.line: (line.status, " ".join(line.messages)) for line in report.lines}
    assert found[2] == (CREATED, "")
    assert found[3][0] == REFUSED and "formula (=D2*2)" in found[3][1]
    assert found[4][0] == REFUSED and "merged cells (lines 4 to 5)" in found[4][1]
    assert found[5][0] == REFUSED and "merged cells" in found[5][1]
    assert not report.written


def cooperation_rows(*rows):
    keys = (
        "fiche_official_code",
        "partner_official_code",
        "partner_name",
        "partner_country",
        "cooperation_kind",
        "since_year",
    )
    return [headers(*keys, table="cooperations"), *rows]


def actor_rows(*rows):
    keys = ("fiche_official_code", "actor_name", "actor_kind", "country_of_origin")
    return [headers(*keys, table="actors"), *rows]


def file_one():
    """Lyon, its cooperation with Porto-Novo (by its code) and an actor."""
    return xlsx_bytes(
        {
            "Fiches": fiche_csv_rows(["Lyon", "municipality", "FR", "69123", ""]),
            "Cooperations": cooperation_rows(
                ["69123", "BJ-PN", "Porto-Novo", "BJ", "twinning", 2003]
            ),
            "Foreign actors": actor_rows(["69123", "GIZ", "development_agency", "DE"]),
        }
    )


def file_two():
    return xlsx_bytes({"Fiches": fiche_csv_rows(["Porto-Novo", "municipality", "BJ", "BJ-PN", ""])})


def fiche_csv_rows(*rows):
    keys = ("title", "kind", "country_code", "official_code", "latitude")
    return [headers(*keys), *rows]


def lyon_partner():
    lyon = AuthorityPage.objects.get(official_code="69123")
    (cooperation,) = lyon.cooperations.all()
    return lyon, cooperation


@pytest.mark.parametrize("order", ["lyon first", "porto-novo first"])
def test_cooperations_find_their_partner_across_two_files_in_either_order(skeleton, order):
    files = [file_one(), file_two()] if order == "lyon first" else [file_two(), file_one()]
    for data in files:
        report = run_import(data, language="en")
        assert report.written, (report.file_errors, messages(report))
    lyon, cooperation = lyon_partner()
    porto_novo = AuthorityPage.objects.get(official_code="BJ-PN")
    assert cooperation.partner_page_id == porto_novo.pk
    assert (cooperation.partner_name, cooperation.kind, cooperation.since_year) == (
        "",
        "twinning",
        2003,
    )
    assert [actor.name for actor in lyon.foreign_actors.all()] == ["GIZ"]
    assert lyon.live and not lyon.has_unpublished_changes
    # Both files again: nothing to do.
    before = revision_count()
    for data in files:
        report = run_import(data, language="en")
        assert {s for _l, s in statuses(report)} == {UNCHANGED}, messages(report)
        assert {line.status for line in report.lines} == {UNCHANGED}
    assert revision_count() == before


def test_an_unknown_partner_without_name_and_country_is_refused(skeleton):
    data = xlsx_bytes(
        {
            "Fiches": fiche_csv_rows(["Lyon", "municipality", "FR", "69123", ""]),
            "Cooperations": cooperation_rows(["69123", "XX-1", "", "", "twinning", ""]),
        }
    )
    report = run_import(data, language="en")
    (line,) = [line for line in report.lines if line.table == "cooperations"]
    assert line.status == REFUSED
    assert "No fiche has the partner's identifier “XX-1” yet" in " ".join(line.messages)
    assert not report.written
    assert Cooperation.objects.count() == 0


# --- the admin screen, the template, the command -------------------------------------------


@pytest.fixture
def moderator(django_user_model):
    return django_user_model.objects.create_superuser("moderator", "m@example.org", "pw")


def test_the_admin_flow_upload_preview_confirm_in_french(client, skeleton, moderator):
    client.force_login(moderator)
    page = client.get("/admin/imports/", HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 200
    data = fiche_csv(
        ["Thiès", "municipality", "SN", "", ""],
        ["Kayes", "municipality", "ML", "", "200"],
    )
    upload = io.BytesIO(data)
    upload.name = "fiches.csv"
    preview = client.post("/admin/imports/", {"file": upload, "locale": "fr", "publish": "1"})
    assert preview.status_code == 200
    html = preview.content.decode()
    # The preview speaks the editor's language (French) and writes nothing.
    assert "Assurez-vous que cette valeur est inférieure ou égale à 90" in html
    assert "Thiès" in html and "Kayes" in html
    assert AuthorityPage.objects.count() == 0
    run = ImportRun.objects.get()
    # Confirming without "import the valid rows" stops: a row is refused.
    stopped = client.post(f"/admin/imports/{run.pk}/confirm/", {})
    assert stopped.status_code == 200
    assert AuthorityPage.objects.count() == 0
    done = client.post(f"/admin/imports/{run.pk}/confirm/", {"valid_rows": "on"})
    assert done.status_code == 200
    assert list(AuthorityPage.objects.values_list("title", flat=True)) == ["Thiès"]
    run.refresh_from_db()
    assert run.imported_at is not None and run.data == b""
    # The same run cannot be imported twice.
    # (a 404, which the locale middleware turns into a redirect to a prefixed address)
    again = client.post(f"/admin/imports/{run.pk}/confirm/", {"valid_rows": "on"})
    assert again.status_code in (302, 404)
    assert AuthorityPage.objects.count() == 1


def test_the_import_screen_is_for_moderators_only(client, skeleton, django_user_model):
    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/imports/").status_code in (302, 403)
    assert client.get("/admin/imports/template.xlsx").status_code in (302, 403)


def test_the_template_is_in_the_editors_language_and_imports_as_is(client, skeleton, moderator):
    client.force_login(moderator)
    response = client.get("/admin/imports/template.xlsx", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    assert len(workbook.sheetnames) == 4
    header = next(workbook.worksheets[0].iter_rows(values_only=True))
    assert "Nom" in header and "Latitude" in header  # existing French column names
    report = run_import(response.content, language="fr")
    assert report.written, (report.file_errors, messages(report))
    lyon = AuthorityPage.objects.get(official_code="69123")
    assert lyon.cooperations.get().partner_name == "Porto-Novo"
    assert lyon.foreign_actors.get().kind == "development_agency"
    call = PartnershipCallPage.objects.child_of(lyon).get()
    assert (call.direction, call.external_id) == ("offer", "atlas-appel-0001")


def test_the_command_dry_run_then_import(skeleton, tmp_path):
    path = tmp_path / "fiches.csv"
    path.write_bytes(fiche_csv(["Thiès", "municipality", "SN", "", ""]))
    out = io.StringIO()
    call_command(
        "import_fiches", str(path), "--dry-run", "--locale", "en", stdout=out, stderr=io.StringIO()
    )
    assert "created: 1" in out.getvalue() and "Dry run" in out.getvalue()
    assert AuthorityPage.objects.count() == 0
    call_command("import_fiches", str(path), "--draft", stdout=out, stderr=io.StringIO())
    fiche = AuthorityPage.objects.get()
    assert not fiche.live and fiche.has_unpublished_changes
    path.write_bytes(fiche_csv(["Kayes", "municipality", "ML", "", "200"]))
    with pytest.raises(CommandError):
        call_command("import_fiches", str(path), stdout=io.StringIO(), stderr=io.StringIO())


# --- partnership calls --------------------------------------------------------------------


def call_csv(*rows, keys):
    return csv_bytes([headers(*keys, table="calls"), *rows], delimiter=";")


CALL_KEYS = (
    "call_external_id",
    "fiche_official_code",
    "call_title",
    "direction",
    "call_status",
    "call_summary",
    "call_themes",
    "target_countries",
    "deadline",
    "budget_eur",
)


def test_calls_are_created_under_their_fiche_then_left_alone(skeleton):
    lyon = make_authority("Lyon", official_code="69123")
    row = [
        "atlas-appel-1",
        "69123",
        "Eau potable à Porto-Novo",
        "Offre",
        "Ouvert",
        "Lyon propose son expertise.",
        "Eau et assainissement",
        "BJ; Sénégal",
        "30/06/2031",
        "120 000",
    ]
    data = call_csv(row, keys=CALL_KEYS)
    report = run_import(data, language="fr")
    assert report.file_errors == [], report.file_errors
    assert statuses(report, "calls") == [(2, CREATED)], messages(report)
    call = PartnershipCallPage.objects.get(external_id="atlas-appel-1")
    assert call.get_parent().pk == lyon.pk and call.live
    assert (call.direction, call.status, str(call.budget_eur)) == ("offer", "open", "120000.00")
    assert call.deadline.isoformat() == "2031-06-30"
    assert sorted(c.code for c in call.target_countries) == ["BJ", "SN"]
    assert [t.slug for t in call.themes.all()] == ["water-sanitation"]
    assert call.live_revision == call.latest_revision
    lyon.refresh_from_db()
    assert lyon.numchild == 1 and call.url_path == f"{lyon.url_path}{call.slug}/"
    before = revision_count()
    again = run_import(data, language="fr")
    assert statuses(again, "calls") == [(2, UNCHANGED)], messages(again)
    assert revision_count() == before
    assert PartnershipCallPage.objects.count() == 1
    # A changed row: a new published revision of the same call.
    row[4] = "Closed"
    changed = run_import(call_csv(row, keys=CALL_KEYS), language="fr")
    assert statuses(changed, "calls") == [(2, UPDATED)], messages(changed)
    call.refresh_from_db()
    assert call.status == "closed" and revision_count() == before + 1


def test_calls_round_trip_through_their_table(skeleton):
    small_dataset()
    rows = list(calls_rows(locale_of("fr"), "fr"))
    assert len(rows) > 2
    before = revision_count()
    report = run_import(csv_bytes(rows, delimiter=";"), language="fr")
    assert report.file_errors == [], report.file_errors
    assert {s for _l, s in statuses(report, "calls")} == {UNCHANGED}, messages(report)
    assert revision_count() == before


def test_calls_of_a_new_fiche_in_the_same_workbook(skeleton):
    data = xlsx_bytes(
        {
            "Fiches": [
                headers("title", "kind", "country_code", "official_code"),
                ["Besançon", "municipality", "FR", "25056"],
            ],
            "Appels": [
                headers(
                    "fiche_official_code", "call_title", "direction", "call_summary", table="calls"
                ),
                ["25056", "Jumelage scolaire", "request", "Des écoles cherchent un partenaire."],
            ],
        }
    )
    report = run_import(data, language="fr")
    assert statuses(report, "calls") == [(2, CREATED)], (report.file_errors, messages(report))
    fiche = AuthorityPage.objects.get(official_code="25056")
    assert [c.title for c in PartnershipCallPage.objects.child_of(fiche)] == ["Jumelage scolaire"]


def test_bad_call_rows_are_reported_and_nothing_written(skeleton):
    make_authority("Lyon", official_code="69123")
    keys = (
        "fiche_official_code",
        "call_title",
        "direction",
        "call_status",
        "call_summary",
        "start_date",
        "deadline",
    )
    data = call_csv(
        ["99999", "Inconnu", "offer", "open", "Résumé.", "", ""],
        ["69123", "Mauvaise date", "offer", "open", "Résumé.", "", "31/02/2031"],
        ["69123", "Mauvais statut", "offer", "ouverte peut-être", "Résumé.", "", ""],
        ["69123", "À l'envers", "offer", "open", "Résumé.", "2031-06-01", "2031-01-01"],
        ["69123", "Bonne", "offer", "open", "Résumé.", "", ""],
        keys=keys,
    )
    report = run_import(data, language="fr")
    assert statuses(report, "calls") == [
        (2, REFUSED),
        (3, REFUSED),
        (4, REFUSED),
        (5, REFUSED),
        (6, CREATED),
    ], messages(report)
    lines = {line.line: " ".join(line.messages) for line in report.lines}
    assert "99999" in lines[2]
    with translation.override("fr"):
        assert str(PartnershipCallPage._meta.get_field("deadline").verbose_name).lower() in (
            lines[3].lower()
        )
    assert "ouverte peut-être" in lines[4]
    assert lines[5]  # the deadline before the start: the editor's own rule
    assert report.stopped and not report.written
    assert not PartnershipCallPage.objects.exists()
    valid = run_import(data, language="fr", valid_rows_only=True)
    assert valid.written
    assert list(PartnershipCallPage.objects.values_list("title", flat=True)) == ["Bonne"]


def test_an_editors_draft_of_a_call_is_never_overwritten(skeleton):
    lyon = make_authority("Lyon")
    call = make_call(lyon, "Eau potable", external_id="appel-1")
    call.summary = "Le brouillon de l'éditrice."
    call.save_revision()
    data = call_csv(
        ["appel-1", "Le résumé de l'import."], keys=("call_external_id", "call_summary")
    )
    report = run_import(data, language="fr")
    assert statuses(report, "calls") == [(2, DRAFT_KEPT)]
    assert "brouillon" in messages(report)[0] or "draft" in messages(report)[0]
    call.refresh_from_db()
    assert call.get_latest_revision_as_object().summary == "Le brouillon de l'éditrice."


def test_the_calls_download_imports_back_unchanged(client, skeleton, moderator):
    small_dataset()
    client.force_login(moderator)
    response = client.get("/admin/imports/calls.xlsx", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    before = revision_count()
    report = run_import(response.content, filename="calls.xlsx", language="fr")
    assert report.file_errors == [], report.file_errors
    assert statuses(report, "calls") and {s for _l, s in statuses(report, "calls")} == {
        UNCHANGED
    }, messages(report)
    assert revision_count() == before
