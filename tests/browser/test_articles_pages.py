"""Articles in a real browser: Arabic right to left, and axe-core (WCAG 2.1 A and AA) on the
home page, an article, a section page and the search page, in bokmål and Arabic."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests import factories

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def content():
    group = factories.target_group(
        "utsatt", nb="Utsatt for vold", en="Subjected to violence", ar="من تعرّضوا للعنف"
    )
    factories.target_group("parorende", nb="Pårørende", en="Relatives")
    topic = factories.topic("krisesenter", nb="Krisesenter", en="Crisis shelters")
    article = factories.article(
        slug="hva-er-vold",
        title="Hva er vold?",
        summary="Vold er mer enn slag.",
        body="<p>Vold kan være fysisk, psykisk, seksuell eller økonomisk.</p>"
        "<h2>Hjelp</h2><ul><li>Ring 116 006</li><li>Kontakt et krisesenter</li></ul>",
        target_groups=[group],
        topics=[topic],
        translations={
            "en": factories.ENGLISH,
            "ar": {
                "title": "ما هو العنف؟",
                "summary": "العنف أكثر من الضرب.",
                "body": "<p>يمكن أن يكون العنف جسديًا أو نفسيًا أو جنسيًا أو اقتصاديًا.</p>"
                "<h2>المساعدة</h2><ul><li>اتصل بالرقم 116 006</li></ul>",
            },
        },
    )
    factories.article(
        slug="bare-norsk",
        title="Bare på norsk",
        target_groups=[group],
        body="<p>Denne artikkelen finnes bare på norsk om vold.</p>",
    )
    return {"article": article, "group": group}


def test_an_arabic_article_is_laid_out_right_to_left(page, content):
    page.goto("/ar/artikler/hva-er-vold/")
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    heading = page.locator("article.article h1")
    assert heading.inner_text() == "ما هو العنف؟"
    assert heading.evaluate("element => getComputedStyle(element).direction") == "rtl"
    # The text starts at the right: the heading's right edge is at the content's right edge.
    box = heading.bounding_box()
    main = page.locator("main").bounding_box()
    assert abs((box["x"] + box["width"]) - (main["x"] + main["width"])) < 40
    assert page.outside_requests == []


def test_a_bokmal_fallback_in_an_arabic_page_reads_left_to_right(page, content):
    page.goto("/ar/artikler/bare-norsk/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    article = page.locator("article.article")
    assert article.get_attribute("lang") == "nb"
    assert article.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert page.locator("#fallback-heading").is_visible()


def test_the_language_switcher_leads_to_the_same_article(page, content):
    page.goto("/artikler/hva-er-vold/")
    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher a[hreflang='ar']").click()
    page.wait_for_url("**/ar/artikler/hva-er-vold/")
    assert page.locator("article.article h1").inner_text() == "ما هو العنف؟"


def test_feedback_is_sent_and_thanked_without_a_cookie(page, content):
    page.goto("/artikler/hva-er-vold/")
    page.locator("#feedback_helpful_1").check()  # "No"
    page.locator("#feedback_comment").fill("Savner mer om økonomisk vold.")
    page.locator(".page-feedback button[type=submit]").click()
    page.wait_for_url("**/artikler/hva-er-vold/?feedback=thanks*")
    assert page.locator("#page-feedback-heading").is_visible()
    assert page.context.cookies() == []
    from core.models import PageFeedback

    assert PageFeedback.objects.get().comment == "Savner mer om økonomisk vold."


@pytest.mark.parametrize("language", ["nb", "ar"])
@pytest.mark.parametrize(
    "path",
    ["/", "/artikler/hva-er-vold/", "/artikler/for/utsatt/", "/sok/?q=vold", "/sok/?q=xqzzy"],
)
def test_pages_have_no_wcag_21_aa_violations(page, content, language, path):
    prefix = "" if language == "nb" else f"/{language}"
    page.goto(prefix + path)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results.response["passes"], "axe-core did not run"
    assert results.violations_count == 0, results.generate_report()


def test_a_script_in_an_article_or_its_translation_is_not_executed(page, content):
    from articles.models import Article

    payload = (
        "<p>Tekst</p><script>window.injected = 1</script>"
        '<img src="x" onerror="window.injected = 2">'
        '<a href="javascript:window.injected = 3" id="evil">lenke</a>'
    )
    # Straight into the database, past the sanitiser on save: rendering must clean it too.
    Article.objects.filter(pk=content["article"].pk).update(body_nb=payload, body_ar=payload)
    for path in ["/artikler/hva-er-vold/", "/ar/artikler/hva-er-vold/"]:
        page.goto(path)
        assert page.evaluate("typeof window.injected") == "undefined"
        assert page.locator("article.article script").count() == 0
        assert page.locator("article.article img").count() == 0
        assert page.locator("#evil").count() == 0 or not (
            page.locator("#evil").get_attribute("href") or ""
        ).startswith("javascript:")
