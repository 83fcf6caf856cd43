"""What moderators do in the Wagtail admin: follow expressions of interest, close expired
calls, and find the fiches nobody has verified for a year.
"""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms.models import CallStatus, PartnershipCallPage
from portal.interest.models import InterestExpression, InterestStatus
from tests.factories import graphql, make_authority, make_call, translate

pytestmark = pytest.mark.django_db

INDEX = "interest_expressions:index"
TODAY = datetime.date.today()


def make_expression(call, **fields):
    defaults = {
        "call": call,
        "authority": call.get_parent().specific,
        "call_title": call.title,
        "language": "fr",
        "interested_authority": "Ville de Lyon",
        "interested_country": "FR",
        "interested_kind": "municipality",
        "contact_name": "Claire Martin",
        "contact_role": "Chargée de mission",
        "email": "claire@lyon.example",
        "message": "We would like to work with you.",
        "consent": True,
    }
    return InterestExpression.objects.create(**{**defaults, **fields})


def user_with(django_user_model, username, *codenames):
    user = django_user_model.objects.create_user(username, password="password")
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def moderator(client, django_user_model):
    user = user_with(django_user_model, "moderator", "access_admin", "change_interestexpression")
    client.force_login(user)
    return user


@pytest.fixture
def expressions(skeleton):
    dakar = make_authority("Dakar", country="SN")
    lyon = make_authority("Lyon", country="FR")
    water = make_call(dakar, "Water for Dakar")
    culture = make_call(lyon, "Culture in Lyon")
    return {
        "dakar": dakar,
        "lyon": lyon,
        "water": water,
        "culture": culture,
        "from_lyon": make_expression(water, interested_authority="Lyon metropole"),
        "from_tunis": make_expression(
            water,
            interested_authority="Tunis municipality",
            interested_country="TN",
            status=InterestStatus.DECLINED,
        ),
        "from_dakar": make_expression(
            culture,
            interested_authority="Dakar plateau",
            interested_country="SN",
            status=InterestStatus.AGREEMENT_SIGNED,
        ),
    }


def listing(client, **params):
    response = client.get(reverse(INDEX), params)
    assert response.status_code == 200
    return response.content.decode()


def listed(html):
    names = ("Lyon metropole", "Tunis municipality", "Dakar plateau")
    return {name for name in names if name in html}


# --- expressions of interest --------------------------------------------------------------


def test_moderators_see_every_expression(client, moderator, expressions):
    assert listed(listing(client)) == {"Lyon metropole", "Tunis municipality", "Dakar plateau"}


def test_moderators_filter_by_call_authority_country_and_status(client, moderator, expressions):
    assert listed(listing(client, call=expressions["water"].pk)) == {
        "Lyon metropole",
        "Tunis municipality",
    }
    assert listed(listing(client, authority=expressions["lyon"].pk)) == {"Dakar plateau"}
    assert listed(listing(client, interested_country="TN")) == {"Tunis municipality"}
    assert listed(listing(client, status="declined")) == {"Tunis municipality"}
    assert listed(listing(client, status="new", call=expressions["water"].pk)) == {"Lyon metropole"}


def test_the_call_filter_offers_only_calls_with_expressions(client, moderator, expressions):
    quiet = make_call(expressions["dakar"], "A call nobody answered")
    html = listing(client)
    assert "Water for Dakar" in html
    assert quiet.title not in html


