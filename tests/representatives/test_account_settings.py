"""An admin user without a first or last name can still save their account settings (e.g.
switch the admin to French): representatives are often granted access without a name."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def account_form(response):
    """Every field of the account page as the browser would post it back."""
    data = {}
    for form in response.context["panels_by_tab"].values():
        for panel in form:
            for name, field in panel.get_form().fields.items():
                value = panel.get_form().initial.get(name, field.initial)
                key = panel.get_form().add_prefix(name)
                if value is None or value is False or not isinstance(value, (str, int, bool)):
                    continue  # nothing typed, or a file (the avatar)
                data[key] = "on" if value is True else value
    return data


def test_a_user_without_names_switches_the_admin_to_french(client, django_user_model):
    user = django_user_model.objects.create_user(
        "awa@dakar.example", "awa@dakar.example", "password", is_superuser=True
    )
    client.force_login(user)
    url = reverse("wagtailadmin_account")
    data = account_form(client.get(url))
    data.update(
        {"name_email-first_name": "", "name_email-last_name": "", "locale-preferred_language": "fr"}
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context and [
        panel.get_form().errors
        for tab in response.context["panels_by_tab"].values()
        for panel in tab
    ]
    assert UserProfile.get_for_user(user).preferred_language == "fr"


def test_names_given_are_still_saved(client, django_user_model):
    user = django_user_model.objects.create_user(
        "awa@dakar.example", "awa@dakar.example", "password", is_superuser=True
    )
    client.force_login(user)
    url = reverse("wagtailadmin_account")
    data = account_form(client.get(url))
    data.update({"name_email-first_name": "Awa", "name_email-last_name": "Diop"})

    assert client.post(url, data).status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Awa", "Diop")
