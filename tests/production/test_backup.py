"""``make backup`` / ``make restore``: a backup restored into a fresh database and an empty
media directory serves the same content.

Each side is its own process on its own VAR_DIR (database, media), as on two machines. SQLite
always; PostgreSQL under CI (scratch databases next to the suite's, dropped afterwards).
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[2]

CREATE = """
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from tests.factories import make_authority
image = get_image_model().objects.create(title="Town hall", file=get_test_image_file())
make_authority("Backup town", slug="backup-town", summary="Restored from a backup.")
print(image.file.name)
"""

CHECK = """
import json
from django.core.files.storage import default_storage
from django.test import Client
from wagtail.images import get_image_model
client = Client(HTTP_HOST="127.0.0.1")
fiche = client.get("/fr/fiches/backup-town/")
image = get_image_model().objects.get(title="Town hall")
media = client.get(image.file.url)
print(json.dumps({
    "fiche": fiche.status_code,
    "summary": "Restored from a backup." in fiche.content.decode(),
    "image_file": default_storage.exists(IMAGE_NAME),
    "media": media.status_code,
    "media_bytes": b"".join(media.streaming_content) == default_storage.open(IMAGE_NAME).read(),
}))
"""


def manage(var_dir, *args, database_url=None, check=True):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "MEDIA_ROOT", "STATIC_ROOT"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.main", DEBUG="1", VAR_DIR=str(var_dir)
    )
    if database_url:
        environment["DATABASE_URL"] = database_url
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert not check or result.returncode == 0, result.stderr[-3000:]
    return result


def round_trip(tmp_path, source_url=None, target_url=None):
    source, target, backups = tmp_path / "source", tmp_path / "target", tmp_path / "backups"
    source.mkdir()  # as `make run` does; the target's is created by the restore
    manage(source, "migrate", "--noinput", database_url=source_url)
    manage(source, "bootstrap_portal", database_url=source_url)
    created = manage(source, "shell", "-c", CREATE, database_url=source_url)
    image_name = created.stdout.strip().splitlines()[-1]
    manage(source, "backup_portal", "--directory", str(backups), database_url=source_url)
    [backup] = list(backups.iterdir())

    manage(target, "restore_portal", "--noinput", str(backup), database_url=target_url)
    script = CHECK.replace("IMAGE_NAME", repr(image_name))
    check = manage(target, "shell", "-c", script, database_url=target_url)
    return json.loads(check.stdout.strip().splitlines()[-1])


SERVED_AGAIN = {
    "fiche": 200,
    "summary": True,
    "image_file": True,
    "media": 200,
    "media_bytes": True,
}


def test_a_sqlite_backup_restored_on_a_fresh_machine_serves_the_same_content(tmp_path):
    assert round_trip(tmp_path) == SERVED_AGAIN


def test_restore_refuses_a_directory_that_is_not_a_backup(tmp_path):
    (tmp_path / "empty").mkdir()
    result = manage(
        tmp_path / "var", "restore_portal", "--noinput", str(tmp_path / "empty"), check=False
    )
    assert result.returncode != 0
    assert "missing" in result.stderr


@pytest.fixture
def scratch_databases():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        if os.environ.get("CI") == "true":
            pytest.fail("CI runs the PostgreSQL backup test: DATABASE_URL is not PostgreSQL")
        pytest.skip("PostgreSQL backups are tested under CI (DATABASE_URL=postgres://…)")
    config = dj_database_url.parse(url)
    environment = {**os.environ, "PGHOST": config["HOST"] or "", "PGUSER": config["USER"] or ""}
    environment.update(PGPORT=str(config["PORT"] or 5432), PGPASSWORD=config["PASSWORD"] or "")
    names = [f"{config['NAME']}_backup_{uuid.uuid4().hex[:8]}_{side}" for side in ("a", "b")]
    for name in names:
        subprocess.run(["createdb", name], env=environment, check=True)
    base = url.rsplit("/", 1)[0]
    yield [f"{base}/{name}" for name in names]
    for name in names:
        subprocess.run(["dropdb", "--if-exists", "--force", name], env=environment, check=False)


def test_a_postgresql_backup_restored_into_a_fresh_database_serves_the_same_content(
    tmp_path, scratch_databases
):
    source_url, target_url = scratch_databases
    assert round_trip(tmp_path, source_url, target_url) == SERVED_AGAIN
