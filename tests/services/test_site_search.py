"""The services' part of the site search: every word somewhere, name hits first."""

import pytest

from core.search import SearchHit
from services.selectors import site_search
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    return {
        "shelter": factories.service(
            name="Krisesenteret i Testby",
            category=factories.category("krisesenter"),
            description_nb="Et trygt sted å bo for deg og barna.",
            description_en="A safe place to stay for you and your children.",
        ),
        "clinic": factories.service(
            name="Overgrepsmottaket i Testby",
            category=factories.category("overgrepsmottak"),
            description_nb="Hjelp etter voldtekt. Samarbeider med krisesenteret.",
        ),
        "elsewhere": factories.service(
            name="Krisesenteret i Annenby", category=factories.category("krisesenter")
        ),
    }


def titles(results):
    return [result.title for result in results]


def test_every_word_must_be_found_somewhere(registry):
    assert titles(site_search("krisesenter testby", language="nb")) == [
        "Krisesenteret i Testby",
        "Overgrepsmottaket i Testby",
    ]
    assert site_search("krisesenter nowhere", language="nb") == []


def test_name_hits_rank_above_category_and_description_hits(registry):
    found = site_search("krisesenteret", language="nb")
    # In the name (and the category) first, by name; in the description alone last.
    assert titles(found) == [
        "Krisesenteret i Annenby",
        "Krisesenteret i Testby",
        "Overgrepsmottaket i Testby",
    ]
    assert found[0].rank == found[1].rank > found[2].rank
    assert all(0 < result.rank <= 1 for result in found)


def test_the_readers_language_and_bokmal_are_searched(registry):
    # The English category name and description, and the bokmål one.
    assert titles(site_search("crisis shelter", language="en")) == [
        "Krisesenteret i Annenby",
        "Krisesenteret i Testby",
    ]
    assert titles(site_search("children", language="en")) == ["Krisesenteret i Testby"]
    assert titles(site_search("voldtekt", language="en")) == ["Overgrepsmottaket i Testby"]


def test_results_have_the_site_search_shape(registry):
    (result,) = site_search("children", language="en")
    assert result == SearchHit(
        kind="service",
        title="Krisesenteret i Testby",
        url=f"/tjenester/{registry['shelter'].slug}/",
        snippet="Crisis shelter · Oslo: A safe place to stay for you and your children.",
        rank=result.rank,
        language="en",
    )


def test_case_is_ignored_in_every_alphabet(registry):
    factories.service(name="Øvre Åsen familievern", category=factories.category("familievern"))
    assert titles(site_search("øvre ÅSEN", language="nb")) == ["Øvre Åsen familievern"]


def test_words_are_matched_literally_not_as_like_patterns(registry):
    # "_" is LIKE's any-one-character: it must not match "Testby".
    assert site_search("Test_y", language="nb") == []
    assert site_search("100%", language="nb") == []


@pytest.mark.parametrize("query", ["", "   ", "\"'-+*", "a" * 300])
def test_empty_or_absurd_queries_find_nothing_and_never_fail(registry, query):
    assert site_search(query, language="nb") == []


def test_unpublished_services_are_not_found(registry):
    registry["elsewhere"].is_published = False
    registry["elsewhere"].save()
    assert "Krisesenteret i Annenby" not in titles(site_search("krisesenter", language="nb"))
