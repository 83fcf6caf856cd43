"""The default Site's address comes from PUBLIC_BASE_URL (mail links, feeds, sitemaps)."""

import pytest
from wagtail.models import Site

from cms.bootstrap import ensure_skeleton

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("base_url", "hostname", "port", "root_url"),
    [
        ("https://bourse.example.org", "bourse.example.org", 443, "https://bourse.example.org"),
        ("https://bourse.example.org/", "bourse.example.org", 443, "https://bourse.example.org"),
        ("http://portal.test:8080", "portal.test", 8080, "http://portal.test:8080"),
    ],
)
def test_bootstrap_sets_the_site_from_the_public_base_url(
    skeleton, settings, base_url, hostname, port, root_url
):
    settings.PUBLIC_BASE_URL = base_url
    ensure_skeleton()
    ensure_skeleton()  # idempotent
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (hostname, port, root_url)
    assert Site.objects.count() == 1


def test_without_a_public_base_url_the_site_is_left_as_it_is(skeleton, settings):
    settings.PUBLIC_BASE_URL = ""
    before = Site.objects.values_list("hostname", "port").get(is_default_site=True)
    ensure_skeleton()
    assert Site.objects.values_list("hostname", "port").get(is_default_site=True) == before
