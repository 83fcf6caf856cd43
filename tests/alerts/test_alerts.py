"""Alerts: visitors subscribe by email to new calls matching their choice.

Subscribe at /<lang>/alertes/ → a mail with a confirmation link (queued, sent by
``send_pending_mail``) → confirm → when a matching open call is first published, exactly one
mail with a one-click unsubscribe link; nothing more on republication or translation;
nothing for other calls or after unsubscribing.
"""

import re
from html import unescape

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from cms.api import validation
from portal.alerts.emails import enqueue
from portal.alerts.models import UNCONFIRMED_LIFETIME, AlertDelivery, AlertSubscription
from tests.factories import graphql, make_authority, make_call, make_news, themes, translate
from tests.helpers import ALERT_EMAIL, ALERT_THEME, public_urls, root_queries, send_pending_mail
from tests.helpers import subscribe_to_alerts as subscribe

pytestmark = pytest.mark.django_db

EMAIL = ALERT_EMAIL
WATER = ALERT_THEME
HEALTH = "health"
LINK = re.compile(r"https?://\S+")


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server unreachable")


def subscribe_url(language="fr"):
    with translation.override(language):
        return reverse("alerts_subscribe")


def text(response):
    return unescape(response.content.decode())


def theme_ids(*slugs):
    return [str(theme.pk) for theme in themes(*slugs)]


def links_in(message):
    return LINK.findall(message.body)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def confirm_link(message):
    return next(path_of(url) for url in links_in(message) if "/confirmer/" in url)


def unsubscribe_link(message):
    return next(path_of(url) for url in links_in(message) if "/desabonner/" in url)


def confirmed_subscription(client, language="en", **changes):
    subscribe(client, language, **changes)
    client.post(confirm_link(mail.outbox[-1]))
    subscription = AlertSubscription.objects.get(email=changes.get("email", EMAIL))
    assert subscription.confirmed_at is not None
    mail.outbox.clear()
    return subscription


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


