"""Mails point to the configured addresses and speak their recipient's language.

Links: WAGTAILADMIN_BASE_URL for the admin (invitations, Wagtail's moderation mails), the
default Site (PUBLIC_BASE_URL, set by bootstrap_portal) for public pages. Language: the
representative's (chosen when access is granted, kept on their account), never the sender's.
"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site, WorkflowState
from wagtail.users.models import UserProfile

from cms.bootstrap import ensure_skeleton
from portal.representatives.accounts import MODERATORS_GROUP, grant_representative
from tests.factories import make_authority
from tests.helpers import fiche_post_data

pytestmark = pytest.mark.django_db

ADMIN = "https://admin.bourse.example.org"
PUBLIC = "https://bourse.example.org"


@pytest.fixture
def addresses(settings, skeleton):
    settings.WAGTAILADMIN_BASE_URL = ADMIN
    settings.PUBLIC_BASE_URL = PUBLIC
    ensure_skeleton()  # the default Site takes the public address
    assert Site.objects.get(is_default_site=True).root_url == PUBLIC


@pytest.fixture
def fiche(addresses):
    return make_authority("Dakar", slug="dakar")


def speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def test_the_invitation_speaks_the_representatives_language_not_the_senders(
    admin_user, admin_client, fiche
):
    speaking(admin_user, "fr")
    admin_client.post(
        reverse("grant_representative", args=[fiche.pk]),
        {"email": "awa@dakar.example", "name": "Awa Diop", "language": "en"},
    )
    call_command("send_pending_mail", verbosity=0)

    (message,) = mail.outbox
    assert message.subject == "Your access to keep the fiche “Dakar” up to date"
    link = next(word for word in message.body.split() if "password_reset" in word)
    assert link.startswith(f"{ADMIN}/admin/password_reset/confirm/")
    user = UserProfile.objects.get(user__email="awa@dakar.example")
    assert user.preferred_language == "en"


def test_the_grant_form_offers_the_fiches_language_first(admin_client, fiche):
    form = admin_client.get(reverse("grant_representative", args=[fiche.pk])).context["form"]
    assert form.initial["language"] == "fr"


def test_an_account_keeps_the_language_its_owner_chose(fiche, django_user_model):
    user = speaking(django_user_model.objects.create_user("awa", "awa@dakar.example"), "en")

    grant_representative(fiche, "awa@dakar.example", language="es")
    call_command("grant_representative", "dakar", "awa@dakar.example", send=True)

    assert UserProfile.get_for_user(user).preferred_language == "en"
    assert mail.outbox[-1].subject == "Your access to keep the fiche “Dakar” up to date"


def test_moderation_mails_link_to_the_configured_addresses_in_each_recipients_language(
    client, django_user_model, fiche
):
    representative, _created = grant_representative(
        fiche, "awa@dakar.example", "Awa", language="en"
    )
    moderator = django_user_model.objects.create_user(
        "moderator", "moderator@ministere.example", "password"
    )
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    speaking(moderator, "fr")

    client.force_login(representative)
    data = fiche_post_data(title="Dakar", slug="dakar", country="SN", population="4000000")
    data["action-submit"] = "action-submit"
    client.post(
        reverse("wagtailadmin_pages:edit", args=[fiche.pk]), data, HTTP_ACCEPT_LANGUAGE="en"
    )

    submitted = [m for m in mail.outbox if m.to == ["moderator@ministere.example"]]
    assert submitted, [m.subject for m in mail.outbox]
    body = submitted[0].body
    assert f"{ADMIN}/admin/" in body
    assert "localhost" not in body and "127.0.0.1" not in body
    # The moderator reads French, though the representative wrote in an English admin.
    assert "a été soumise pour validation" in submitted[0].subject
    assert f"{ADMIN}/admin/pages/{fiche.pk}/edit/" in body

    mail.outbox.clear()
    state = WorkflowState.objects.get(object_id=str(fiche.pk), status="in_progress")
    client.force_login(moderator)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[fiche.pk, "approve", state.current_task_state.pk],
        ),
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    approved = [m for m in mail.outbox if m.to == ["awa@dakar.example"]]
    assert approved, [m.subject for m in mail.outbox]
    # The representative reads English, though the moderator approved in French.
    assert approved[0].subject.startswith('The page "Dakar" has been approved')
    assert f"{PUBLIC}/fr/fiches/dakar/" in approved[0].body
    assert "localhost" not in approved[0].body
