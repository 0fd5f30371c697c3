"""The production smoke stage: one stack for the whole session (see stack.py).

It needs nginx (with the brotli modules), redis-server, openssl and PostgreSQL on
127.0.0.1:5432; without them the tests skip with the reason, except under CI, where a
missing part fails the run."""

import os

import pytest

from .stack import Stack, find_link, missing_parts

# Module order: the faults come after the healthy stack has been looked at.
MODULE_ORDER = ["test_stack.py", "test_page_cache.py", "test_faults.py"]


def pytest_collection_modifyitems(config, items):
    """Run this folder's modules in MODULE_ORDER (not alphabetically), keeping every other
    test where it was."""
    here = os.path.dirname(__file__)
    slots = [index for index, item in enumerate(items) if str(item.path).startswith(here)]

    def rank(item):
        name = item.path.name
        return MODULE_ORDER.index(name) if name in MODULE_ORDER else len(MODULE_ORDER)

    ordered = sorted((items[index] for index in slots), key=rank)
    for index, item in zip(slots, ordered, strict=True):
        items[index] = item


def require(parts):
    """Skip for what is missing, or fail under CI, where nothing may be skipped."""
    if parts:
        message = "the production stack needs " + "; ".join(parts)
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this fails instead of skipping)")
        pytest.skip(message)


@pytest.fixture(scope="session")
def stack():
    require(missing_parts())
    running = Stack()
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def sample_paths(stack):
    """Pages whose address the demo data decides, found as a visitor finds them (bokmål)."""
    found = {}
    for name, page, pattern in [
        ("service", "/tjenester/?q=0150", r"^/tjenester/(?!kart\.geojson|kategori/)[\w-]+/$"),
        ("article", "/artikler/", r"^/artikler/(?!aktuelt/|for/|tema/|lettlest/)[\w-]+/$"),
    ]:
        found[name] = find_link(stack.fetch(page).text, pattern)
        assert found[name], f"no link to a {name} on {page}"
    return found
