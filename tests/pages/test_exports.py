"""Open data exports: /<lang>/export/authorities.csv and .geojson.

Same fiches as the API (published, public, locale fallback), same filters, labels in the
export's language, bounded queries, clear 400s, and nothing hidden or personal in the files.
"""

import csv
import io
import json

import pytest
from django.utils import translation
from django.utils.translation import gettext

from cms.models import AuthorityKind, AuthorityPage
from portal.exports import COLUMNS, KEYS
from tests.factories import (
    make_authority,
    make_call,
    restrict,
    small_dataset,
    translate,
)

pytestmark = pytest.mark.django_db

MARKER = "LEAK"


def download(client, language="fr", query="", extension="csv"):
    response = client.get(f"/{language}/export/authorities.{extension}{query}")
    assert response.status_code == 200, response.content
    if extension == "geojson":
        return response, json.loads(response.content)
    return response, b"".join(response.streaming_content).decode("utf-8")


def csv_rows(text):
    """Rows as {column key: cell}, after checking the BOM and reading the header."""
    assert text.startswith("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(text[1:])))
    assert len(header) == len(KEYS)
    return [dict(zip(KEYS, row, strict=True)) for row in rows]


def by_title(rows):
    return {row["title"]: row for row in rows}


def test_csv_lists_published_fiches_with_their_public_columns(client, skeleton):
    data = small_dataset()
    response, text = download(client, "en")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="authorities-en.csv"' in response["Content-Disposition"]
    rows = by_title(csv_rows(text))
    assert set(rows) == {"Dakar (English)", "Lyon", "Nouakchott"}
    dakar = rows["Dakar (English)"]
    assert dakar == {
        "id": str(data["dakar_en"].pk),
        "official_code": "",
        "external_id": "",
        "title": "Dakar (English)",
        "summary": "Summary of Dakar.",
        "url": f"http://testserver{data['dakar_en'].url}",
        "locale": "en",
        "kind": "Municipality",
        "country_code": "SN",
        "country": "Senegal",
        "french": "no",
        "region": "Region",
        "website": "https://example.org/",
        "population": "1200000",
        "population_year": "2020",
        "area_km2": "82.5",
        "latitude": "14.7",
        "longitude": "-17.4",
        "working_languages": "French; English",
        "themes": "Water and sanitation",
        "open_offers": "0",
        "open_requests": "1",
        "last_verified": "2025-01-15",
    }
    # Lyon has no English copy: listed once, in French; its closed and draft calls don't count.
    assert rows["Lyon"]["locale"] == "fr"
    assert rows["Lyon"]["french"] == "yes"
    assert (rows["Lyon"]["open_offers"], rows["Lyon"]["open_requests"]) == ("1", "0")
    assert rows["Nouakchott"]["latitude"] == rows["Nouakchott"]["longitude"] == ""


def test_headers_and_labels_follow_the_language_prefix(client, skeleton):
    small_dataset()
    _response, text = download(client, "fr")
    header = next(csv.reader(io.StringIO(text[1:])))
    with translation.override("fr"):
        expected = [str(label) for _key, label in COLUMNS]
        municipality = str(AuthorityKind.MUNICIPALITY.label)
        senegal_fr = "Sénégal"
    with translation.override("en"):
        english = [str(label) for _key, label in COLUMNS]
    assert header == expected
    assert header != english
    rows = by_title(csv_rows(text))
    assert "Dakar (English)" not in rows
    assert rows["Dakar"]["kind"] == municipality != "Municipality"
    assert rows["Dakar"]["country"] == senegal_fr
    assert rows["Dakar"]["themes"] == "Eau et assainissement"


def test_locale_parameter_overrides_the_prefix(client, skeleton):
    small_dataset()
    _response, text = download(client, "fr", "?locale=en")
    rows = by_title(csv_rows(text))
    assert rows["Dakar (English)"]["country"] == "Senegal"
    assert "Dakar" not in rows


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("?country=SN", {"Dakar"}),
        ("?country=sn", {"Dakar"}),
        ("?kind=region", {"Nouakchott"}),
        ("?kind=REGION", {"Nouakchott"}),
        ("?theme=water-sanitation", {"Dakar"}),
        ("?french=true", {"Lyon"}),
        ("?french=false", {"Dakar", "Nouakchott"}),
        ("?french=false&kind=municipality", {"Dakar"}),
        ("?country=", {"Dakar", "Lyon", "Nouakchott"}),
    ],
)
def test_filters_are_those_of_the_api(client, skeleton, query, titles):
    small_dataset()
    _response, text = download(client, "fr", query)
    assert set(by_title(csv_rows(text))) == titles
    _response, collection = download(client, "fr", query, "geojson")
    assert {f["properties"]["title"] for f in collection["features"]} == titles


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?country=XX", "Unknown country code “XX”: use an ISO 3166 alpha-2 code such as FR."),
        ("?kind=village", "Unknown kind “village”."),
        ("?theme=nope", "Unknown theme “nope”."),
        ("?french=maybe", "“french” must be true or false (got “maybe”)."),
        (
            "?contry=SN",
            "Unknown parameter “contry”. Available: country, kind, theme, french, locale.",
        ),
        ("?locale=de", "Unknown locale “de”. Available: fr, en, es, pt, ar."),
    ],
)
@pytest.mark.parametrize("extension", ["csv", "geojson"])
def test_bad_filters_get_a_clear_400(client, skeleton, query, message, extension):
    response = client.get(f"/en/export/authorities.{extension}{query}")
    assert response.status_code == 400
    assert response.content.decode() == message


