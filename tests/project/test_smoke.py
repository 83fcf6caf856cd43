import pytest

pytestmark = pytest.mark.django_db


def test_home_page_is_served_in_each_language(client, skeleton):
    for code in ("fr", "en", "es", "pt", "ar"):
        response = client.get(f"/{code}/")
        assert response.status_code == 200, code
        assert f'<html lang="{code}"' in response.content.decode()


def test_arabic_pages_render_right_to_left(client, skeleton):
    response = client.get("/ar/")
    assert 'dir="rtl"' in response.content.decode()
