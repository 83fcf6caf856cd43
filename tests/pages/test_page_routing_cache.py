"""Routing and the chrome come from the cache per content version: what a visitor gets
follows every change of public content at once, and previews never use the public cache."""

import pytest

from cms.pages import chrome
from tests.factories import make_authority, publish_page, restrict, translate
from tests.helpers import get


def test_a_page_moved_to_a_new_address_is_served_there_and_no_longer_at_the_old_one(
    client, skeleton
):
    fiche = make_authority("Dakar", slug="dakar")
    assert "Dakar" in get(client, "/fr/fiches/dakar/").html  # the route is now remembered
    fiche.slug = "dakar-senegal"
    publish_page(fiche)
    assert "Dakar" in get(client, "/fr/fiches/dakar-senegal/").html
    get(client, "/fr/fiches/dakar/", status=404)


def test_an_unpublished_page_is_no_longer_served_at_its_remembered_address(client, skeleton):
    fiche = make_authority("Dakar", slug="dakar")
    get(client, fiche.url)
    fiche.unpublish()
    get(client, "/fr/fiches/dakar/", status=404)


def test_a_page_put_behind_a_password_after_a_visit_asks_for_it(client, skeleton):
    fiche = make_authority("Dakar", slug="dakar", summary="Capital of Senegal.")
    assert "Capital of Senegal." in get(client, fiche.url).html
    restrict(fiche)
    html = get(client, fiche.url).html
    assert 'name="password"' in html and "Capital of Senegal." not in html


def test_a_translation_published_after_a_visit_shows_in_the_language_switcher(client, skeleton):
    fiche = make_authority("Dakar", slug="dakar")
    get(client, fiche.url)
    english = translate(fiche, "en", "Dakar in English")
    assert english.url in get(client, fiche.url).links()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


def test_a_preview_neither_reads_nor_writes_the_public_chrome_cache(
    client, skeleton, editor, monkeypatch
):
    fiche = make_authority("Dakar", slug="dakar")
    fiche.title = "Dakar, draft title"
    fiche.save_revision()

    def public_cache(*args):
        raise AssertionError("a preview used the public chrome cache")

    monkeypatch.setattr(chrome, "cached", public_cache)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{fiche.pk}/view_draft/")
    assert response.status_code == 200
    assert "Dakar, draft title" in response.content.decode()
