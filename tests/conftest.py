import os
import shutil

import pytest


def pytest_sessionfinish(session, exitstatus):
    """The test run's uploads (dinutvei/settings/test.py) go with it."""
    from django.conf import settings

    if settings.configured and "dinutvei-test-media-" in str(settings.MEDIA_ROOT):
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    """Browser and PostgreSQL tests skip where their part is missing, with the reason,
    but never under CI: there a missing part must fail the run."""
    if os.environ.get("CI"):
        return
    from django.db import connection

    for item in items:
        if "postgres" in item.keywords and connection.vendor != "postgresql":
            item.add_marker(
                pytest.mark.skip(
                    reason="needs PostgreSQL: set DATABASE_URL to a PostgreSQL database"
                )
            )
        if "browser" in item.keywords and not shutil.which("chromium"):
            item.add_marker(
                pytest.mark.skip(reason="needs Debian's chromium (apt-get install chromium)")
            )


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test begins with an empty cache: no page kept, no rate limit counted, and no
    pause of the page cache left by a test that took the cache away."""
    from django.core.cache import cache

    from core import page_cache

    cache.clear()
    page_cache._paused_until[0] = 0.0


@pytest.fixture(autouse=True)
def default_language():
    """Each test begins in bokmål: a request in another language leaves that language
    active in the test's thread, and a later test's reverse() would follow it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def reference_data(django_db_setup, django_db_blocker):
    """What the migrations loaded (counties, categories, staff groups …), captured once,
    before any transactional test has flushed it."""
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def restored_transactional_db(reference_data, transactional_db):
    """A transactional database (flushed after each test) with the reference data back.
    (pytest-django's serialized rollback does not survive Playwright's event loop, which
    gives a browser test a database connection of its own.)"""
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    if not Group.objects.exists():
        ContentType.objects.all().delete()  # recreated by flush with other ids
        connection.creation.deserialize_db_from_string(reference_data)


@pytest.fixture
def client():
    """pytest-django's test client, whose force_login also passes the second factor
    (tests/staff/helpers.py): the admin asks every staff session for it."""
    from tests.staff.helpers import StaffClient

    return StaffClient()


@pytest.fixture
def editor_client(client):
    """The test client logged in as an editor (group "Redaktør")."""
    from tests import factories

    client.force_login(factories.editor())
    return client
