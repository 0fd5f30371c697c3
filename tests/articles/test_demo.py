import datetime as dt
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.demo import load_demo_articles
from articles.models import Article, NewsItem
from articles.search import search_documents
from core.models import TargetGroup, Topic

pytestmark = pytest.mark.django_db

TINY = Path(__file__).parent / "data" / "tiny_demo.json"
DEMO = Path(__file__).resolve().parents[2] / "articles" / "data" / "demo_articles.json"


def test_loading_creates_sections_articles_translations_and_news():
    # The site's four target groups exist from the start (core/migrations/0004): the file
    # names two of them, and their texts become the file's.
    report = load_demo_articles(TINY)
    assert report.created == 2
    assert set(TargetGroup.objects.values_list("slug", flat=True)) == {
        "utsatt",
        "parorende",
        "utover",
        "fagfolk",
    }
    utsatt = TargetGroup.objects.get(slug="utsatt")
    assert utsatt.name_ar == "من تعرّضوا للعنف"
    assert utsatt.description_nb == "For deg som blir utsatt."
    assert Topic.objects.get(slug="krisesenter").name_en == "Crisis shelters"
    article = Article.objects.get(slug="hva-er-et-krisesenter")
    assert article.available_languages() == ["nb", "en", "ar"]
    assert article.quality_assured_on == dt.date(2026, 10, 1)
    assert "<script>" not in article.body_nb
    assert [c.slug for c in article.service_categories.all()] == ["krisesenter"]
    assert [a.slug for a in article.related.all()] == ["om-fagfolk"]
    assert not any(article.is_outdated_in(code) for code in ("en", "ar"))
    assert NewsItem.objects.get().title_en == "New portal"
    assert search_documents("krisesenter", language="nb")
    assert "Unknown service category: finnes-ikke" in report.warnings
    assert "Unknown related article: ukjent-artikkel" in report.warnings


def test_loading_again_changes_nothing():
    load_demo_articles(TINY)
    before = {a.slug: a.updated_at for a in Article.objects.all()}
    report = load_demo_articles(TINY)
    assert (report.created, report.updated) == (0, 0)
    assert {a.slug: a.updated_at for a in Article.objects.all()} == before
    assert Article.objects.count() == 2
    assert TargetGroup.objects.count() == 4


def test_the_command_refuses_a_missing_or_broken_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("load_demo_articles", tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("load_demo_articles", broken)


@pytest.mark.skipif(not DEMO.exists(), reason="the demo articles are not written yet")
def test_the_demo_content_loads_and_covers_every_target_group():
    call_command("load_demo_articles", DEMO)
    for group in TargetGroup.objects.all():
        assert group.articles.exists(), group.slug
    assert Article.objects.count() == Article.objects.missing_in("fr").count()
    assert Article.objects.translated_in("en").count() == Article.objects.count()
    assert Article.objects.translated_in("ar").count() >= 2
    assert Article.objects.translated_in("pl").count() >= 2


def test_the_demo_has_easy_read_versions_of_key_articles_and_loads_them_once():
    load_demo_articles(DEMO)
    easy = [article for article in Article.objects.all() if article.has_easy_read("nb")]
    assert len(easy) >= 5
    assert sum(article.has_easy_read("en") for article in easy) >= 3
    # Cleaned like any body, and a second load changes nothing.
    assert all("<script" not in article.easy_read_body_nb for article in easy)
    report = load_demo_articles(DEMO)
    assert (report.created, report.updated) == (0, 0)


def test_loading_keeps_the_translations_the_file_does_not_have():
    from core.models import TargetGroup

    nynorsk = TargetGroup.objects.get(slug="utsatt").name_nn
    assert nynorsk
    load_demo_articles(DEMO)
    assert TargetGroup.objects.get(slug="utsatt").name_nn == nynorsk
