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
