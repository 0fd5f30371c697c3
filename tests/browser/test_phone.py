"""The portal on a phone: what a person in danger must be able to reach with a thumb."""

from contextlib import contextmanager

import pytest

pytestmark = pytest.mark.browser

PHONES = [(390, 844), (320, 640)]


@contextmanager
def browser_page(browser, live_server, **options):
    """A page in a browser context of its own (a phone's viewport, a locale), closed after."""
    context = browser.new_context(base_url=live_server.url, **options)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize(("width", "height"), PHONES)
@pytest.mark.parametrize("prefix", ["", "/en", "/ar"])
def test_the_emergency_numbers_are_calls_a_thumb_can_hit(
    browser, live_server, browser_db, width, height, prefix
):
    with browser_page(browser, live_server, viewport={"width": width, "height": height}) as page:
        page.goto(f"{prefix}/")
        calls = page.locator(".emergency a[href^='tel:']")
        assert calls.count() == 5
        for index in range(calls.count()):
            box = calls.nth(index).bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, (index, box)
            # What each line is, in a line of its own, in the page's language.
            description_id = calls.nth(index).get_attribute("aria-describedby")
            assert page.locator(f"#{description_id}").is_visible()
        # Chat, for those who cannot safely call: plain links, thumb-sized.
        chats = page.locator(".emergency__chat")
        assert chats.count() == 2
        for index in range(chats.count()):
            box = chats.nth(index).bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44
        bar = page.locator(".emergency")

        assert bar.evaluate("element => element.scrollWidth <= element.clientWidth")


COVERED = """(element) => {
    element.scrollIntoView({block: "center"});
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const top = document.elementFromPoint(x, y);
    return !(top === element || element.contains(top));
}"""


@pytest.mark.parametrize(("width", "height"), [(390, 844), (320, 640), (768, 1024), (1100, 800)])
def test_quick_exit_is_always_in_reach_and_never_over_the_text(
    browser, live_server, browser_db, width, height
):
    with browser_page(browser, live_server, viewport={"width": width, "height": height}) as page:
        page.goto("/om-tjenesten/")
        exit_button = page.locator("[data-quick-exit]")
        heading = page.locator("main h1")
        assert not heading.evaluate(COVERED)
        # Scrolled to the end: the exit is still on screen, and the last words are not under it.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        last = page.locator("footer p").last
        # (as the page is: scrolled as far as it goes, which leaves room above the bar)
        assert not last.evaluate(COVERED.replace('element.scrollIntoView({block: "center"});', ""))
        box = exit_button.bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= height
        assert box["height"] >= 44
        if width < 768:
            # On a phone the exit sits at the bottom, where a thumb reaches, beside 112.
            assert box["y"] > height / 2
            call = page.locator(".quick-exit a[href='tel:112']")
            assert call.is_visible() and call.bounding_box()["height"] >= 44
        else:
            assert box["y"] < height / 2


def test_a_form_sent_back_puts_its_errors_in_view_and_in_focus(browser, live_server, browser_db):
    with browser_page(browser, live_server, viewport={"width": 390, "height": 844}) as page:
        page.goto("/sporsmal/still-et-sporsmal/")
        page.locator("form button[value='send']").click()
        page.wait_for_load_state("load")
        focused = page.evaluate("() => document.activeElement && document.activeElement.className")
        assert "form-errors" in focused
        box = page.locator(".form-errors__summary").bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= 844


@pytest.fixture
def demo_content(browser_db):
    import io

    from django.core.management import call_command

    call_command("load_demo_data", stdout=io.StringIO())


@pytest.mark.parametrize("width", [390, 320])
def test_no_page_scrolls_sideways_on_a_phone(browser, live_server, demo_content, width):
    """WCAG 1.4.10 (reflow), in bokmål, English and Arabic, with the language menu open."""
    from articles.models import Article
    from questions.models import Question

    article = Article.objects.published().first().slug
    question = Question.objects.published().exclude(public_slug=None).first().public_slug
    paths = [
        "/",
        "/tjenester/?q=0150",
        "/tjenester/krisesenteret-i-oslo-demo/",
        f"/artikler/{article}/",
        "/sporsmal/still-et-sporsmal/",
        "/sporsmal/les-svar/",
        f"/sporsmal/{question}/",
        "/om-tjenesten/",
        "/finnes-ikke/",
    ]
    wide = []
    with browser_page(browser, live_server, viewport={"width": width, "height": 800}) as page:
        for prefix in ("", "/en", "/ar"):
            for path in paths:
                page.goto(prefix + path)
                page.evaluate(
                    "() => { const menu = document.querySelector('.language-switcher');"
                    " if (menu) menu.open = true; }"
                )
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > width:
                    wide.append(f"{prefix}{path}: {scroll} px")
    assert wide == []


@pytest.mark.parametrize(
    ("locale", "offered"),
    [("ar-SA", "/ar/"), ("pl-PL", "/pl/"), ("nb-NO", None), ("de-DE", None)],
)
def test_the_browsers_language_is_offered_without_a_redirect_or_cookie(
    browser, live_server, browser_db, locale, offered
):
    with browser_page(browser, live_server, locale=locale) as page:
        page.goto("/")
        assert page.url == f"{live_server.url}/"  # no redirect
        offers = page.locator(".language-offer a")
        if offered is None:
            assert offers.count() == 0
        else:
            assert offers.get_attribute("href") == offered
            assert offers.get_attribute("lang") == offered.strip("/")
            assert offers.is_visible()
        assert page.context.cookies() == []
        # On the page in that language, nothing more is offered.
        if offered:
            page.goto(offered)
            assert page.locator(".language-offer").count() == 0
