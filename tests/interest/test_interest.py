"""Expressing interest in a partnership call: the form, its emails, its abuse limits.

A visitor fills in /<lang>/interet/<call id>/; the expression and its two emails are saved,
and the request returns; ``send_pending_mail`` then sends the call's contact the expression
and the visitor an acknowledgement. A mail server failure loses nothing: the next run
sends it, once.
"""

import datetime
import re
from html import unescape

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal.interest.models import InterestExpression, InterestStatus, MailStatus
from portal.mail.models import OutgoingMail
from portal.public_forms import HONEYPOT_FIELD, client_address
from tests.factories import make_authority, make_call, restrict
from tests.helpers import DAKAR_CONTACT_EMAIL, send_pending_mail
from tests.helpers import INTEREST_SENDER_EMAIL as SENDER_EMAIL
from tests.helpers import VALID_INTEREST as VALID
from tests.helpers import interest_form_url as form_url
from tests.helpers import submit_interest as submit

pytestmark = pytest.mark.django_db

CONTACT_EMAIL = DAKAR_CONTACT_EMAIL
REQUIRED_FIELDS = [
    "interested_authority",
    "interested_country",
    "interested_kind",
    "contact_name",
    "contact_role",
    "email",
    "message",
]


class FailingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server unreachable")


class AcknowledgementFailsBackend(BaseEmailBackend):
    """Delivers to the call's contact (into mail.outbox), fails for the sender."""

    def send_messages(self, email_messages):
        for message in email_messages:
            if SENDER_EMAIL in message.to:
                raise TimeoutError("timed out")
            mail.outbox.append(message)
        return len(email_messages)


def in_language(code, message):
    with translation.override(code):
        return gettext(message)


def sent_url(call, language="fr"):
    with translation.override(language):
        return reverse("interest_expression_sent", args=[call.pk])


def text(response):
    return unescape(response.content.decode())


@pytest.fixture
def authority(skeleton):
    return make_authority("Dakar", slug="dakar", contact_email=CONTACT_EMAIL)


@pytest.fixture
def call(authority):
    return make_call(authority, "Drinking water for Dakar", direction="request")


# --- the form ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fr", "Exprimer votre intérêt pour"), ("en", "Express interest in")],
)
def test_form_page_speaks_the_visitors_language(client, call, language, heading):
    response = client.get(form_url(call, language))
    assert response.status_code == 200
    assert heading in text(response)
    assert "Drinking water for Dakar" in text(response)
    assert 'name="consent"' in text(response)


def test_a_valid_expression_is_saved_forwarded_and_acknowledged(client, call, authority):
    response = submit(client, call, language="en")

    assert response.status_code == 302
    assert response["Location"] == sent_url(call, "en")
    expression = InterestExpression.objects.get()
    assert expression.call == call
    assert expression.authority == authority
    assert expression.status == InterestStatus.NEW
    assert expression.mail_status == MailStatus.SENT
    assert expression.language == "en"
    assert expression.notified_to == CONTACT_EMAIL

    to_contact, acknowledgement = mail.outbox
    assert to_contact.to == [CONTACT_EMAIL]
    assert to_contact.reply_to == [SENDER_EMAIL]
    assert VALID["message"] in to_contact.body
    assert "Claire Martin" in to_contact.body
    assert "Ville de Lyon" in to_contact.body
    assert acknowledgement.to == [SENDER_EMAIL]
    assert "Drinking water for Dakar" in acknowledgement.subject


def test_confirmation_page_thanks_the_visitor(client, call):
    response = client.get(sent_url(call))
    assert response.status_code == 200
    assert "votre manifestation d’intérêt a bien été reçue" in text(response)


def test_each_email_is_in_its_readers_language(client, call):
    """The call was written in French: its contact reads French; the visitor reads English."""
    submit(client, call, language="en")
    to_contact, acknowledgement = mail.outbox
    assert to_contact.subject.startswith("Manifestation d’intérêt de Ville de Lyon")
    assert acknowledgement.subject.startswith("Your expression of interest in")


def test_without_a_contact_email_the_moderators_receive_it(client, skeleton, settings):
    settings.BOURSE_MODERATORS_EMAIL = "moderation@bourse.example"
    authority = make_authority("Nouakchott", contact_email="")
    call = make_call(authority)

    submit(client, call)

    to_contact = mail.outbox[0]
    assert to_contact.to == ["moderation@bourse.example"]
    # The moderators read it in the call's language, asked to forward it.
    assert "merci de lui faire suivre ce message" in to_contact.body


