import datetime as dt

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from articles.models import Article, ArticleReads
from articles.reads import record_counted_reads
from articles.services import (
    article_count_read,
    article_save,
    articles_mark_translations_current,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_missing_translation_falls_back_to_bokmal():
    article = factories.article(title="Hva er vold?", translations={"en": factories.ENGLISH})
    with translation.override("fr"):
        assert article.title == "Hva er vold?"
        assert article.content_language() == "nb"
    with translation.override("en"):
        assert article.title == "What is violence?"
        assert article.content_language() == "en"


def test_available_languages_lists_only_translated_ones():
    article = factories.article(translations={"en": factories.ENGLISH, "ar": factories.ARABIC})
    assert article.available_languages() == ["nb", "en", "ar"]


def test_editing_the_bokmal_text_makes_existing_translations_outdated():
    article = factories.article(translations={"en": factories.ENGLISH})
    assert not article.is_outdated_in("en")
    assert list(Article.objects.outdated_in("en")) == []

    article.body_nb = "<p>Ny tekst.</p>"
    article_save(article=article, changed_fields=["body_nb"])

    assert article.is_outdated_in("en")
    assert list(Article.objects.outdated_in("en")) == [article]


def test_editing_the_translation_after_the_source_makes_it_current_again():
    article = factories.article(translations={"en": factories.ENGLISH})
    article.body_nb = "<p>Ny tekst.</p>"
    article_save(article=article, changed_fields=["body_nb"])
    article.body_en = "<p>New text.</p>"
    article_save(article=article, changed_fields=["body_en"])
    assert not article.is_outdated_in("en")


def test_missing_in_lists_articles_without_that_translation():
    english = factories.article(translations={"en": factories.ENGLISH})
    norwegian_only = factories.article()
    assert list(Article.objects.missing_in("en")) == [norwegian_only]
    assert set(Article.objects.missing_in("ar")) == {english, norwegian_only}


def test_marking_translations_current_clears_outdated():
    article = factories.article(translations={"en": factories.ENGLISH})
    article.title_nb = "Ny tittel"
    article_save(article=article, changed_fields=["title_nb"])
    assert Article.objects.outdated_in("en").count() == 1

    marked = articles_mark_translations_current(articles=Article.objects.all(), language="en")

    assert marked == 1
    assert Article.objects.outdated_in("en").count() == 0


def test_script_in_body_and_translation_is_removed_on_save():
    article = factories.article(
        body='<p onclick="steal()">Tekst<script>alert(1)</script></p><img src=x onerror=alert(1)>',
        translations={
            "ar": {"title": "عنوان", "body": '<p>نص</p><a href="javascript:alert(1)">رابط</a>'}
        },
    )
    article.refresh_from_db()
    assert "script" not in article.body_nb and "onclick" not in article.body_nb
    assert "onerror" not in article.body_nb and "<img" not in article.body_nb
    assert "javascript:" not in article.body_ar
    assert article.body_nb == "<p>Tekst</p>"


def test_links_keep_safe_schemes_and_get_rel_noopener():
    article = factories.article(
        body='<p><a href="https://politiet.no">Politiet</a> <a href="tel:116006">116 006</a></p>'
    )
    assert 'href="https://politiet.no"' in article.body_nb
    assert 'href="tel:116006"' in article.body_nb
    assert 'rel="noopener noreferrer"' in article.body_nb


def test_a_slug_used_by_the_site_is_refused():
    with pytest.raises(ValidationError):
        factories.article(slug="aktuelt")


def test_bokmal_title_is_required():
    with pytest.raises(ValidationError):
        factories.article(title="")


def reader(address):
    from django.test import RequestFactory

    return RequestFactory().get("/artikler/", REMOTE_ADDR=address)


def recent_reads(article):
    return Article.objects.with_recent_reads().get(pk=article.pk).recent_reads


def test_a_reader_counts_once_a_day_without_changing_updated():
    article = factories.article()
    updated = article.updated_at
    for _reload in range(3):
        article_count_read(article=article, request=reader("192.0.2.1"))
    article_count_read(article=article, request=reader("192.0.2.2"))
    assert recent_reads(article) == 0  # counted in the cache until the most-read list is made
    record_counted_reads()
    assert recent_reads(article) == 2
    article_count_read(article=article, request=reader("192.0.2.3"))
    record_counted_reads()  # a minute has not passed: not yet
    assert recent_reads(article) == 2
    cache.delete("article-reads:recorded")
    record_counted_reads()
    assert recent_reads(article) == 3
    article.refresh_from_db()
    assert article.updated_at == updated
    # One number per article and day; nothing about the readers.
    assert list(ArticleReads.objects.values_list("article", "count")) == [(article.pk, 3)]


def test_the_same_reader_counts_again_the_next_day():
    from unittest import mock

    article = factories.article()
    article_count_read(article=article, request=reader("192.0.2.1"))
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        article_count_read(article=article, request=reader("192.0.2.1"))
        record_counted_reads()
    assert sorted(ArticleReads.objects.values_list("count", flat=True)) == [1, 1]


def test_most_read_counts_the_last_30_days_only():
    today = timezone.localdate()
    old, recent = factories.article(title="Gammel"), factories.article(title="Ny")
    ArticleReads.objects.create(article=old, day=today - dt.timedelta(days=30), count=100)
    ArticleReads.objects.create(article=old, day=today - dt.timedelta(days=29), count=2)
    ArticleReads.objects.create(article=recent, day=today, count=3)
    ranked = list(Article.objects.most_read())
    assert ranked == [recent, old]
    assert [article.recent_reads for article in ranked] == [3, 2]


def test_unpublished_and_future_articles_are_not_published():
    import datetime as dt

    from django.utils import timezone

    visible = factories.article()
    factories.article(is_published=False)
    factories.article(published_at=timezone.now() + dt.timedelta(days=2))
    assert list(Article.objects.published()) == [visible]
