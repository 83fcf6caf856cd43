"""Response headers (CSP, Permissions-Policy, HTTPS) and the production settings.

``check --deploy`` runs with the production environment documented in the README, in a
process of its own, as a deployment would start.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from portal.settings.base import tile_origin
from tests.factories import make_authority, make_call

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.fixture
def call(skeleton):
    return make_call(make_authority("Dakar", slug="dakar"), "Water for Dakar")


def public_pages(client, call):
    return {
        "home": client.get("/fr/"),
        "fiche": client.get(call.get_parent().url),
        "call": client.get(call.url),
        "map": client.get("/fr/carte/"),
        "graphiql": client.get("/graphql/", HTTP_ACCEPT="text/html"),
        "api": client.get("/fr/api/"),
    }


def test_public_pages_forbid_inline_scripts(client, call):
    for name, response in public_pages(client, call).items():
        assert response.status_code == 200, name
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], name
        assert policy["object-src"] == ["'none'"], name
        assert policy["default-src"] == ["'self'"], name
        assert policy["frame-ancestors"] == ["'self'"], name


def test_public_pages_have_no_inline_script(client, call):
    """What the policy would block: every script is a file."""
    for name, response in public_pages(client, call).items():
        for attributes in SCRIPT_TAG.findall(response.content.decode()):
            assert "src=" in attributes or "application/json" in attributes, (name, attributes)


def test_the_admin_may_run_its_inline_scripts(client, skeleton):
    policy = directives(client.get("/admin/login/"))
    assert "'unsafe-inline'" in policy["script-src"]


def test_permissions_policy_denies_powerful_features(client, skeleton):
    header = client.get("/fr/")["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()", "payment=()"):
        assert feature in header


def test_the_tile_server_is_allowed_for_images_only_when_configured():
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == (
        "https://*.tile.example.org"
    )
    assert tile_origin("") is None


def test_https_is_enforced_when_configured(client, skeleton, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    plain = client.get("/fr/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")
    proxied = client.get("/fr/", HTTP_X_FORWARDED_PROTO="https")
    assert proxied.status_code == 200
    assert proxied["Strict-Transport-Security"].startswith("max-age=31536000")


# --- production settings, in a process of their own ------------------------------------------


def documented_production_environment():
    """The KEY=value lines of the README's production environment block."""
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- production-environment -->", 1)[1].split("```", 2)[1]
    pairs = [line.split("=", 1) for line in block.splitlines() if "=" in line]
    return {key.strip(): value.strip() for key, value in pairs if not key.startswith("#")}


def run_with(environment, *args):
    kept = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**kept, "DJANGO_SETTINGS_MODULE": "portal.settings.main", **environment},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_is_clean_with_the_documented_production_environment(tmp_path):
    environment = {**documented_production_environment(), "VAR_DIR": str(tmp_path)}
    assert environment["DEBUG"] == "0"
    result = run_with(environment, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_operations_settings_come_from_the_environment(tmp_path):
    environment = {
        **documented_production_environment(),
        "VAR_DIR": str(tmp_path),
        "ADMINS": "Équipe Bourse <ops@bourse.example.org>, second@bourse.example.org",
        "CONN_MAX_AGE": "120",
        "ADMIN_ALLOWED_NETWORKS": "10.0.0.0/8, 2001:db8::/32",
    }
    script = (
        "from django.conf import settings as s; "
        "print(s.ADMINS, s.EMAIL_TIMEOUT, s.DATABASES['default']['CONN_MAX_AGE'], "
        "s.DATABASES['default']['CONN_HEALTH_CHECKS'], s.SECURE_PROXY_SSL_HEADER, "
        "s.ADMIN_ALLOWED_NETWORKS, s.CACHES['default']['OPTIONS']['IGNORE_EXCEPTIONS'])"
    )
    result = run_with(environment, "shell", "-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "[('Équipe Bourse', 'ops@bourse.example.org'), "
        "('second@bourse.example.org', 'second@bourse.example.org')] "
        "10.0 120 True ('HTTP_X_FORWARDED_PROTO', 'https') "
        "['10.0.0.0/8', '2001:db8::/32'] True"
    )
