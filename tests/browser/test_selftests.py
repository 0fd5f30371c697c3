"""In headless Chromium: a self-test from the list to its tailored result, with JavaScript
off (every statement on one page) and on (one at a time), leaving no cookie, no answer in
the address and no extra step in the history; and axe-core's WCAG 2.1 AA check and reflow
at 320 px of the result."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.browser

SLUG = "er-forholdet-mitt-trygt"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The elements that reach beyond a 320 px screen (reflow, WCAG 1.4.10), to name the culprit.
WIDER_THAN_THE_SCREEN = """() => Array.from(document.querySelectorAll("body *"))
    .filter((element) => element.getBoundingClientRect().right > 320.5
        || element.getBoundingClientRect().left < -0.5)
    .filter((element) => element.getClientRects().length)
    .map((element) => element.tagName + "." + element.className)"""


@pytest.fixture
def selftests(browser_db):
    call_command("load_demo_articles", stdout=io.StringIO())
    call_command("load_demo_selftests", stdout=io.StringIO())


def open_context(browser, live_server, **options):
    return browser.new_context(base_url=live_server.url, locale="nb-NO", **options)


def answer_without_javascript(page, *, yes_to):
    """Answer every statement "no" but the ones whose text contains `yes_to`."""
    groups = page.locator("fieldset.selftest-statement")
    for index in range(groups.count()):
        group = groups.nth(index)
        text = group.locator("legend").inner_text()
        value = "yes" if yes_to and yes_to in text else "no"
        group.locator(f"input[value='{value}']").check()


def test_without_javascript_from_the_list_to_the_safety_result(browser, live_server, selftests):
    from playwright.sync_api import Error as PlaywrightError

    context = open_context(browser, live_server, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/selvtester/")
        page.get_by_role("link", name="Er forholdet mitt trygt?").click()
        test_url = f"{live_server.url}/selvtester/{SLUG}/"
        assert page.url == test_url
        # Every statement is on the page at once, each a radio group with its legend.
        statements = page.locator("fieldset.selftest-statement")
        assert statements.count() == 13
        assert all(statements.nth(i).is_visible() for i in range(statements.count()))
        answer_without_javascript(page, yes_to="dyttet, slått")
        page.locator("[data-selftest-submit]").click()
        page.wait_for_load_state("load")

        assert page.locator("h1").inner_text() == "Din sikkerhet kommer først"
        assert page.locator(".selftest-lines a[href='tel:112']").count() == 1
        assert page.url == test_url  # the result is the POST's answer: no answer in the URL
        assert context.cookies() == []
        # The nearest crisis shelter, by place, through the service search.
        page.locator("#selftest-place").fill("0150")
        page.locator(".selftest-nearby select").select_option("krisesenter")
        page.locator(".selftest-nearby button[type='submit']").click()
        assert "/tjenester/?q=0150&category=krisesenter" in page.url
        assert context.cookies() == []
        # Back: the browser kept no copy of the result (no-store), so it cannot show it
        # again without sending the answers anew, which it asks before doing.
        # Chromium refuses with ERR_CACHE_MISS, or (on a busy machine) has already swapped
        # its error page in for ours when Playwright asks for the history.
        with pytest.raises(PlaywrightError, match="ERR_CACHE_MISS|Not attached to an active page"):
            page.go_back()
    finally:
        context.close()


def test_with_javascript_one_statement_at_a_time_to_the_calm_result(
    browser, live_server, selftests
):
    context = open_context(browser, live_server)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        test_url = f"{live_server.url}/selvtester/{SLUG}/"
        page.goto(test_url)
        entries = page.evaluate("history.length")
        steps = page.locator("fieldset.selftest-statement")
        total = steps.count()
        assert page.locator("fieldset.selftest-statement:visible").count() == 1
        progress = page.locator("[data-selftest-progress]")
        assert (
            progress.is_visible()
            and f"1 av {total}" in progress.inner_text()
            or (f"1 of {total}" in progress.inner_text())
        )
        submit = page.locator("[data-selftest-submit]")
        assert not submit.is_visible()
        next_button = page.locator(".selftest__nav .button:not(.button--secondary)")
        back_button = page.locator(".selftest__nav .button--secondary")
        assert not back_button.is_visible()

        # Answer the first, go on, come back: the answer is still there.
        steps.nth(0).locator("input[value='no']").check()
        next_button.click()
        assert steps.nth(1).is_visible() and not steps.nth(0).is_visible()
        back_button.click()
        assert steps.nth(0).locator("input[value='no']").is_checked()
        assert page.evaluate("document.activeElement.tagName") == "LEGEND"
        for index in range(total):
            steps.nth(index).locator("input[value='no']").check()
            if index < total - 1:
                next_button.click()
        assert submit.is_visible()
        assert f"{total} av {total}" in progress.inner_text() or (
            f"{total} of {total}" in progress.inner_text()
        )
        submit.click()
        page.wait_for_load_state("load")

        assert page.locator("h1").inner_text() == "Du kjente deg ikke igjen i tegnene"
        assert page.locator(".selftest-danger").count() == 0
        assert page.url == test_url
        assert "?" not in page.url
        assert context.cookies() == []
        # One entry more, for the result: the steps added none.
        assert page.evaluate("history.length") == entries + 1
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0
        # Back: the test again, with no answer filled in, at its first statement.
        page.go_back()
        assert page.url == test_url
        assert page.locator("input[type='radio'][name^='s']:checked").count() == 0
        assert steps.nth(0).is_visible() and not steps.nth(1).is_visible()
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("prefix", ["", "/en", "/ar"])
def test_the_result_passes_axe_and_fits_a_phone(browser, live_server, selftests, prefix):
    from axe_playwright_python.sync_playwright import Axe

    context = open_context(browser, live_server, viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(f"{prefix}/selvtester/{SLUG}/")
        # With JavaScript: through every step, a physical sign and a digital one answered yes.
        steps = page.locator("fieldset.selftest-statement")
        next_button = page.locator(".selftest__nav .button:not(.button--secondary)")
        for index in range(steps.count()):
            steps.nth(index).locator(
                "input[value='yes']" if index in (6, 10) else "input[value='no']"
            ).check()
            if index < steps.count() - 1:
                next_button.click()
        page.locator("[data-selftest-submit]").click()
        page.wait_for_load_state("load")
        assert page.locator(".selftest-danger").is_visible()
        assert page.locator(".selftest-kinds li").count() == 2

        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        assert results.response["passes"], "axe-core did not run"
        assert results.violations_count == 0, results.generate_report()
        wide = page.evaluate(WIDER_THAN_THE_SCREEN)
        assert wide == [], wide
        calls = page.locator("main a[href^='tel:']")
        for index in range(calls.count()):
            call = calls.nth(index)
            if call.is_visible():
                assert call.bounding_box()["height"] >= 44, call.inner_text()
        assert context.cookies() == []
    finally:
        context.close()
