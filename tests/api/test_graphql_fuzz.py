"""Fuzzing /graphql/ with schemathesis (GraphQL mode) through the WSGI app, no network.

Schemathesis generates queries from the committed schema (graphql/schema.graphql, the
contract partners read) with random arguments: every answer must be below 500 and quick.
Bounded and deterministic: 28 examples for each of the 11 root fields (308 in all), with
Hypothesis derandomised (a fixed seed derived from the test) and no example database.
"""

import time
from pathlib import Path

import pytest
import schemathesis
from django.conf import settings
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings

from portal.wsgi import application
from tests.factories import small_dataset

SCHEMA_FILE = Path(settings.BASE_DIR) / "graphql" / "schema.graphql"
EXAMPLES_PER_FIELD = 28
MAX_SECONDS = 1.0

schema = schemathesis.graphql.from_path(str(SCHEMA_FILE))
schema.app = application
schema.location = "/graphql/"


@pytest.fixture
def dataset(skeleton):
    small_dataset()


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_settings(
    max_examples=EXAMPLES_PER_FIELD,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error_and_no_slow_answer(case, dataset):
    # Processor time (the server runs in this process): the machine may be shared.
    start = time.process_time()
    response = case.call()
    elapsed = time.process_time() - start
    assert response.status_code < 500, (case.body, response.text[:500])
    assert elapsed < MAX_SECONDS, (elapsed, case.body)