def test_error_messages_are_in_the_visitors_language(client, skeleton):
    response = client.get("/fr/export/authorities.csv?country=XX")
    assert response.status_code == 400
    with translation.override("fr"):
        expected = gettext(
            "Unknown country code “%(code)s”: use an ISO 3166 alpha-2 code such as FR."
        ) % {"code": "XX"}
    assert response.content.decode() == expected
    assert expected.startswith("Code pays inconnu")


def test_geojson_is_a_feature_collection_with_the_same_fiches(client, skeleton):
    data = small_dataset()
    response, collection = download(client, "en", extension="geojson")
    assert response["Content-Type"] == "application/geo+json"
    assert collection["type"] == "FeatureCollection"
    features = {f["properties"]["title"]: f for f in collection["features"]}
    assert set(features) == {"Dakar (English)", "Lyon", "Nouakchott"}
    dakar = features["Dakar (English)"]
    assert dakar["geometry"] == {"type": "Point", "coordinates": [-17.4, 14.7]}
    assert dakar["properties"]["url"] == f"http://testserver{data['dakar_en'].url}"
    assert dakar["properties"]["kind"] == "MUNICIPALITY"
    assert dakar["properties"]["themes"] == [
        {"slug": "water-sanitation", "name": "Water and sanitation"}
    ]
    assert dakar["properties"]["workingLanguages"][0] == {"code": "fr", "name": "French"}
    assert dakar["properties"]["openRequests"] == 1
    # A fiche without coordinates stays in the data set, unlocated (RFC 7946 § 3.2).
    assert features["Nouakchott"]["geometry"] is None


@pytest.fixture
def leaky(skeleton):
    data = small_dataset()
    make_authority(f"{MARKER} draft town", slug="draft", publish=False)
    private = make_authority(f"{MARKER} private town", slug="private", country="IS")
    restrict(private)
    data["dakar"].title = f"{MARKER} unpublished new title"
    data["dakar"].save_revision()
    translate(data["lyon"], "en", f"{MARKER} Lyon draft translation", publish=False)
    withdrawn_en = translate(data["nouakchott"], "en", f"{MARKER} withdrawn translation")
    withdrawn_en.unpublish()
    withdrawn = make_authority(f"{MARKER} withdrawn town", slug="withdrawn", country="IS")
    AuthorityPage.objects.filter(pk=withdrawn.pk).update(live=False)
    data["dakar"].create_alias(update_slug="dakar-alias")
    # Calls that must not be counted as open offers of Lyon: a draft and a private one.
    make_call(data["lyon"], f"{MARKER} draft call", publish=False)
    restrict(make_call(data["lyon"], f"{MARKER} private call"))
    return data


@pytest.mark.parametrize("language", ["fr", "en"])
def test_nothing_hidden_or_personal_is_exported(client, leaky, language):
    _response, text = download(client, language)
    _response, geojson = download(client, language, extension="geojson")
    body = text + json.dumps(geojson, ensure_ascii=False)
    assert MARKER not in body
    assert "dakar-alias" not in body
    assert ",IS," not in text and '"IS"' not in body
    for email, phone in AuthorityPage.objects.values_list("contact_email", "contact_phone"):
        assert email and email not in body
        assert phone and phone not in body
    rows = by_title(csv_rows(text))
    assert len(rows) == 3
    assert rows["Lyon"]["open_offers"] == "1"


def test_export_follows_publication_despite_the_cache(client, skeleton):
    data = small_dataset()
    _response, before = download(client, "fr")
    assert "Lyon" in by_title(csv_rows(before))
    lyon = data["lyon"]
    lyon.title = "Lyon Métropole"
    lyon.save_revision().publish()
    _response, after = download(client, "fr")
    assert set(by_title(csv_rows(after))) == {"Dakar", "Lyon Métropole", "Nouakchott"}
    data["nouakchott"].unpublish()
    _response, geojson = download(client, "fr", extension="geojson")
    titles = {f["properties"]["title"] for f in geojson["features"]}
    assert titles == {"Dakar", "Lyon Métropole"}


def test_spreadsheet_formulas_are_neutralised(client, skeleton):
    make_authority('=HYPERLINK("http://evil.example")', region_name="+33 region")
    _response, text = download(client, "en")
    (row,) = csv_rows(text)
    assert row["title"] == '\'=HYPERLINK("http://evil.example")'
    assert row["region"] == "'+33 region"
    assert row["longitude"] == "-17.4"  # numbers keep their sign


def many_fiches(count):
    for number in range(count):
        authority = make_authority(
            f"Town {number:03d}",
            theme_slugs=["water-sanitation", "health"],
            cooperations=[{"partner_name": "Partner", "partner_country": "FR"}],
        )
        make_call(authority, direction="request")


@pytest.mark.parametrize("count", [5, 30])
@pytest.mark.parametrize("extension", ["csv", "geojson"])
def test_queries_do_not_grow_with_the_number_of_fiches(
    client, skeleton, django_assert_max_num_queries, count, extension
):
    many_fiches(count)
    url = f"/fr/export/authorities.{extension}?theme=health"
    with django_assert_max_num_queries(10):
        first = read_body(client.get(url))
    # Until content changes, the rows come from the cache: only the locale is looked up.
    with django_assert_max_num_queries(1):
        second = read_body(client.get(url))
    # The CSV names each town twice: in its name and in its summary.
    assert first.count(b"Town ") == count * (2 if extension == "csv" else 1)
    assert second == first


def read_body(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content
