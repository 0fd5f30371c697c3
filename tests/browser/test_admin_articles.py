import pytest

from articles.models import translation_languages
from tests import factories
from tests.staff.helpers import log_in

pytestmark = pytest.mark.browser


def test_the_article_list_shows_every_translation_at_a_laptops_width(page):
    """On a 1366 px screen the list fits: the translation column (every language, one of
    them outdated) is inside the window, not cut off."""
    editor = factories.editor()
    everything = {code: {"title": f"Title {code}"} for code in translation_languages()}
    article = factories.article(
        title="Når partneren kontrollerer økonomien din", translations=everything
    )
    article.body_nb = "<p>Endret etter oversettelsen.</p>"
    from articles.services import article_save

    article_save(article=article, changed_fields=["body_nb"])
    page.set_viewport_size({"width": 1366, "height": 800})
    log_in(page, username=editor.username)
    page.goto("/admin/articles/article/")
    page.screenshot(path="/tmp/admin-articles.png")
    results = page.locator("#changelist .results")
    assert results.evaluate("element => element.scrollWidth <= element.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    column = page.locator("td.field-translations_display").first
    languages = len(translation_languages())
    assert column.inner_text().startswith(f"{languages} av {languages}")
    assert column.locator("abbr").count() == languages


def test_an_editor_writes_a_body_with_the_rich_text_editor(page):
    """The editor runs under the strict Content-Security-Policy (a violation is a console
    error, which fails the test) and what it makes is saved, cleaned, as HTML."""
    editor = factories.editor()
    log_in(page, username=editor.username)
    page.goto("/admin/articles/article/add/")
    page.fill("#id_slug", "hjelp-nar-du-er-redd")
    page.fill("#id_title_nb", "Hjelp når du er redd")
    body = page.locator(".field-body_nb [contenteditable=true]")
    body.click()
    page.keyboard.type("Du kan ringe ")
    page.keyboard.press("Control+b")
    page.keyboard.type("116 006")
    page.keyboard.press("Control+b")
    page.keyboard.type(" hele døgnet.")
    # The plain text box is there for a browser without JavaScript, hidden by the editor.
    assert not page.locator("#id_body_nb").is_visible()
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/article/")
    from articles.models import Article

    saved = Article.objects.get(slug="hjelp-nar-du-er-redd")
    assert saved.body_nb == "<p>Du kan ringe <strong>116 006</strong> hele døgnet.</p>"
    assert page.outside_requests == []
