"""Smaller things visitors noticed: language names inside sentences, the foreign actors
table that must wrap rather than clip."""

import pytest

from tests.factories import make_authority

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "code, name",
    [("es", "francés"), ("pt", "francês"), ("en", "French"), ("ar", "الفرنسية")],
)
def test_the_untranslated_banner_writes_the_language_as_its_grammar_wants(
    client, skeleton, code, name
):
    make_authority("Dakar", slug="dakar")
    html = client.get(f"/{code}/fiches/dakar/").content.decode()
    notice = html[html.index('class="fr-notice__title"') :]
    notice = notice[: notice.index("</p>")]
    assert name in notice
    assert "Francés" not in notice and "Francês" not in notice


def test_the_foreign_actors_table_wraps_its_long_texts(client, skeleton):
    fiche = make_authority(
        "Dakar",
        foreign_actors=[
            {"name": "GIZ", "kind": "development_agency", "description": "Long text " * 40}
        ],
    )
    html = client.get(fiche.url).content.decode()
    assert 'class="fr-table fr-table--no-caption fr-table--multiline"' in html
