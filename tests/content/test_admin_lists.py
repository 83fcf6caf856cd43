"""Admin lists built for the editors' tasks: the taxonomy one language at a time, and a
dashboard of what needs doing."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from cms.models import Theme
from portal.interest.models import InterestExpression
from portal.representatives.accounts import grant_representative
from tests.factories import make_authority, make_call

pytestmark = pytest.mark.django_db


def theme_list(client, **params):
    response = client.get(reverse("wagtailsnippets_cms_theme:list"), params)
    assert response.status_code == 200
    return response


def test_the_theme_list_shows_one_language_with_a_language_column(admin_client, skeleton):
    response = theme_list(admin_client)
    rows = list(response.context["object_list"])

    assert len(rows) == Theme.objects.filter(locale__language_code="fr").count() == 14
    html = response.content.decode()
    assert "Eau et assainissement" in html and "Water and sanitation" not in html
    assert "[6]" not in html  # SDGs read as numbers, not a Python list


def test_another_language_is_one_filter_away(admin_client, skeleton):
    rows = list(theme_list(admin_client, locale="en").context["object_list"])
    assert {row.locale.language_code for row in rows} == {"en"}
    assert len(rows) == 14


# --- the dashboard ----------------------------------------------------------------------------


TODAY = datetime.date.today()


def expression(call, who):
    return InterestExpression.objects.create(
        call=call,
        authority=call.get_parent().specific,
        call_title=call.title,
        language="fr",
        interested_authority=who,
        interested_country="FR",
        interested_kind="municipality",
        contact_name="Claire Martin",
        email="claire@lyon.example",
        message="Hello.",
        consent=True,
    )


@pytest.fixture
def portal_content(skeleton):
    dakar = make_authority("Dakar", last_verified=None)
    lyon = make_authority("Lyon", country="FR", last_verified=TODAY)
    soon = make_call(dakar, "Closing soon", deadline=TODAY + datetime.timedelta(days=10))
    make_call(lyon, "Closing later", deadline=TODAY + datetime.timedelta(days=90))
    expression(soon, "Ville de Lille")
    return {"dakar": dakar, "lyon": lyon, "soon": soon}


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_dashboard_shows_the_editors_tasks(admin_client, portal_content):
    html = dashboard(admin_client)

    assert 'id="new-expressions' in html and "Ville de Lille" in html
    assert 'id="closing-calls' in html and "Closing soon" in html
    assert "Closing later" not in html
    assert 'id="fiches-awaiting-verification' in html
    stale = html.split('id="fiches-awaiting-verification', 1)[1]
    assert "Dakar" in stale and "Lyon" not in stale.split("</section>", 1)[0]


def test_the_dashboard_costs_the_same_for_more_content(
    admin_client, portal_content, django_assert_max_num_queries
):
    dashboard(admin_client)
    with CaptureQueriesContext(connection) as few:
        dashboard(admin_client)
    for n in range(8):
        fiche = make_authority(f"Town {n}", last_verified=None)
        expression(make_call(fiche, f"Call {n}", deadline=TODAY), f"Town {n} people")
    with django_assert_max_num_queries(len(few)):
        dashboard(admin_client)


def test_a_representative_sees_their_fiche_first(client, portal_content):
    user, _created = grant_representative(portal_content["dakar"], "awa@dakar.example")
    client.force_login(user)
    html = dashboard(client)

    assert 'id="your-fiche' in html
    assert "Closing soon" in html.split('id="your-fiche', 1)[1]
    # First of the dashboard's panels.
    panels = re.findall(r'<section class="w-panel[^"]*" id="([\w-]+)-section"', html)
    assert panels[0] == "your-fiche", panels
    assert 'id="new-expressions' not in html  # no right to read expressions
    assert 'id="fiches-awaiting-verification' not in html
    assert Permission.objects.exists()


# --- the calls' list ------------------------------------------------------------------------------


def test_the_call_list_shows_status_direction_and_deadline_with_filters(
    admin_client, portal_content
):
    url = reverse("partnership_calls:index")
    html = admin_client.get(url).content.decode()
    assert "Closing soon" in html and "Closing later" in html
    assert "Dakar" in html  # the fiche (parent) column
    soon = portal_content["soon"]
    assert soon.get_status_display() in html and soon.get_direction_display() in html

    closing = admin_client.get(
        url,
        {
            "deadline_from": TODAY.isoformat(),
            "deadline_to": (TODAY + datetime.timedelta(days=30)).isoformat(),
        },
    ).content.decode()
    assert "Closing soon" in closing and "Closing later" not in closing
    closed = admin_client.get(url, {"status": "closed"}).content.decode()
    assert "Closing soon" not in closed


def test_the_call_list_costs_the_same_for_more_calls(
    admin_client, portal_content, django_assert_max_num_queries
):
    url = reverse("partnership_calls:index")
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    for n in range(10):
        make_call(portal_content["lyon"], f"More {n}")
    with django_assert_max_num_queries(len(few)):
        html = admin_client.get(url).content.decode()
    assert "More 9" in html


def test_the_admin_menu_entries_have_icons_of_their_own(rf, admin_user, skeleton):
    request = rf.get("/admin/")
    request.user = admin_user
    icons = [item.icon_name for item in admin_menu.menu_items_for_request(request)]
    assert len(icons) == len(set(icons)), icons
