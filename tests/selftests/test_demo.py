"""The demo self-tests: three tests in bokmål and English, loaded twice without change."""

import io

import pytest
from django.core.management import call_command

from selftests.models import Kind, Level, Outcome, SelfTest, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    call_command("load_demo_articles", stdout=io.StringIO())


def load():
    out, err = io.StringIO(), io.StringIO()
    call_command("load_demo_selftests", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_three_tests_are_loaded_in_bokmal_and_english(articles):
    out, err = load()
    assert "3 created" in out and err == ""
    tests = {test.slug: test for test in SelfTest.objects.all()}
    assert {slug: test.target_group.slug for slug, test in tests.items()} == {
        "er-forholdet-mitt-trygt": "utsatt",
        "er-noen-jeg-kjenner-utsatt-for-vold": "parorende",
        "skader-jeg-noen-jeg-er-glad-i": "utover",
    }
    for test in tests.values():
        assert test.title_nb and test.title_en and test.sources_nb and test.sources_en
        assert "diagnose" in test.sources_nb and "diagnosis" in test.sources_en
        count = test.statements.count()
        assert 8 <= count <= 14, test.slug
        assert not test.statements.filter(text_en="").exists()
        assert set(test.statements.values_list("kind", flat=True)) == set(Kind.values)
        assert set(test.outcomes.values_list("level", flat=True)) == set(Level.values)
        safety = test.outcomes.get(level=Level.SAFETY)
        assert safety.service_categories.exists() and safety.articles.exists()
    assert Statement.objects.exclude(article=None).count() == Statement.objects.count()


def test_loading_again_changes_nothing(articles):
    load()
    before = {
        "tests": list(SelfTest.objects.values()),
        "statements": list(Statement.objects.values()),
        "outcomes": list(Outcome.objects.values()),
        "links": list(Outcome.articles.through.objects.values_list("outcome", "article")),
    }
    out, err = load()
    assert "0 created, 0 updated" in out and err == ""
    assert before == {
        "tests": list(SelfTest.objects.values()),
        "statements": list(Statement.objects.values()),
        "outcomes": list(Outcome.objects.values()),
        "links": list(Outcome.articles.through.objects.values_list("outcome", "article")),
    }


def test_without_the_articles_it_loads_and_says_what_is_missing():
    out, err = load()
    assert "3 created" in out
    assert "Unknown article: lag-en-sikkerhetsplan" in err
    assert Statement.objects.filter(article=None).count() == Statement.objects.count()


def test_load_demo_data_loads_the_self_tests():
    call_command("load_demo_data", stdout=io.StringIO(), stderr=io.StringIO())
    assert SelfTest.objects.count() == 3
    call_command("load_demo_data", stdout=io.StringIO(), stderr=io.StringIO())
    assert SelfTest.objects.count() == 3
