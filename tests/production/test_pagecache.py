"""The anonymous page cache (portal/pagecache.py): what is kept, when it is dropped, for whom."""

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client
from wagtail.models import Site

from cms.models import Theme
from tests.factories import make_authority, make_call, restrict

pytestmark = pytest.mark.django_db

STATUS = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 600


@pytest.fixture
def fiche(skeleton):
    return make_authority("Dakar")


def test_a_second_anonymous_visit_is_served_from_the_cache_without_a_query(
    client, fiche, django_assert_num_queries
):
    first = client.get(fiche.url)
    assert first.status_code == 200
    assert first[STATUS] == "miss"

    with django_assert_num_queries(0):
        second = client.get(fiche.url)

    assert second.status_code == 200
    assert second[STATUS] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Last-Modified"] == first["Last-Modified"]
    assert "public" in second["Cache-Control"]
    assert "Dakar" in second.content.decode()
    assert not second.cookies


def test_the_home_page_and_the_query_string_are_cached_apart(client, fiche):
    assert client.get("/fr/")[STATUS] == "miss"
    assert client.get("/fr/")[STATUS] == "hit"
    assert client.get("/en/")[STATUS] == "miss"
    assert client.get("/fr/?utm=1")[STATUS] == "miss"


def test_publishing_a_change_drops_the_cached_page(client, fiche):
    client.get(fiche.url)
    fiche.title = "Dakar, capital"
    fiche.save_revision().publish()

    response = client.get(fiche.url)

    assert response[STATUS] == "miss"
    assert "Dakar, capital" in response.content.decode()


def test_publishing_another_page_drops_the_listings(client, fiche):
    directory = fiche.get_parent().url
    client.get(directory)
    make_authority("Thiès")

    response = client.get(directory)

    assert response[STATUS] == "miss"
    assert "Thiès" in response.content.decode()


def test_an_unpublished_page_is_no_longer_served(client, fiche):
    url = fiche.url
    client.get(url)
    fiche.unpublish()

    assert client.get(url).status_code == 404


def test_a_moved_page_is_no_longer_served_at_its_old_address(client, fiche, skeleton):
    other = make_authority("Saint-Louis")
    call = make_call(fiche, "Water for Dakar")
    old = call.url
    assert client.get(old).status_code == 200
    call.move(other, pos="last-child")

    response = client.get(old)  # Wagtail's automatic redirect, not the cached page
    assert response.status_code == 301
    assert response["Location"] == type(call).objects.get(pk=call.pk).url


def test_a_deleted_page_is_no_longer_served(client, fiche):
    url = fiche.url
    client.get(url)
    fiche.delete()

    assert client.get(url).status_code == 404


def test_a_new_view_restriction_hides_the_cached_page(client, fiche):
    client.get(fiche.url)
    restrict(fiche)

    response = client.get(fiche.url)

    assert STATUS not in response
    assert "Dakar" not in response.content.decode().split("<main", 1)[-1]


def test_a_taxonomy_change_drops_the_cached_pages(client, fiche):
    client.get("/fr/")
    theme = Theme.objects.filter(locale__language_code="fr").first()
    theme.name = "Renamed theme"
    theme.save()

    assert client.get("/fr/")[STATUS] == "miss"


def test_a_site_change_drops_the_cached_pages(client, fiche):
    client.get("/fr/")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed"
    site.save()

    assert client.get("/fr/")[STATUS] == "miss"


def test_logged_in_editors_are_never_served_nor_fill_the_cache(client, fiche, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    anonymous = Client()
    anonymous.get(fiche.url)  # cached for anonymous visitors
    client.force_login(editor)

    response = client.get(fiche.url)
    assert STATUS not in response
    assert "private" in response["Cache-Control"]

    other = make_authority("Ziguinchor")
    anonymous_visit = anonymous.get(other.url)  # the version changed: nothing cached yet
    client.get(other.url)  # the editor's visit
    assert anonymous_visit[STATUS] == "miss"
    assert anonymous.get(other.url)[STATUS] == "hit"


def test_editor_visit_does_not_store_a_page_for_anonymous_visitors(
    client, fiche, django_user_model
):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    client.get(fiche.url)

    assert Client().get(fiche.url)[STATUS] == "miss"


def test_a_form_with_a_csrf_token_is_never_cached(client, fiche):
    call = make_call(fiche, "Water for Dakar")
    url = f"/fr/interet/{call.pk}/"

    first = client.get(url)
    second = Client().get(url)

    assert first.status_code == second.status_code == 200
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert STATUS not in first
    assert STATUS not in second
    assert "private" in second["Cache-Control"]


def test_a_visitor_with_a_message_to_show_is_not_served_from_the_cache(client, fiche):
    client.get(fiche.url)
    client.cookies[CookieStorage.cookie_name] = "anything"

    assert STATUS not in client.get(fiche.url)


def test_the_admin_and_the_api_are_never_cached(client, fiche):
    client.get("/admin/login/")
    assert STATUS not in client.get("/admin/login/")
    assert STATUS not in client.get("/graphql/", HTTP_ACCEPT="text/html")


def test_an_unchanged_page_answers_304_to_its_etag_and_its_date(client, fiche):
    first = client.get(fiche.url)

    by_etag = client.get(fiche.url, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(fiche.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    changed = client.get(fiche.url, HTTP_IF_NONE_MATCH='"another-version"')

    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]
    assert by_date.status_code == 304
    assert changed.status_code == 200


def test_a_page_changed_since_the_browser_cached_it_is_sent_again(client, fiche):
    first = client.get(fiche.url)
    fiche.title = "Dakar, capital"
    fiche.save_revision().publish()

    response = client.get(fiche.url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert response.status_code == 200
    assert "Dakar, capital" in response.content.decode()


def test_not_found_pages_are_not_cached(client, skeleton):
    client.get("/fr/no-such-page/")
    assert STATUS not in client.get("/fr/no-such-page/")


def test_switched_off_with_a_zero_timeout(client, fiche, settings):
    settings.PAGE_CACHE_TIMEOUT = 0
    client.get(fiche.url)
    assert STATUS not in client.get(fiche.url)


def test_an_unknown_host_is_refused_before_any_lookup(client, fiche):
    assert client.get("/fr/", HTTP_HOST="attacker.example").status_code == 400


def test_an_entry_from_an_older_content_version_is_never_served(client, fiche):
    client.get(fiche.url)
    fiche.title = "Dakar, capital"
    fiche.save_revision().publish()
    client.get(fiche.url)  # rendered again and stored over the old entry

    response = client.get(fiche.url)

    assert response[STATUS] == "hit"
    assert "Dakar, capital" in response.content.decode()
