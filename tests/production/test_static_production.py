"""Static files as production serves them: hashed, compressed, and never blocked."""

import re

import pytest
from django.conf import settings


@pytest.mark.django_db
def test_dsfr_assets_served_by_the_portal_carry_no_integrity_attribute(client, skeleton):
    # The manifest storage rewrites the url()s inside dsfr.min.css and utility.min.css, so
    # django-dsfr's integrity hashes (of the original files) would make the browser block
    # them: the portal serves these files itself and puts no integrity attribute on them.
    html = client.get("/fr/").content.decode()

    tags = re.findall(r"<(?:link|script)\b[^>]*dsfr[^>]*>", html)
    assert any("dsfr.min.css" in tag for tag in tags)
    assert any("dsfr.module.min.js" in tag for tag in tags)
    assert not [tag for tag in tags if "integrity" in tag]


def test_runserver_serves_static_files_like_production():
    # Without it, runserver with DEBUG off answers 404 for every hashed static file.
    apps = settings.INSTALLED_APPS
    assert apps.index("whitenoise.runserver_nostatic") < apps.index("django.contrib.staticfiles")
