import pytest
from django.core.cache import cache

from tests.questions import helpers


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and used form tokens live in the cache: each test starts clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def topic(db):
    return helpers.topic()


@pytest.fixture
def moderator(db):
    return helpers.staff("mona.m", moderator=True, role="psychologist")


@pytest.fixture
def second_moderator(db):
    return helpers.staff("sigrid.s", moderator=True, role="doctor")


@pytest.fixture
def member(db):
    return helpers.staff("kari.n", role="lawyer", topics=["foreldretvist-og-samvaer"])


@pytest.fixture
def other_member(db):
    return helpers.staff("ola.p", role="police")
