"""The project as a whole: Django's checks, migrations in step with models, safe settings."""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def test_system_checks_are_clean():
    out = StringIO()
    call_command("check", "--fail-level", "WARNING", stdout=out, stderr=out)
    assert "no issues" in out.getvalue()


@pytest.mark.django_db
def test_migrations_match_the_models():
    out = StringIO()
    # Exits with SystemExit(1) and names the missing migration when a model changed.
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    assert "No changes detected" in out.getvalue()


def start_main_settings(**env_overrides):
    """Run django.setup() with the production settings module in a clean environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS", "PUBLIC_BASE_URL"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.main"
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_the_development_secret_key():
    result = start_main_settings()

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is the development key while DEBUG is off" in result.stderr
    assert "started" not in result.stdout


PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-key-for-this-test-only",
    "ALLOWED_HOSTS": "bourse.example.org",
    "PUBLIC_BASE_URL": "https://bourse.example.org",
}


def test_production_starts_with_its_own_secret_key_hosts_and_base_url():
    result = start_main_settings(**PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("ALLOWED_HOSTS", "ALLOWED_HOSTS is empty while DEBUG is off"),
        ("PUBLIC_BASE_URL", "PUBLIC_BASE_URL is not set while DEBUG is off"),
    ],
)
def test_production_refuses_to_start_without_hosts_or_base_url(missing, message):
    result = start_main_settings(**{k: v for k, v in PRODUCTION.items() if k != missing})

    assert result.returncode != 0
    assert message in result.stderr
    assert "started" not in result.stdout


def test_production_refuses_an_admin_base_url_without_a_scheme():
    result = start_main_settings(**PRODUCTION, WAGTAILADMIN_BASE_URL="admin.bourse.example.org")

    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL must start with https:// or http://" in result.stderr


def test_production_names_every_missing_setting_at_once():
    result = start_main_settings()

    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "PUBLIC_BASE_URL"):
        assert f"{name} is" in result.stderr


def test_the_public_base_url_is_the_admin_base_url():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.WAGTAILADMIN_BASE_URL)",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.main",
            **PRODUCTION,
            "PUBLIC_BASE_URL": "https://bourse.example.org/",
            "DEBUG": "0",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == "https://bourse.example.org", result.stderr


def test_development_accepts_the_development_key():
    result = start_main_settings(DEBUG="1")

    assert result.returncode == 0, result.stderr


# --- the README's configuration table ---------------------------------------------------------


def test_the_readme_lists_every_setting_mails_need():
    # Links in mails, their sender and the mail server: a deployment that misses one sends
    # mails pointing at 127.0.0.1, or none.
    sources = "".join(path.read_text() for path in (ROOT / "portal" / "settings").glob("*.py"))
    read = re.findall(r'(?:os\.environ\.get|env_bool|env_list)\(\s*"([A-Z_]+)"', sources)
    needed = {name for name in read if re.search(r"EMAIL|BASE_URL", name)}
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Configuration (environment)", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`([A-Z_]+)`", table))

    assert {"PUBLIC_BASE_URL", "WAGTAILADMIN_BASE_URL", "EMAIL_HOST"} <= needed
    assert sorted(needed - documented) == []


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_the_portal_connections_plan_for_fast_storage_without_jit():
    """Issue 11: with JIT, a correlated estimate paid 830 ms of compiling; with Debian's
    random_page_cost (4) the search page scanned the whole index at 2,000 fiches (17.5 ms
    instead of 4.2)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == 1.1
