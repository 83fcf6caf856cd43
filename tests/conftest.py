import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def skeleton(db):
    """Locales, taxonomy and the page skeleton in every language, as bootstrap_portal makes them."""
    from cms.bootstrap import ensure_skeleton

    return ensure_skeleton()