@pytest.fixture
def dakar(skeleton):
    return make_authority("Dakar", country="SN")


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a call as the admin does, then run the periodic sender as cron would."""

    def run(build, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            page = build(*args, **kwargs)
        send_pending_mail()
        return page

    return run


# --- subscribing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fr", "Recevoir les nouveaux appels"), ("en", "Receive new partnership calls by email")],
)
def test_the_form_speaks_the_visitors_language(client, skeleton, language, heading):
    response = client.get(subscribe_url(language))
    assert response.status_code == 200
    assert heading in text(response)
    assert 'name="themes"' in text(response)


@pytest.mark.parametrize(
    ("language", "error"),
    [("fr", "Saisissez une adresse de courriel valide."), ("en", "Enter a valid email address.")],
)
def test_a_wrong_address_is_explained_in_the_visitors_language(client, skeleton, language, error):
    response = subscribe(client, language, email="not-an-address")
    assert response.status_code == 200
    assert error in text(response)
    assert not AlertSubscription.objects.exists()
    assert mail.outbox == []


def test_the_footer_links_to_the_alerts(client, skeleton):
    response = client.get("/en/")
    assert f'href="{subscribe_url("en")}"' in text(response)


def test_subscribing_mails_a_confirmation_link_and_sends_nothing_before_it(client, dakar, publish):
    response = subscribe(client, "en")
    assert response.status_code == 302
    assert response["Location"] == reverse("alerts_subscribe_sent")
    [message] = mail.outbox
    assert message.to == [EMAIL]
    assert "Confirm your subscription" in message.subject
    subscription = AlertSubscription.objects.get()
    assert subscription.language == "en" and subscription.confirmed_at is None

    publish(make_call, dakar, "Water for Dakar", direction="request", theme_slugs=[WATER])
    assert len(mail.outbox) == 1, "an unconfirmed address received an alert"


def test_opening_the_confirmation_link_changes_nothing_until_the_button(client, skeleton):
    subscribe(client, "fr")
    link = confirm_link(mail.outbox[0])
    response = client.get(link)
    assert response.status_code == 200
    assert "Confirmer mon abonnement" in text(response)
    assert AlertSubscription.objects.get().confirmed_at is None
    response = client.post(link)
    assert "Votre abonnement est confirmé" in text(response)
    assert AlertSubscription.objects.get().confirmed_at is not None


def test_an_unknown_token_answers_not_found_in_words(client, skeleton):
    response = client.get(reverse("alerts_confirm", args=["nope"]))
    assert response.status_code == 404
    assert "no longer valid" in text(response) or "plus valide" in text(response)


def test_a_robot_filling_the_hidden_field_stores_and_sends_nothing(client, skeleton):
    response = subscribe(client, extra_reference="http://spam.example")
    assert response.status_code == 302
    assert not AlertSubscription.objects.exists()
    assert mail.outbox == []


@override_settings(INTEREST_RATE_LIMIT=2)
def test_subscriptions_from_one_connection_are_rate_limited(client, skeleton):
    for number in range(2):
        assert subscribe(client, email=f"a{number}@example.org").status_code == 302
    response = subscribe(client, "en", email="third@example.org")
    assert response.status_code == 429
    assert "Too many subscriptions" in text(response)
    assert int(response["Retry-After"]) > 0
    assert AlertSubscription.objects.count() == 2
    # Another connection is not affected.
    assert subscribe(client, email="other@example.org", address="198.51.100.7").status_code == 302


def test_confirming_a_new_choice_replaces_the_old_one(client, skeleton):
    confirmed_subscription(client, direction="offer")
    confirmed_subscription(client, direction="request")
    assert list(AlertSubscription.objects.values_list("direction", flat=True)) == ["request"]


# --- the alert -----------------------------------------------------------------------------


def test_full_path_one_mail_per_call_with_a_working_unsubscribe_link(client, dakar, publish):
    confirmed_subscription(client, "en")

    call = publish(make_call, dakar, "Water for Dakar", direction="request", theme_slugs=[WATER])
    [alert] = mail.outbox
    assert alert.to == [EMAIL]
    assert "Water for Dakar" in alert.subject
    assert "New partnership call" in alert.subject
    assert call.get_full_url() in alert.body
    unsubscribe = unsubscribe_link(alert)
    assert alert.extra_headers["List-Unsubscribe"] == f"<{links_in(alert)[-1]}>"
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Republished, then translated and published: nothing more.
    publish(lambda: call.save_revision().publish())
    publish(translate, call, "en", "Water for Dakar (en)")
    assert len(mail.outbox) == 1
    call_command("send_alerts", verbosity=0)
    assert len(mail.outbox) == 1

    # The link works without logging in: GET asks, POST (without CSRF token) unsubscribes.
    anonymous = Client(enforce_csrf_checks=True)
    response = anonymous.get(unsubscribe)
    assert response.status_code == 200
    assert "Stop receiving new partnership calls" in text(response)
    assert AlertSubscription.objects.exists(), "opening the link unsubscribed"
    response = anonymous.post(unsubscribe)
    assert response.status_code == 200
    assert not AlertSubscription.objects.exists()

    publish(make_call, dakar, "More water", direction="request", theme_slugs=[WATER])
    assert len(mail.outbox) == 1, "an unsubscribed address received an alert"


def test_one_click_unsubscribe_as_mail_clients_post_it(client, dakar, publish):
    subscription = confirmed_subscription(client)
    url = reverse("alerts_unsubscribe", args=[subscription.token])
    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not AlertSubscription.objects.exists()
    # Posting again (a retry) still answers calmly.
    assert Client(enforce_csrf_checks=True).post(url).status_code == 200


@pytest.mark.parametrize(
    "call_fields",
    [
        pytest.param({"theme_slugs": [HEALTH]}, id="other theme"),
        pytest.param({"direction": "offer"}, id="other direction"),
        pytest.param({"country": "BF", "target_countries": ["FR"]}, id="other country"),
        pytest.param({"status": "in_discussion"}, id="not open"),
    ],
)
def test_a_call_that_does_not_match_sends_nothing(client, skeleton, publish, call_fields):
    confirmed_subscription(client)
    fields = {"direction": "request", "theme_slugs": [WATER], **call_fields}
    authority = make_authority("Somewhere", country=fields.pop("country", "SN"))
    publish(make_call, authority, "Not for you", **fields)
    assert mail.outbox == []
    assert not AlertDelivery.objects.exists()


def test_a_target_country_matches_and_empty_choices_mean_any(client, skeleton, publish):
    by_target = confirmed_subscription(client, email="target@example.org", countries=["BF"])
    anything = confirmed_subscription(
        client, email="any@example.org", direction="", themes=[], countries=[]
    )
    lyon = make_authority("Lyon", country="FR")
    publish(
        make_call, lyon, "Wells", direction="request", theme_slugs=[WATER], target_countries=["BF"]
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([by_target.email, anything.email])


def test_the_alert_is_in_the_subscribers_language(client, dakar, publish):
    confirmed_subscription(client, "fr")
    publish(make_call, dakar, "Eau pour Dakar", direction="request", theme_slugs=[WATER])
    [alert] = mail.outbox
    assert "Nouvel appel à partenariat" in alert.subject
    assert "/fr/alertes/desabonner/" in alert.body


def test_a_mail_failure_leaves_the_alert_for_send_alerts_which_sends_it_once(
    client, dakar, publish
):
    confirmed_subscription(client)
    with override_settings(EMAIL_BACKEND="tests.alerts.test_alerts.FailingBackend"):
        publish(make_call, dakar, "Water", direction="request", theme_slugs=[WATER])
        send_pending_mail()
    delivery = AlertDelivery.objects.get()
    assert delivery.sent_at is None and "ConnectionRefusedError" in delivery.error
    assert mail.outbox == []

    call_command("send_alerts", verbosity=0)
    call_command("send_alerts", verbosity=0)
    assert len(mails_to(EMAIL)) == 1
    assert AlertDelivery.objects.get().sent_at is not None


def test_send_alerts_forgets_addresses_never_confirmed(client, skeleton):
    subscribe(client)
    AlertSubscription.objects.update(created_at=timezone.now() - UNCONFIRMED_LIFETIME * 2)
    call_command("send_alerts", verbosity=0)
    assert not AlertSubscription.objects.exists()


def test_matching_costs_a_bounded_number_of_queries(
    client, dakar, publish, django_assert_max_num_queries
):
    for number in range(20):
        subscription = AlertSubscription.objects.create(
            email=f"s{number}@example.org",
            language="fr",
            countries=["SN"],
            confirmed_at=timezone.now(),
        )
        subscription.themes.set(themes(WATER, HEALTH))
    call = make_call(dakar, "Water", direction="request", theme_slugs=[WATER], publish=False)

    call.save_revision().publish()
    AlertDelivery.objects.all().delete()
    with django_assert_max_num_queries(12):
        pending = enqueue(call)
    assert len(pending) == 20


# --- personal data -------------------------------------------------------------------------


def test_no_public_surface_shows_a_subscribers_address(client, dakar, publish):
    confirmed_subscription(client, "en")
    call = publish(make_call, dakar, "Water", direction="request", theme_slugs=[WATER])
    article = make_news("Water forum")
    for name, query in root_queries(call, dakar, article):
        result = graphql(client, query)
        assert EMAIL not in str(result), f"GraphQL {name}"
    result = graphql(
        client, "query($q: String!) { search(query: $q) { pagination { total } } }", {"q": EMAIL}
    )
    assert result["data"]["search"]["pagination"]["total"] == 0
    for url in [*public_urls(call, dakar), subscribe_url("en"), subscribe_url("fr")]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert EMAIL not in body.decode(), url


def test_the_unsubscribe_page_does_not_show_the_address(client, skeleton):
    subscription = confirmed_subscription(client)
    response = client.get(reverse("alerts_unsubscribe", args=[subscription.token]))
    assert EMAIL not in text(response)


# --- staff's listing -------------------------------------------------------------------------


def test_staff_see_subscriptions_read_only_and_visitors_do_not(client, admin_client, skeleton):
    subscription = confirmed_subscription(client)
    listing = admin_client.get(reverse("alert_subscriptions:index"))
    assert listing.status_code == 200
    assert EMAIL in text(listing)
    assert reverse("alert_subscriptions:add") not in text(listing)
    assert admin_client.get(reverse("alert_subscriptions:add")).status_code in (302, 403)
    edit = admin_client.get(reverse("alert_subscriptions:edit", args=[subscription.pk]))
    assert edit.status_code in (302, 403)
    inspect = admin_client.get(reverse("alert_subscriptions:inspect", args=[subscription.pk]))
    assert inspect.status_code == 200 and EMAIL in text(inspect)

    anonymous = Client().get(reverse("alert_subscriptions:index"))
    assert anonymous.status_code == 302
    assert EMAIL not in text(anonymous)


def test_a_retried_alert_links_the_copy_in_the_subscribers_language(client, dakar, publish):
    confirmed_subscription(client, "en")
    # The mail server is down while the call is published and then translated.
    with override_settings(EMAIL_BACKEND="tests.alerts.test_alerts.FailingBackend"):
        call = publish(make_call, dakar, "Eau", direction="request", theme_slugs=[WATER])
        publish(translate, dakar, "en", "Dakar")
        english = publish(translate, call, "en", "Water")
    call_command("send_alerts", verbosity=0)
    [alert] = mail.outbox
    assert english.get_full_url() in alert.body
    assert call.get_full_url() not in alert.body
    assert "Water" in alert.subject


def test_a_copy_under_an_untranslated_fiche_falls_back_to_the_source(client, dakar, publish):
    confirmed_subscription(client, "en")
    with override_settings(EMAIL_BACKEND="tests.alerts.test_alerts.FailingBackend"):
        call = publish(make_call, dakar, "Eau", direction="request", theme_slugs=[WATER])
        # The English copy's fiche is copied as a draft: the copy cannot be reached yet.
        publish(translate, call, "en", "Water")
    call_command("send_alerts", verbosity=0)
    [alert] = mail.outbox
    assert call.get_full_url() in alert.body


@pytest.fixture(autouse=True)
def _leak_queries_ask_for_everything(monkeypatch):
    """The leak queries select every field at once: far above the cost a partner may ask."""
    monkeypatch.setattr(validation, "MAX_COST", 10**12)
    monkeypatch.setattr(validation, "MAX_FIELDS", 10**6)