@pytest.mark.parametrize("language", ["fr", "en"])
def test_empty_form_shows_every_fields_error_and_stores_nothing(client, call, language):
    response = client.post(form_url(call, language), {}, REMOTE_ADDR="192.0.2.1")

    assert response.status_code == 200
    html = text(response)
    required = in_language(language, "This field is required.")
    assert html.count(required) >= len(REQUIRED_FIELDS)
    for field in REQUIRED_FIELDS:
        # Each field is marked invalid and its message is tied to it.
        assert f'id="id_{field}-desc-error"' in html
    consent = in_language(
        language, "Tick this box: without your agreement, your message cannot be passed on."
    )
    assert consent in html
    assert InterestExpression.objects.count() == 0
    assert mail.outbox == []


def test_french_errors_are_in_french(client, call):
    response = submit(client, call, language="fr", email="not-an-address", consent="")
    html = text(response)
    assert "Saisissez une adresse de courriel valide." in html
    assert "Cochez cette case" in html
    assert "Enter a valid email address." not in html
    assert InterestExpression.objects.count() == 0


def test_an_unknown_country_or_kind_is_refused(client, call):
    response = submit(client, call, interested_country="XX", interested_kind="empire")
    assert response.status_code == 200
    assert 'id="id_interested_country-desc-error"' in text(response)
    assert 'id="id_interested_kind-desc-error"' in text(response)
    assert InterestExpression.objects.count() == 0


def test_an_overlong_message_is_refused(client, call):
    response = submit(client, call, message="x" * 5001)
    assert 'id="id_message-desc-error"' in text(response)
    assert InterestExpression.objects.count() == 0


# --- when the mail server fails -----------------------------------------------------------


def test_a_mail_failure_keeps_the_expression_and_send_pending_mail_sends_it(client, call, settings):
    settings.EMAIL_BACKEND = "tests.interest.test_interest.FailingBackend"
    response = submit(client, call)

    # The visitor is told it was received: it was, and it will be sent.
    assert response.status_code == 302
    expression = InterestExpression.objects.get()
    assert expression.mail_status == MailStatus.UNSENT
    assert "mail server unreachable" in expression.mail_error
    assert expression.contact_notified_at is None
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_pending_mail()

    expression.refresh_from_db()
    assert expression.mail_status == MailStatus.SENT
    assert expression.mail_error == ""
    assert [message.to for message in mail.outbox] == [[CONTACT_EMAIL], [SENDER_EMAIL]]

    # Idempotent: a second run sends nothing more.
    send_pending_mail()
    assert len(mail.outbox) == 2


def test_a_retry_sends_only_the_email_that_failed(client, call, settings):
    settings.EMAIL_BACKEND = "tests.interest.test_interest.AcknowledgementFailsBackend"
    submit(client, call)
    expression = InterestExpression.objects.get()
    assert expression.mail_status == MailStatus.UNSENT
    assert expression.contact_notified_at is not None
    assert len(mail.outbox) == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_pending_mail()

    assert [message.to for message in mail.outbox] == [[CONTACT_EMAIL], [SENDER_EMAIL]]


def test_send_pending_mail_reports_what_it_did(client, call, settings, capsys):
    settings.EMAIL_BACKEND = "tests.interest.test_interest.FailingBackend"
    submit(client, call)
    with translation.override("en"):
        call_command("send_pending_mail")
        assert "sent: 0; still unsent: 2" in capsys.readouterr().out

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        call_command("send_pending_mail")
        assert "sent: 2; still unsent: 0" in capsys.readouterr().out


def test_an_expression_being_sent_elsewhere_is_left_alone(client, call, settings):
    settings.EMAIL_BACKEND = "tests.interest.test_interest.FailingBackend"
    submit(client, call)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Another process claimed it a few seconds ago and is sending it.
    OutgoingMail.objects.update(claimed_at=timezone.now() - datetime.timedelta(seconds=20))
    send_pending_mail()
    assert mail.outbox == []

    # That process died: within minutes (not a quarter of an hour), the claim lapses and
    # the emails leave.
    OutgoingMail.objects.update(claimed_at=timezone.now() - datetime.timedelta(minutes=3))
    send_pending_mail()
    assert len(mail.outbox) == 2


# --- spam and abuse -----------------------------------------------------------------------


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client, call):
    html = client.get(form_url(call)).content.decode()
    hidden = re.search(r'<div class="fr-sr-only" aria-hidden="true">(.*?)</div>', html, re.S)
    assert hidden, "the honeypot's wrapper is missing"
    assert f'name="{HONEYPOT_FIELD}"' in hidden.group(1)
    assert 'tabindex="-1"' in hidden.group(1)


