"""The outbox every mail goes through: saved in the visitor's request, sent afterwards by
``send_pending_mail``, once, and retried when the mail server failed or hung."""

import datetime
import socket
import time

import pytest
from django.core import mail
from django.utils import timezone

from portal.alerts.models import AlertSubscription
from portal.interest.models import InterestExpression
from portal.mail.models import OutgoingMail
from tests.factories import make_authority, make_call
from tests.helpers import (
    DAKAR_CONTACT_EMAIL,
    INTEREST_SENDER_EMAIL,
    VALID_INTEREST,
    interest_form_url,
    send_pending_mail,
    submit_interest,
    subscribe_to_alerts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hanging_smtp(settings):
    """A mail server that accepts the connection and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)  # connections complete in the backlog; nobody ever answers them
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.getsockname()
    settings.EMAIL_TIMEOUT = 3  # a send in the request would hold it at least this long
    yield
    server.close()


@pytest.fixture
def call(skeleton):
    authority = make_authority("Dakar", slug="dakar", contact_email=DAKAR_CONTACT_EMAIL)
    return make_call(authority, "Drinking water for Dakar", direction="request")


def post_interest(client, call):
    """The visitor's request alone (the periodic sender does not run)."""
    return client.post(interest_form_url(call), VALID_INTEREST, REMOTE_ADDR="192.0.2.1")


def test_a_hanging_mail_server_never_holds_the_visitor_and_the_mail_leaves_later(
    client, call, hanging_smtp, settings
):
    client.get(interest_form_url(call))  # a first visit warms the process up
    started = time.monotonic()
    response = post_interest(client, call)
    assert response.status_code == 302
    assert time.monotonic() - started < 2  # nothing is sent in the request
    assert InterestExpression.objects.count() == 1

    started = time.monotonic()
    send_pending_mail()  # the server hangs: each attempt gives up after EMAIL_TIMEOUT
    assert time.monotonic() - started < 10  # two mails, each given up after 3 s
    unsent = OutgoingMail.objects.unsent()
    assert unsent.count() == 2 and all("timed out" in row.error for row in unsent)
    assert not unsent.filter(claimed_at__isnull=False).exists()  # freed for the next run

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_pending_mail()
    send_pending_mail()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [DAKAR_CONTACT_EMAIL, INTEREST_SENDER_EMAIL]
    )


def test_a_claim_left_by_a_sender_that_died_is_taken_again_within_minutes(client, call, settings):
    settings.EMAIL_TIMEOUT = 10
    submit_interest(client, call)  # sends both mails
    mail.outbox.clear()
    row = OutgoingMail.objects.first()
    OutgoingMail.objects.filter(pk=row.pk).update(sent_at=None)
    # A sender claimed it 30 s ago and is still working: left alone.
    OutgoingMail.objects.filter(pk=row.pk).update(
        claimed_at=timezone.now() - datetime.timedelta(seconds=30)
    )
    send_pending_mail()
    assert mail.outbox == []
    # Its claim is 2 minutes old: that sender died; the row is sent.
    OutgoingMail.objects.filter(pk=row.pk).update(
        claimed_at=timezone.now() - datetime.timedelta(minutes=2, seconds=1)
    )
    send_pending_mail()
    assert len(mail.outbox) == 1


def test_an_alert_confirmation_that_could_not_leave_is_sent_at_the_next_run(
    client, skeleton, settings
):
    settings.EMAIL_BACKEND = "tests.mail.test_outbox.RefusingBackend"
    response = subscribe_to_alerts(client)
    assert response.status_code == 302
    subscription = AlertSubscription.objects.get()
    assert subscription.confirmed_at is None
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_pending_mail()
    [confirmation] = mail.outbox
    assert confirmation.to == [subscription.email]
    assert subscription.token in confirmation.body


class RefusingBackend:
    """A mail server that refuses connections."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")

    def open(self):
        pass

    def close(self):
        pass
