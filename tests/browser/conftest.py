"""Headless Chromium (Debian's) driven by Playwright, against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, which Django's ORM refuses
to run beside unless told it is safe: these tests are single-threaded, so it is.
"""

import os

import pytest

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Where the quick-exit button leads in tests: answered by the test itself, no network.
NEUTRAL_PAGE = "<!DOCTYPE html><html lang='nb'><title>Været</title><h1>Været i dag</h1></html>"


@pytest.fixture(scope="session")
def browser(reference_data):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_db(restored_transactional_db):
    """The live server needs a transactional database (see tests/conftest.py)."""


@pytest.fixture
def page(browser, live_server, browser_db):
    """A fresh browser context on the live server. Requests to anywhere but the live server
    are answered with a neutral page (the quick-exit target) and recorded, so a test can
    prove that nothing else is contacted. Console errors, CSP violations included, fail
    the test."""
    context = browser.new_context(base_url=live_server.url, locale="nb-NO")
    page = context.new_page()
    page.outside_requests = []
    page.console_errors = []

    def outside(route):
        page.outside_requests.append(route.request.url)
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=NEUTRAL_PAGE)

    context.route(lambda url: not url.startswith(live_server.url), outside)
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()
    assert page.console_errors == [], "\n".join(page.console_errors)
