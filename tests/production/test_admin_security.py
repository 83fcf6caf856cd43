"""Both admins: login throttling (django-axes) and the network restriction."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
ATTACKER = "192.0.2.66"
LOGINS = {"wagtail": "/admin/login/", "django": "/django-admin/login/"}


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def login(client, admin, password, address=ATTACKER, language="en"):
    return client.post(
        LOGINS[admin],
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def cool_off_passes(settings):
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC)
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(seconds=1)
    )


@pytest.mark.parametrize("admin", LOGINS)
def test_wrong_passwords_lock_the_login_even_for_the_right_password(
    client, editor, admin, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = login(client, admin, "wrong")
        assert response.status_code == 200  # the form again, with its error
    locked = login(client, admin, "wrong")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert int(locked["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()

    refused = login(client, admin, PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session

    cool_off_passes(settings)
    accepted = login(client, admin, PASSWORD)
    assert accepted.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_lockout_is_per_client_address(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "wagtail", "wrong")
    assert login(client, "wagtail", PASSWORD).status_code == 429
    assert login(client, "wagtail", PASSWORD, address="198.51.100.7").status_code == 302


def test_a_success_before_the_limit_resets_the_count(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "wagtail", "wrong")
    assert login(client, "wagtail", PASSWORD).status_code == 302
    client.logout()
    assert login(client, "wagtail", "wrong").status_code == 200


def test_the_lockout_counts_the_client_behind_the_trusted_proxy(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(settings.AXES_FAILURE_LIMIT):
        # The proxy's address is always the same; the client's, as the proxy saw it, too,
        # whatever the client writes further left.
        client.post(
            LOGINS["wagtail"],
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}, {ATTACKER}",
        )
    assert login(client, "wagtail", PASSWORD, address="10.0.0.1").status_code == 302


# --- network restriction -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/django-admin/login/"])
def test_admins_answer_403_outside_the_allowed_networks(client, skeleton, settings, path):
    settings.ADMIN_ALLOWED_NETWORKS = ["10.0.0.0/8", "2001:db8::/32"]
    outside = client.get(path, REMOTE_ADDR="192.0.2.1", HTTP_ACCEPT_LANGUAGE="en")
    assert outside.status_code == 403
    # In the language the admin answers in (English asked; French when the admin's default).
    assert any(words in outside.content.decode() for words in ("Access denied", "Accès refusé"))
    assert client.get(path, REMOTE_ADDR="10.20.30.40").status_code in {200, 302}
    assert client.get(path, REMOTE_ADDR="2001:db8::1").status_code in {200, 302}


def test_a_login_from_outside_the_allowed_networks_is_refused(client, editor, settings):
    settings.ADMIN_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    assert login(client, "wagtail", PASSWORD, address="192.0.2.1").status_code == 403
    assert "_auth_user_id" not in client.session


def test_public_pages_stay_public_when_the_admin_is_restricted(client, skeleton, settings):
    settings.ADMIN_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    assert client.get("/fr/", REMOTE_ADDR="192.0.2.1").status_code == 200
    graphiql = client.get("/graphql/", REMOTE_ADDR="192.0.2.1", HTTP_ACCEPT="text/html")
    assert graphiql.status_code == 200


def test_the_network_restriction_honours_the_trusted_proxy_count(client, skeleton, settings):
    settings.ADMIN_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "172.16.0.1"
    # A client outside cannot get in by writing an inside address on the left.
    forged = client.get(
        "/admin/login/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="10.0.0.5, 192.0.2.1"
    )
    assert forged.status_code == 403
    inside = client.get("/admin/login/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="10.0.0.5")
    assert inside.status_code == 200


def test_no_restriction_when_no_network_is_set(client, skeleton, settings):
    settings.ADMIN_ALLOWED_NETWORKS = []
    assert client.get("/admin/login/", REMOTE_ADDR="192.0.2.1").status_code == 200
