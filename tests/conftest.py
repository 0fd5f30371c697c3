import os
import shutil

import pytest


def pytest_collection_modifyitems(config, items):
    """Browser and PostgreSQL tests skip where their part is missing, with the reason,
    but never under CI: there a missing part must fail the run."""
    if os.environ.get("CI"):
        return
    from django.db import connection

    for item in items:
        if "postgres" in item.keywords and connection.vendor != "postgresql":
            item.add_marker(pytest.mark.skip(
                reason="needs PostgreSQL: set DATABASE_URL to a PostgreSQL database"))
        if "browser" in item.keywords and not shutil.which("chromium"):
            item.add_marker(pytest.mark.skip(
                reason="needs Debian's chromium (apt-get install chromium)"))
