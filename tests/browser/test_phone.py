"""The portal on a phone: what a person in danger must be able to reach with a thumb."""

import pytest

pytestmark = pytest.mark.browser

PHONES = [(390, 844), (320, 640)]


@pytest.mark.parametrize(("width", "height"), PHONES)
@pytest.mark.parametrize("prefix", ["", "/en", "/ar"])
def test_the_emergency_numbers_are_calls_a_thumb_can_hit(
    browser, live_server, browser_db, width, height, prefix
):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": height}
    )
    page = context.new_page()
    try:
        page.goto(f"{prefix}/")
        calls = page.locator(".emergency a[href^='tel:']")
        assert calls.count() == 5
        for index in range(calls.count()):
            box = calls.nth(index).bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, (index, box)
            # What each line is, in a line of its own, in the page's language.
            description_id = calls.nth(index).get_attribute("aria-describedby")
            assert page.locator(f"#{description_id}").is_visible()
        bar = page.locator(".emergency")
        assert bar.evaluate("element => element.scrollWidth <= element.clientWidth")
    finally:
        context.close()
