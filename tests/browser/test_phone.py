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


# The page types a person meets, in the three languages the issue was tried in; each phone
# speaks the page's language, as a person's own phone would.
PREFIXES = {"": "nb-NO", "/en": "en-GB", "/ar": "ar"}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def page_types():
    from articles.models import Article
    from questions.models import Question

    article = Article.objects.published().first().slug
    question = Question.objects.published().exclude(public_slug=None).first().public_slug
    return [
        "/",
        "/tjenester/?q=0150",
        "/tjenester/krisesenteret-i-oslo-demo/",
        "/tjenester/krisesentre/plasser/",
        "/tjenester/kommune/5628/",
        "/tjenester/kommune/0301/foresla-tjeneste/",
        f"/artikler/{article}/",
        "/artikler/lettlest/",
        "/artikler/voldtekt-hva-na/lettlest/",
        "/sporsmal/still-et-sporsmal/",
        "/sporsmal/les-svar/",
        f"/sporsmal/{question}/",
        "/om-tjenesten/",
        "/apne-data/",
        "/materiell/",
        "/materiell/bestill/",
        "/materiell/bestill/takk/",
        "/selvtester/",
        "/selvtester/er-forholdet-mitt-trygt/",
        "/filmer/",
        "/filmer/demofilm-slik-far-du-hjelp/",
        "/finnes-ikke/",
    ]


@pytest.mark.parametrize(("width", "height"), PHONES)
@pytest.mark.parametrize("prefix", list(PREFIXES))
def test_every_page_type_fits_a_phone(browser, live_server, demo_content, width, height, prefix):
    """Reflow (WCAG 1.4.10) with the menu and the language list open, every call a thumb can
    hit (prose included), and axe-core's WCAG 2.1 AA rules."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    with browser_page(
        browser, live_server, viewport={"width": width, "height": height}, locale=PREFIXES[prefix]
    ) as page:
        for path in page_types():
            url = prefix + path
            page.goto(url)
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
            assert results.response["passes"], "axe-core did not run"
            if results.violations_count:
                problems.append(f"{url}: {results.generate_report()}")
            calls = page.locator("a[href^='tel:']")
            for index in range(calls.count()):
                call = calls.nth(index)
                if call.is_visible() and call.bounding_box()["height"] < 44:
                    problems.append(f"{url}: {call.inner_text()!r} is a small target")
            # (the error pages have neither: they need no database and no cache)
            if page.locator("[data-site-menu-toggle]").count():
                page.locator("[data-site-menu-toggle]").click()
                page.evaluate("document.querySelector('.language-switcher').open = true")
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                problems.append(f"{url}: {scroll} px wide")
    assert problems == []


def below_the_first_screen(page, locator):
    """Whether any of the element lies below the first screen, the exit bar being part of
    the screen's bottom edge on a phone."""
    edge = page.locator(".quick-exit").bounding_box()["y"]
    box = locator.bounding_box()
    return box["y"] < 0 or box["y"] + box["height"] > edge


@pytest.mark.parametrize(("width", "height"), PHONES)
@pytest.mark.parametrize("prefix", list(PREFIXES))
def test_the_help_itself_is_in_the_first_screen(
    browser, live_server, demo_content, width, height, prefix
):
    with browser_page(
        browser, live_server, viewport={"width": width, "height": height}, locale=PREFIXES[prefix]
    ) as page:
        page.goto(f"{prefix}/tjenester/?q=0150")
        # (the services that serve the place's municipality come first, then the nearest)
        first = page.locator("main .service-list .service-card__name").first
        assert first.inner_text()
        assert not below_the_first_screen(page, first)

        page.goto(f"{prefix}/tjenester/krisesenteret-i-oslo-demo/")
        for part in ("main h1", ".open-status", ".service-detail__call a[href^='tel:']"):
            assert not below_the_first_screen(page, page.locator(part)), part


def test_the_phone_menu_folds_and_opens_and_shows_without_javascript(
    browser, live_server, browser_db
):
    phone = {"viewport": {"width": 390, "height": 844}, "locale": "nb-NO"}
    with browser_page(browser, live_server, **phone) as page:
        page.goto("/")
        find_help = page.locator(".site-nav a").first
        assert not find_help.is_visible()
        toggle = page.locator("[data-site-menu-toggle]")
        assert toggle.bounding_box()["height"] >= 44
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert find_help.is_visible() and page.locator("#site-search-q").is_visible()
        find_help.focus()
        page.keyboard.press("Escape")
        assert not find_help.is_visible()
        assert page.evaluate("document.activeElement.dataset.siteMenuToggle") == ""
    with browser_page(browser, live_server, java_script_enabled=False, **phone) as page:
        page.goto("/")
        assert page.locator(".site-nav a").first.is_visible()
        assert not page.locator("[data-site-menu-toggle]").is_visible()
    with browser_page(browser, live_server, viewport={"width": 1280, "height": 800}) as page:
        page.goto("/")
        assert page.locator(".site-nav a").first.is_visible()
        assert not page.locator("[data-site-menu-toggle]").is_visible()


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
