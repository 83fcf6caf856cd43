"""Redis unreachable: the portal serves every page and form without its cache.

The cache is the production one (``redis_cache``, as settings build it from REDIS_URL)
pointed at a closed port: every cache operation fails to connect.
"""

import logging

import pytest
from django.core.cache import cache

from portal.alerts.models import AlertSubscription
from portal.interest.models import InterestExpression
from portal.settings.base import redis_cache
from tests.factories import graphql, make_authority, make_call
from tests.helpers import DAKAR_CONTACT_EMAIL as CONTACT_EMAIL
from tests.helpers import submit_interest as submit
from tests.helpers import subscribe_to_alerts as subscribe

pytestmark = pytest.mark.django_db

UNREACHABLE = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    # Through pytest-django's ``settings``, as the tests' own changes are: its overrides are
    # undone in reverse order. A separate override_settings undone before a later
    # ``settings.X = …`` would leave the unreachable cache in place for the rest of the run.
    settings.CACHES = {"default": redis_cache(UNREACHABLE)}
    cache_logger = logging.getLogger("portal.cache")
    for log_filter in cache_logger.filters:
        log_filter._last = None  # each test sees the first report of its outage


@pytest.fixture
def call(skeleton):
    authority = make_authority("Dakar", slug="dakar", contact_email=CONTACT_EMAIL)
    return make_call(authority, "Drinking water for Dakar", direction="request")


def test_the_cache_really_is_unreachable(redis_down):
    assert cache.get("anything", "missed") == "missed"


def test_public_pages_answer_without_the_cache(client, call, redis_down):
    fiche = call.get_parent().specific
    for url in ["/fr/", fiche.url, call.url, "/fr/carte/", "/fr/actualites/", "/fr/api/"]:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
    body = graphql(client, "{ mapFeatures countries { code authorities } }")
    assert "errors" not in body
    assert body["data"]["countries"] == [{"code": "SN", "authorities": 1}]


def test_an_expression_of_interest_is_saved_without_the_cache(client, call, redis_down):
    response = submit(client, call, language="en")
    assert response.status_code == 302
    assert InterestExpression.objects.get().call == call


def test_rate_limits_fail_open_and_keep_saving(client, call, settings, redis_down):
    settings.INTEREST_RATE_LIMIT = 1
    for _ in range(3):
        assert submit(client, call, language="en").status_code == 302
    assert InterestExpression.objects.count() == 3


def test_an_alert_subscription_is_saved_without_the_cache(client, skeleton, redis_down):
    response = subscribe(client, "en")
    assert response.status_code == 302
    assert AlertSubscription.objects.count() == 1


def test_the_outage_is_logged_once_without_traceback(client, call, redis_down, caplog):
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            assert client.get("/fr/").status_code == 200
    reports = [record for record in caplog.records if record.name == "portal.cache"]
    assert len(reports) == 1
    assert reports[0].exc_info is None
    assert "Cache unreachable" in reports[0].getMessage()
