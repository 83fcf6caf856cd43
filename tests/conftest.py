import pytest
from django.core.cache import cache

from cms.bootstrap import ensure_skeleton, find_skeleton


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the skeleton once per test database: each test then rolls back to it.

    Transactional tests (the browser ones) flush the database and run last; they rebuild it.
    """
    with django_db_blocker.unblock():
        ensure_skeleton()


@pytest.fixture
def skeleton(db):
    """Locales, taxonomy and the page skeleton in every language, as bootstrap_portal makes them."""
    return find_skeleton() or ensure_skeleton()
