"""Fiches kept fresh by their authorities: representatives edit their own fiche and calls,
a ministry moderator approves, and approval sets the fiche's "last verified" date.

Every step goes through the real Wagtail admin views with the test client.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.models import GroupPagePermission, WorkflowState

from cms.models import AuthorityPage, PartnershipCallPage
from portal.representatives.accounts import (
    MODERATORS_GROUP,
    grant_representative,
    representatives_group_name,
)
from tests.factories import make_authority, make_call
from tests.helpers import call_post_data, fiche_post_data

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
OLD_DATE = datetime.date(2025, 1, 15)  # the factories' last_verified


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def grant_url(page):
    return reverse("grant_representative", args=[page.pk])


@pytest.fixture
def fiche(skeleton):
    return make_authority("Dakar", slug="dakar", last_verified=OLD_DATE)


@pytest.fixture
def call(fiche):
    return make_call(fiche, "Water network")


@pytest.fixture
def other_fiche(skeleton):
    return make_authority("Lyon", slug="lyon", country="FR")


@pytest.fixture
def representative(client, fiche):
    user, _created = grant_representative(fiche, "awa@dakar.example", "Awa Diop")
    client.force_login(user)
    return user


@pytest.fixture
def moderator(django_user_model, fiche):
    user = django_user_model.objects.create_user("moderator", password="password")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


def submit_fiche(client, fiche, title):
    data = fiche_post_data(title=title, slug=fiche.slug, country=fiche.country)
    data["action-submit"] = "action-submit"
    return client.post(edit_url(fiche), data)


def approve(client, moderator, page):
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(page.pk), status="in_progress"
    )
    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    return client.post(url, {})


# --- what a representative may open ---------------------------------------------------------


def test_representative_opens_their_fiche_and_its_calls(client, representative, fiche, call):
    assert client.get(edit_url(fiche)).status_code == 200
    assert client.get(edit_url(call)).status_code == 200


def test_representative_cannot_open_another_authority(client, representative, other_fiche):
    response = client.get(edit_url(other_fiche))
    # Wagtail answers a denied admin page with a redirect to the dashboard, never the form.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_representative_has_no_publish_action(client, representative, fiche):
    content = client.get(edit_url(fiche)).content.decode()
    assert 'name="action-submit"' in content
    assert 'name="action-publish"' not in content


def test_forced_publish_by_a_representative_leaves_the_live_fiche_alone(
    client, representative, fiche
):
    data = fiche_post_data(title="Dakar (forced)", slug=fiche.slug, country=fiche.country)
    data["action-publish"] = "action-publish"
    client.post(edit_url(fiche), data)
    assert AuthorityPage.objects.get(pk=fiche.pk).title == "Dakar"


# --- moderation -------------------------------------------------------------------------------


def test_submission_waits_for_a_moderator(client, representative, fiche):
    response = submit_fiche(client, fiche, "Dakar (updated)")

    assert response.status_code == 302
    live = AuthorityPage.objects.get(pk=fiche.pk)
    assert live.title == "Dakar"
    assert live.has_unpublished_changes
    assert live.last_verified == OLD_DATE
    assert WorkflowState.objects.filter(object_id=str(fiche.pk), status="in_progress").exists()


def test_approval_publishes_the_change_and_verifies_the_fiche(
    client, representative, moderator, fiche
):
    submit_fiche(client, fiche, "Dakar (updated)")

    response = approve(client, moderator, fiche)

    assert response.status_code == 302
    live = AuthorityPage.objects.get(pk=fiche.pk)
    assert live.title == "Dakar (updated)"
    assert live.last_verified == TODAY
    # No draft left behind: the date is in the live row and in the revision editors start from.
    assert not live.has_unpublished_changes
    assert live.get_latest_revision_as_object().last_verified == TODAY


def test_approving_a_call_verifies_its_fiche_without_publishing_the_fiche_draft(
    client, representative, moderator, fiche, call
):
    submit_fiche(client, fiche, "Dakar (pending)")
    data = call_post_data(title="Water network (updated)", slug=call.slug)
    data["action-submit"] = "action-submit"
    client.post(edit_url(call), data)

    approve(client, moderator, call)

    assert PartnershipCallPage.objects.get(pk=call.pk).title == "Water network (updated)"
    live = AuthorityPage.objects.get(pk=fiche.pk)
    assert live.last_verified == TODAY
    assert live.title == "Dakar"  # the fiche's own change still waits for approval
    assert live.get_latest_revision_as_object().title == "Dakar (pending)"


def test_moderator_can_publish_in_the_directory(moderator, fiche):
    assert fiche.permissions_for_user(moderator).can_publish()


# --- the command -------------------------------------------------------------------------------


def test_command_creates_the_account_once(fiche, django_user_model, capsys):
    call_command("grant_representative", str(fiche.pk), "awa@dakar.example", name="Awa Diop")
    call_command("grant_representative", "dakar", "AWA@dakar.example")

    users = django_user_model.objects.filter(email__iexact="awa@dakar.example")
    assert users.count() == 1
    assert Group.objects.filter(name=representatives_group_name(fiche)).count() == 1
    group = Group.objects.get(name=representatives_group_name(fiche))
    assert list(users.get().groups.all()) == [group]
    codenames = set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page"}
    output = capsys.readouterr().out
    assert "/admin/password_reset/confirm/" in output
    assert users.get().first_name == "Awa"


def test_command_sends_the_invitation(fiche):
    call_command("grant_representative", "dakar", "awa@dakar.example", send=True)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["awa@dakar.example"]
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body


def test_command_refuses_an_unknown_fiche(skeleton):
    with pytest.raises(CommandError):
        call_command("grant_representative", "nowhere", "awa@dakar.example")


# --- the admin action --------------------------------------------------------------------------


def test_admin_action_shown_to_staff_with_permission(admin_client, fiche):
    assert grant_url(fiche) in admin_client.get(edit_url(fiche)).content.decode()

    response = admin_client.post(grant_url(fiche), {"email": "awa@dakar.example", "name": ""})

    assert response.status_code == 302
    # Queued with the grant, sent by the periodic sender (never in the staff's request).
    assert len(mail.outbox) == 0
    call_command("send_pending_mail", verbosity=0)
    assert len(mail.outbox) == 1
    user = Group.objects.get(name=representatives_group_name(fiche)).user_set.get()
    assert user.email == "awa@dakar.example"


def test_admin_action_hidden_from_a_moderator_without_user_rights(client, moderator, fiche):
    client.force_login(moderator)
    assert grant_url(fiche) not in client.get(edit_url(fiche)).content.decode()
    assert client.get(grant_url(fiche)).status_code in (302, 403)


def test_admin_action_hidden_from_a_representative(
    client, representative, fiche, django_user_model
):
    assert grant_url(fiche) not in client.get(edit_url(fiche)).content.decode()
    response = client.post(grant_url(fiche), {"email": "intruder@example.org"})
    assert response.status_code in (302, 403)
    assert not django_user_model.objects.filter(email="intruder@example.org").exists()
    assert len(mail.outbox) == 0


def test_admin_action_refuses_a_bad_email(admin_client, fiche):
    response = admin_client.post(grant_url(fiche), {"email": "not-an-email"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]


def test_moderator_with_user_rights_sees_the_action(client, moderator, fiche):
    moderator.user_permissions.add(Permission.objects.get(codename="add_user"))
    client.force_login(moderator)
    assert grant_url(fiche) in client.get(edit_url(fiche)).content.decode()


def test_admin_form_speaks_the_editor_language(admin_client, fiche):
    response = admin_client.get(grant_url(fiche), HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 200
    assert "Donner accès à un représentant" in response.content.decode()


def test_command_refuses_a_bad_email(fiche, django_user_model):
    with pytest.raises(CommandError):
        call_command("grant_representative", "dakar", "not-an-email")
    assert not django_user_model.objects.filter(email="not-an-email").exists()


def test_the_group_is_named_after_the_fiche_and_follows_its_title(fiche):
    grant_representative(fiche, "awa@dakar.example")
    group = Group.objects.get(user__email="awa@dakar.example")
    assert group.name.startswith("Dakar ") and group.name.endswith(f"(#{fiche.pk})")

    fiche.title = "Ville de Dakar"
    fiche.save_revision().publish()
    grant_representative(fiche, "moussa@dakar.example")

    assert Group.objects.filter(name__endswith=f"(#{fiche.pk})").count() == 1
    assert Group.objects.get(user__email="moussa@dakar.example").name.startswith("Ville de Dakar")


def test_a_representative_does_not_see_the_site_wide_reports(client, representative):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:page_types_usage") not in html
    assert reverse("wagtailadmin_reports:aging_pages") not in html


def test_staff_still_see_them(admin_client, fiche):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:page_types_usage") in html
