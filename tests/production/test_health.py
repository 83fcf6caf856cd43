"""/healthz for load balancers: the database and the cache answer, nothing else said."""

import json

import pytest
from django.core.cache import cache
from django.db import connection

pytestmark = pytest.mark.django_db


def test_healthy_answers_200_without_content_or_cookie(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert "Set-Cookie" not in response


def test_answers_a_probe_by_ip_address_over_plain_http(client, settings):
    # Load balancers probe the backend's address, not the public host name, often over HTTP.
    settings.ALLOWED_HOSTS = ["bourse.example.org"]
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")

    assert response.status_code == 200


def test_a_database_that_does_not_answer_is_503(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("connection refused to db.internal:5432")

    monkeypatch.setattr(connection, "cursor", broken)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "unavailable", "cache": "ok"}
    assert b"db.internal" not in response.content


def test_a_cache_that_loses_what_it_is_given_is_503(client, monkeypatch):
    # django-redis with IGNORE_EXCEPTIONS answers None instead of failing.
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "ok", "cache": "unavailable"}


def test_a_cache_that_raises_is_503(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("redis.internal:6379")

    monkeypatch.setattr(cache, "set", broken)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert b"redis" not in response.content


def test_only_reads(client):
    assert client.post("/healthz").status_code != 200
