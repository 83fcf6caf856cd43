"""What the ministry's announcement of the Bourse promises every visitor: a call on the portal
is no promise of co-financing; the notice is on every call, on the interest form and in the
API's terms of use, in each of the five languages."""

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import make_authority, make_call

pytestmark = pytest.mark.django_db

NOTICE = (
    "Publishing a partnership call on the Bourse does not imply that the Ministry for Europe "
    "and Foreign Affairs co-finances the project."
)
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def notice_in(code):
    with translation.override(code):
        return gettext(NOTICE)


@pytest.fixture
def call(skeleton):
    return make_call(make_authority("Dakar"), "Drinking water for Dakar")


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_call_page_says_publication_is_no_cofinancing(client, call, code):
    response = client.get(f"/{code}/fiches/{call.get_parent().slug}/{call.slug}/")
    assert response.status_code == 200
    assert notice_in(code) in response.content.decode()


def test_a_closed_call_says_it_too(client, skeleton):
    closed = make_call(make_authority("Thiès"), "Closed call", status="closed")
    response = client.get(closed.url)
    assert notice_in("fr") in response.content.decode()


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_interest_form_says_it(client, call, code):
    response = client.get(f"/{code}/interet/{call.pk}/")
    assert response.status_code == 200
    assert notice_in(code) in response.content.decode()


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_api_terms_say_it(client, skeleton, code):
    response = client.get(f"/{code}/api/")
    html = response.content.decode()
    assert 'id="terms"' in html
    terms = html[html.index('id="terms"') :]
    assert notice_in(code) in terms