def export_rows(client, **params):
    response = client.get(reverse(INDEX), {**params, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def test_moderators_export_the_filtered_listing_as_csv(client, moderator, expressions):
    header, *rows = export_rows(client, call=expressions["water"].pk)

    assert len(header) == 13
    assert sorted(row[header.index("Collectivité intéressée")] for row in rows) == [
        "Lyon metropole",
        "Tunis municipality",
    ]
    tunis = next(row for row in rows if "Tunis municipality" in row)
    assert "claire@lyon.example" in tunis
    assert "We would like to work with you." in tunis
    assert "Tunisie" in tunis  # the country's name, in the moderator's language
    assert "Refusée" in tunis  # the status's label, not its code


def test_the_export_does_not_let_visitors_plant_formulas(client, moderator, expressions):
    make_expression(expressions["water"], interested_authority='=HYPERLINK("http://x")')
    cells = [cell for row in export_rows(client) for cell in row]
    assert '\'=HYPERLINK("http://x")' in cells
    assert '=HYPERLINK("http://x")' not in cells


def test_the_listing_costs_a_bounded_number_of_queries(
    client, moderator, expressions, django_assert_max_num_queries
):
    for number in range(30):
        make_expression(expressions["culture"], interested_authority=f"Town {number}")
    with django_assert_max_num_queries(15):
        listing(client)


def test_anonymous_visitors_cannot_reach_the_listing(client, expressions):
    for url in (reverse(INDEX), reverse(INDEX) + "?export=csv"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_editors_without_the_permission_cannot_see_expressions(
    client, django_user_model, expressions
):
    editor = user_with(django_user_model, "editor", "access_admin")
    client.force_login(editor)

    response = client.get(reverse(INDEX))
    assert response.status_code == 302
    assert "Lyon metropole" not in response.content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) not in dashboard


def test_moderators_find_the_listing_in_the_menu(client, moderator, expressions):
    assert reverse(INDEX) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_moderators_update_the_status_but_not_what_the_visitor_wrote(
    client, moderator, expressions
):
    expression = expressions["from_lyon"]
    url = reverse("interest_expressions:edit", args=[expression.pk])
    page = client.get(url).content.decode()
    assert "We would like to work with you." in page

    response = client.post(
        url,
        {
            "status": InterestStatus.FORWARDED,
            "moderator_notes": "Phoned them on Monday.",
            "message": "Tampered",
            "email": "tampered@example.org",
        },
    )

    assert response.status_code == 302
    expression.refresh_from_db()
    assert expression.status == InterestStatus.FORWARDED
    assert expression.moderator_notes == "Phoned them on Monday."
    assert expression.message == "We would like to work with you."
    assert expression.email == "claire@lyon.example"


def test_nobody_adds_an_expression_in_the_admin(admin_client, expressions):
    response = admin_client.get(reverse("interest_expressions:add"))
    assert response.status_code == 302
    assert reverse("interest_expressions:add") not in listing(admin_client)


# --- close_expired_calls ------------------------------------------------------------------

CALL_STATUS = "query($id: ID) { partnershipCall(id: $id) { status open } }"


def close_expired_calls():
    out = io.StringIO()
    call_command("close_expired_calls", stdout=out)
    return out.getvalue()


@pytest.fixture
def calls(skeleton):
    dakar = make_authority("Dakar")
    yesterday = TODAY - datetime.timedelta(days=1)
    return {
        "expired": make_call(dakar, "Expired", deadline=yesterday),
        "current": make_call(dakar, "Current", deadline=TODAY),
        "no_deadline": make_call(dakar, "No deadline", deadline=None),
        "matched": make_call(dakar, "Matched", status="matched", deadline=yesterday),
        "draft": make_call(dakar, "Draft", deadline=yesterday, publish=False),
    }


def test_expired_open_calls_are_closed_and_published(client, calls):
    expired = calls["expired"]
    # Read once through the API so that a cached answer would show if it were not dropped.
    before = graphql(client, CALL_STATUS, {"id": expired.pk})["data"]["partnershipCall"]
    assert before == {"status": "OPEN", "open": False}
    revisions_before = expired.revisions.count()

    output = close_expired_calls()

    expired.refresh_from_db()
    assert expired.status == CallStatus.CLOSED
    assert expired.live
    assert not expired.has_unpublished_changes
    assert expired.revisions.count() == revisions_before + 1
    assert expired.live_revision.as_object().status == CallStatus.CLOSED
    after = graphql(client, CALL_STATUS, {"id": expired.pk})["data"]["partnershipCall"]
    assert after == {"status": "CLOSED", "open": False}
    assert "1" in output


def test_only_expired_open_live_calls_change(calls):
    close_expired_calls()
    statuses = dict(
        PartnershipCallPage.objects.filter(pk__in=[call.pk for call in calls.values()]).values_list(
            "title", "status"
        )
    )
    assert statuses == {
        "Expired": "closed",
        "Current": "open",
        "No deadline": "open",
        "Matched": "matched",
        # Never published: closing it would mean publishing it.
        "Draft": "open",
    }


def test_closing_is_idempotent(calls):
    close_expired_calls()
    revisions = calls["expired"].revisions.count()

    output = close_expired_calls()

    assert "0" in output
    assert calls["expired"].revisions.count() == revisions


def test_an_editors_pending_draft_is_not_published_by_closing(calls):
    expired = calls["expired"]
    expired.title = "Draft title in progress"
    expired.save_revision()

    close_expired_calls()

    expired = PartnershipCallPage.objects.get(pk=expired.pk)
    assert expired.title == "Expired"
    assert expired.status == CallStatus.CLOSED
    assert expired.has_unpublished_changes
    draft = expired.latest_revision.as_object()
    assert draft.title == "Draft title in progress"
    assert draft.status == CallStatus.CLOSED


def test_every_language_copy_is_closed(calls):
    english = translate(calls["expired"], "en")

    close_expired_calls()

    english.refresh_from_db()
    assert english.status == CallStatus.CLOSED


# --- report: fiches not verified for 12 months --------------------------------------------

REPORT = "stale_fiches_report"


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def fiches(skeleton):
    never = make_authority("Never verified", last_verified=None)
    translate(never, "en", "Never verified (en)")
    return {
        "never": never,
        "old": make_authority("Verified long ago", last_verified=days_ago(400)),
        "year": make_authority("Verified a year ago", last_verified=days_ago(365)),
        "recent": make_authority("Verified recently", last_verified=days_ago(30)),
    }


def test_the_report_lists_fiches_not_verified_for_a_year(admin_client, fiches):
    response = admin_client.get(reverse(REPORT))

    assert response.status_code == 200
    html = response.content.decode()
    for key in ("never", "old"):
        edit_url = reverse("wagtailadmin_pages:edit", args=[fiches[key].pk])
        assert f'href="{edit_url}"' in html, key
    assert "Verified a year ago" not in html
    assert "Verified recently" not in html
    # One row per fiche, not one per language.
    assert "Never verified (en)" not in html
    assert html.index("Never verified") < html.index("Verified long ago")


def test_the_report_exports_csv(admin_client, fiches):
    response = admin_client.get(reverse(REPORT), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    titles = [row[0] for row in csv.reader(io.StringIO(body))][1:]
    assert titles == ["Never verified", "Verified long ago"]


def test_the_report_is_in_the_reports_menu(admin_client, fiches):
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) in dashboard


def test_the_report_is_for_editors_only(client, django_user_model, fiches):
    response = client.get(reverse(REPORT))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))

    client.force_login(user_with(django_user_model, "someone", "access_admin"))
    assert client.get(reverse(REPORT)).status_code == 302
    assert reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()


# --- the expressions' CSV, for people ------------------------------------------------------


def test_the_csv_opens_in_a_spreadsheet_with_accents_local_times_and_one_case(
    client, moderator, expressions
):
    expression = make_expression(expressions["water"], interested_authority="Ouédraogo")
    response = client.get(reverse(INDEX), {"export": "csv"})
    raw = b"".join(response.streaming_content)

    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads the accents
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert all(cell[:1].isupper() for cell in header), header
    row = next(row for row in rows if "Ouédraogo" in row)
    received = row[header.index("Reçue le")]
    # Local time (Europe/Paris), to the minute, as the listing shows it: no UTC, no microseconds.
    expected = timezone.localtime(expression.created_at).strftime("%Y-%m-%d %H:%M")
    assert received == expected
