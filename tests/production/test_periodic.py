"""The periodic jobs that make serve runs beside gunicorn (manage.py run_periodic)."""

import importlib
import logging

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from portal.management.commands.run_periodic import run_job

pytestmark = pytest.mark.django_db

JOBS = {"send_pending_mail": 300, "close_expired_calls": 3600}


def test_the_three_jobs_are_scheduled_by_default(settings):
    assert settings.PERIODIC_JOBS == JOBS


def test_every_job_runs(settings, skeleton, capsys):
    with translation.override("en"):
        call_command("run_periodic", "--once")

    out = capsys.readouterr().out
    assert "Mails sent: 0; still unsent: 0." in out
    assert "Expired calls closed: 0." in out


def test_a_failing_job_is_logged_and_the_others_still_run(settings, skeleton, caplog, capsys):
    settings.PERIODIC_JOBS = {"no_such_command": 60, "send_pending_mail": 60}

    with caplog.at_level(logging.ERROR, logger="portal.periodic"):
        call_command("run_periodic", "--once")

    assert "Periodic job no_such_command failed" in caplog.text
    assert capsys.readouterr().out  # send_pending_mail still ran and reported
    assert not mail.outbox


def test_a_job_runs_once_per_interval_across_processes_sharing_the_cache(settings, skeleton):
    assert run_job("send_pending_mail", 300) is True
    assert run_job("send_pending_mail", 300) is False  # another process ran it just now


def test_a_zero_interval_switches_a_job_off(settings, skeleton, caplog):
    settings.PERIODIC_JOBS = {"no_such_command": 0}

    with caplog.at_level(logging.ERROR, logger="portal.periodic"):
        call_command("run_periodic", "--once")

    assert not caplog.text


def test_gunicorn_sizes_itself_from_the_cores_and_the_environment(monkeypatch):
    for name in ("GUNICORN_WORKERS", "WEB_CONCURRENCY", "GUNICORN_THREADS", "GUNICORN_BIND"):
        monkeypatch.delenv(name, raising=False)
    config = importlib.reload(importlib.import_module("portal.gunicorn_config"))
    assert config.workers == 2 * config.cores() + 1
    assert config.threads == 2
    assert config.bind == ["127.0.0.1:8000"]
    assert config.preload_app

    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("GUNICORN_THREADS", "8")
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:9000")
    config = importlib.reload(config)
    assert (config.workers, config.threads, config.bind) == (3, 8, ["0.0.0.0:9000"])
