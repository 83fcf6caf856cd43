"""Uploaded media: served in production when SERVE_MEDIA is set; a lost file never breaks a page."""

import importlib

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import clear_url_caches
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import portal.urls
from cms.api.loaders import IMAGE_RENDITION
from tests.factories import graphql, make_news

pytestmark = pytest.mark.django_db

BODY_QUERY = """{ news(locale: "fr") { items { title body {
  __typename
  ... on ParagraphBlock { html }
  ... on ImageBlock { caption altText image { url width height } }
} } } }"""


@pytest.fixture
def article_with_image(skeleton):
    image = get_image_model().objects.create(title="Forum", file=get_test_image_file())
    article = make_news(
        "Water forum",
        body=[
            ("paragraph", "<p>Body paragraph.</p>"),
            ("image", {"image": image, "caption": "The forum", "alt_text": "A hall"}),
        ],
    )
    return article, image


def test_an_article_whose_image_file_is_lost_shows_without_the_image(client, article_with_image):
    article, image = article_with_image
    default_storage.delete(image.file.name)

    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Body paragraph." in html
    assert "fr-responsive-img" not in html

    body = graphql(client, BODY_QUERY)
    assert "errors" not in body
    [item] = body["data"]["news"]["items"]
    assert item["body"] == [
        {"__typename": "ParagraphBlock", "html": "<p>Body paragraph.</p>"},
        {"__typename": "ImageBlock", "caption": "The forum", "altText": "A hall", "image": None},
    ]


def test_an_article_with_its_image_shows_it(client, article_with_image):
    article, _image = article_with_image
    html = client.get(article.url).content.decode()
    assert "fr-responsive-img" in html


@pytest.fixture
def media_served(tmp_path):
    """The portal serving MEDIA_ROOT itself (SERVE_MEDIA=1), with DEBUG off."""
    with override_settings(
        SERVE_MEDIA=True,
        MEDIA_ROOT=tmp_path,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ):
        importlib.reload(portal.urls)
        clear_url_caches()
        yield tmp_path
    importlib.reload(portal.urls)
    clear_url_caches()


def test_uploaded_images_are_served_with_serve_media(client, media_served, skeleton):
    image = get_image_model().objects.create(title="Forum", file=get_test_image_file())
    rendition = image.get_rendition(IMAGE_RENDITION)
    for url in (image.file.url, rendition.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/png"
        assert "max-age" in response["Cache-Control"]
    assert client.get("/media/../portal/settings/base.py").status_code in {400, 404}
