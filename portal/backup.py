"""Backup and restore of the database and the uploaded media (``make backup`` / ``make restore``).

A backup is one directory ``<BACKUP_DIR>/<UTC timestamp>/`` holding:

- ``database.dump``: ``pg_dump --format=custom`` when the database is PostgreSQL, restored
  with ``pg_restore --clean --if-exists --no-owner``; or ``database.sqlite3``: a consistent
  copy of the SQLite file (SQLite's online backup, safe while the portal runs);
- ``media.tar.gz``: MEDIA_ROOT (images, renditions, documents), unless the media live in
  object storage (MEDIA_S3_BUCKET), which keeps its own versions.

The PostgreSQL client tools (``pg_dump``, ``pg_restore``) must match the server's major version.
"""

import datetime
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections

POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"


def _database(alias="default"):
    return settings.DATABASES[alias]


def _is_postgres(database):
    return database["ENGINE"] == "django.db.backends.postgresql"


def _is_sqlite(database):
    return database["ENGINE"] == "django.db.backends.sqlite3"


def _libpq_environment(database):
    """The connection as libpq variables: no password on a command line."""
    environment = dict(os.environ)
    values = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database.get("NAME"),
    }
    environment.update({key: str(value) for key, value in values.items() if value})
    return environment


def _media_in_object_storage():
    return bool(getattr(settings, "MEDIA_S3_BUCKET", ""))


def backup(directory):
    """Write a backup under ``directory``; returns the new backup's path."""
    target = Path(directory) / datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    target.mkdir(parents=True, exist_ok=False)
    database = _database()
    if _is_postgres(database):
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={target / POSTGRES_DUMP}"],
            env=_libpq_environment(database),
            check=True,
        )
    elif _is_sqlite(database):
        source = sqlite3.connect(database["NAME"])
        copy = sqlite3.connect(target / SQLITE_COPY)
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
    else:
        raise ImproperlyConfigured(f"No backup method for {database['ENGINE']}.")
    if not _media_in_object_storage():
        with tarfile.open(target / MEDIA_ARCHIVE, "w:gz") as archive:
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                archive.add(media, arcname=".")
    return target


def restore(source):
    """Replace the database and the media with the backup in ``source``."""
    source = Path(source)
    database = _database()
    connections.close_all()
    if _is_postgres(database):
        dump = source / POSTGRES_DUMP
        if not dump.is_file():
            raise FileNotFoundError(f"{dump} (a PostgreSQL backup) is missing.")
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={database['NAME']}",
                str(dump),
            ],
            env=_libpq_environment(database),
            check=True,
        )
    elif _is_sqlite(database):
        copy = source / SQLITE_COPY
        if not copy.is_file():
            raise FileNotFoundError(f"{copy} (a SQLite backup) is missing.")
        target = Path(database["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        backup_source = sqlite3.connect(copy)
        destination = sqlite3.connect(target)
        try:
            with destination:
                backup_source.backup(destination)
        finally:
            destination.close()
            backup_source.close()
    else:
        raise ImproperlyConfigured(f"No restore method for {database['ENGINE']}.")
    archive_path = source / MEDIA_ARCHIVE
    if archive_path.is_file() and not _media_in_object_storage():
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            shutil.rmtree(media)
        media.mkdir(parents=True)
        with tarfile.open(archive_path, "r:gz") as archive:
            # "data": no absolute paths, no links or devices leaving MEDIA_ROOT.
            archive.extractall(media, filter="data")