def test_a_filled_honeypot_pretends_success_and_stores_nothing(client, call):
    response = submit(client, call, **{HONEYPOT_FIELD: "http://spam.example"})

    assert response.status_code == 302
    assert response["Location"] == sent_url(call)
    assert InterestExpression.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Trop de messages envoyés depuis votre connexion"),
        ("en", "Too many messages sent from your connection"),
    ],
)
@override_settings(INTEREST_RATE_LIMIT=2, INTEREST_RATE_PERIOD=3600)
def test_the_rate_limit_answers_429_with_a_clear_message(client, call, language, message):
    assert submit(client, call, language).status_code == 302
    assert submit(client, call, language).status_code == 302

    response = submit(client, call, language)

    assert response.status_code == 429
    assert message in text(response)
    assert 0 < int(response["Retry-After"]) <= 3600
    assert re.search(r"\b([1-9]|[1-5][0-9]|60)\xa0?\s?min\b", text(response))
    # The form comes back filled in: nothing the visitor typed is lost.
    assert VALID["message"] in text(response)
    assert InterestExpression.objects.count() == 2
    # Another connection is not affected.
    assert submit(client, call, language, address="198.51.100.7").status_code == 302


@override_settings(INTEREST_RATE_LIMIT=1)
def test_honeypot_hits_count_towards_the_limit(client, call):
    submit(client, call, **{HONEYPOT_FIELD: "spam"})
    assert submit(client, call).status_code == 429
    assert InterestExpression.objects.count() == 0


@override_settings(INTEREST_RATE_LIMIT=1)
def test_typing_mistakes_do_not_use_up_the_limit(client, call):
    submit(client, call, email="wrong")
    submit(client, call, email="")
    assert submit(client, call).status_code == 302


def address_of(remote_addr, forwarded=None, proxies=0):
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr)
    if forwarded:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        return client_address(request)


def test_the_client_address_cannot_be_forged_with_a_header():
    assert address_of("192.0.2.1", forwarded="203.0.113.9") == "192.0.2.1"


def test_behind_a_proxy_the_address_it_saw_counts():
    # The client sent a forged entry; the proxy appended the real address.
    assert address_of("10.0.0.2", forwarded="1.2.3.4, 203.0.113.9", proxies=1) == "203.0.113.9"


def test_one_ipv6_host_counts_once_whatever_its_interface_address():
    first = address_of("2001:db8:1:2::10")
    assert first == address_of("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert first != address_of("2001:db8:1:3::10")


# --- which calls accept expressions -------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "closed"},
        {"status": "matched"},
        {"deadline": datetime.date.today() - datetime.timedelta(days=1)},
    ],
    ids=["closed", "matched", "past-deadline"],
)
def test_a_call_no_longer_open_refuses_expressions(client, authority, fields):
    call = make_call(authority, **fields)
    message = "Cet appel n’accepte plus de manifestations d’intérêt"

    page = client.get(form_url(call))
    assert page.status_code == 200
    assert message in text(page)
    assert 'name="message"' not in text(page)

    response = submit(client, call)
    assert response.status_code == 409
    assert message in text(response)
    assert InterestExpression.objects.count() == 0
    assert mail.outbox == []


def test_a_call_whose_deadline_is_today_still_accepts(client, authority):
    call = make_call(authority, deadline=datetime.date.today())
    assert submit(client, call).status_code == 302


def test_unpublished_private_or_unknown_calls_are_not_found(client, authority, skeleton):
    draft = make_call(authority, publish=False)
    private = make_call(authority)
    restrict(private)
    hidden_fiche = make_authority("Hidden", country="IS")
    orphan = make_call(hidden_fiche)
    hidden_fiche.unpublish()

    for call in (draft, private, orphan):
        assert client.get(form_url(call)).status_code == 404
        assert submit(client, call).status_code == 404
    assert client.get("/fr/interet/999999/").status_code == 404
    assert client.get(f"/fr/interet/{authority.pk}/").status_code == 404
    assert InterestExpression.objects.count() == 0


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_open_calls_page_leads_to_the_form(client, call, language):
    form_url = reverse_in(language, "interest_expression", call.pk)
    page = client.get(f"/{language}{call.url[3:]}")
    assert page.status_code == 200
    assert f'href="{form_url}"' in page.content.decode()
    assert client.get(form_url).status_code == 200


def test_a_closed_calls_page_offers_no_form(client, authority):
    closed = make_call(authority, status="closed")
    page = client.get(closed.url)
    assert reverse_in("fr", "interest_expression", closed.pk) not in page.content.decode()


def reverse_in(language, name, call_id):
    with translation.override(language):
        return reverse(name, args=[call_id])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_form_s_breadcrumb_leads_through_the_fiche_to_the_call(client, call, language):
    from_page = client.get(form_url(call, language))
    crumbs = re.findall(
        r'class="fr-breadcrumb__link"(?: href="([^"]*)")?', from_page.content.decode()
    )
    assert crumbs == [
        "/fr/" if language == "fr" else "/en/",
        "/fr/fiches/",
        "/fr/fiches/dakar/",
        call.url,
        "",
    ]
