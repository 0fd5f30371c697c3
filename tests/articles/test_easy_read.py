"""Easy-read versions (lettlest): written per language, found from the article, shown in
the reader's language or else in bokmål with a notice, and cleaned like any article HTML."""

import pytest
from django.core.exceptions import ValidationError

from articles.reads import record_counted_reads
from articles.services import article_save
from tests import factories

pytestmark = pytest.mark.django_db

EASY = "<h2>Det er ikke din skyld</h2><p>Du kan få hjelp.</p>"


def easy_article(**fields):
    return factories.article(
        title="Hva er vold?",
        slug="hva-er-vold",
        translations={"en": factories.ENGLISH},
        easy_read_title_nb="Vold fra noen som står deg nær",
        easy_read_body_nb=EASY,
        **fields,
    )


def test_the_article_leads_to_its_easy_read_version(client):
    easy_article()
    html = client.get("/artikler/hva-er-vold/").content.decode()
    assert 'href="/artikler/hva-er-vold/lettlest/"' in html
    page = client.get("/artikler/hva-er-vold/lettlest/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1>Vold fra noen som står deg nær</h1>" in html
    assert "Det er ikke din skyld" in html
    assert 'href="/artikler/hva-er-vold/"' in html  # back to the whole article
    assert 'class="prose prose--easy-read"' in html
    assert not page.cookies


def test_an_article_without_one_offers_none(client):
    factories.article(slug="uten")
    assert "/artikler/uten/lettlest/" not in client.get("/artikler/uten/").content.decode()
    assert client.get("/artikler/uten/lettlest/").status_code == 404


def test_the_readers_own_language_first_then_bokmal_with_a_notice(client):
    article = easy_article()
    # In English the article exists, its easy-read version only in bokmål: the English page
    # does not offer it, but the address gives the bokmål text with the notice.
    html = client.get("/en/artikler/hva-er-vold/").content.decode()
    assert "/en/artikler/hva-er-vold/lettlest/" not in html
    html = client.get("/en/artikler/hva-er-vold/lettlest/").content.decode()
    assert 'id="fallback-heading"' in html and "Det er ikke din skyld" in html
    assert 'lang="nb"' in html
    article.easy_read_body_en = "<p>It is not your fault.</p>"
    article_save(article=article, changed_fields=["easy_read_body_en"])
    assert (
        'href="/en/artikler/hva-er-vold/lettlest/"'
        in client.get("/en/artikler/hva-er-vold/").content.decode()
    )
    html = client.get("/en/artikler/hva-er-vold/lettlest/").content.decode()
    assert "It is not your fault." in html and 'id="fallback-heading"' not in html
    # No easy-read title in English: the English article's title stands in.
    assert f"<h1>{factories.ENGLISH['title']}</h1>" in html


def test_easy_read_html_is_cleaned_and_its_line_endings_made_alike():
    article = easy_article()
    article.easy_read_body_nb = '<p onclick="x()">Trygg\r\ntekst</p><script>alert(1)</script>'
    article_save(article=article, changed_fields=["easy_read_body_nb"])
    article.refresh_from_db()
    assert article.easy_read_body_nb == "<p>Trygg\ntekst</p>"


def test_changing_the_easy_read_text_leaves_translations_up_to_date():
    article = easy_article()
    assert not article.is_outdated_in("en")
    article.easy_read_body_nb = "<p>Ny lettlest tekst.</p>"
    article_save(article=article, changed_fields=["easy_read_body_nb"])
    assert not article.is_outdated_in("en")


def test_reading_the_easy_read_version_is_a_read_of_the_article(client):
    article = easy_article()
    client.get("/artikler/hva-er-vold/lettlest/", REMOTE_ADDR="192.0.2.1")
    client.get("/artikler/hva-er-vold/", REMOTE_ADDR="192.0.2.1")  # the same reader
    record_counted_reads()
    from articles.models import Article

    assert Article.objects.with_recent_reads().get(pk=article.pk).recent_reads == 1


def test_the_easy_read_list_has_the_readers_language_or_bokmal(client):
    easy_article()
    factories.article(
        title="Krisesenter", slug="krisesenter", easy_read_body_nb="<p>Et trygt sted.</p>"
    )
    factories.article(title="Uten", slug="uten")
    html = client.get("/artikler/lettlest/").content.decode()
    assert html.index("Krisesenter") < html.index("Vold fra noen som står deg nær")
    assert "/artikler/uten/" not in html
    assert client.get("/en/artikler/lettlest/").status_code == 200


def test_the_easy_read_list_is_not_an_article_slug():
    with pytest.raises(ValidationError):
        factories.article(slug="lettlest")


@pytest.mark.parametrize("query", ["?page=x", "?q=%00", "?language=zz&feedback=<b>", "?place=0150"])
def test_junk_parameters_give_the_page(client, query):
    easy_article()
    assert client.get("/artikler/hva-er-vold/lettlest/" + query).status_code == 200
    assert client.get("/artikler/lettlest/" + query).status_code == 200


def test_the_admin_filters_articles_with_and_without_easy_read_in_bokmal(client):
    client.force_login(factories.editor())
    easy_article()
    factories.article(title="Uten lettlest", slug="uten")
    with_one = client.get("/admin/articles/article/?easy_read=yes").content.decode()
    without = client.get("/admin/articles/article/?easy_read=no").content.decode()
    assert "Hva er vold?" in with_one and "Uten lettlest" not in with_one
    assert "Uten lettlest" in without and "Hva er vold?" not in without
