"""core.search, the site search's shared base: one stemmer per language, one way of taking
a query apart, one result type, one scoring expression; and the rule that the search code
names no table or translation column by hand."""

import ast
import re
from pathlib import Path

import pytest
from django.db import connection
from django.utils import translation

from core.search import SearchHit, Terms, excerpt, highlighted, search_languages, words
from core.search.language import english_stem, language, norwegian_stem, trimmed_stem

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("krisesenteret", "krisesenter"),
        ("krisesenter", "krisesent"),
        ("samværet", "samvær"),
        ("overgrepene", "overgrep"),
        ("bistandsadvokaten", "bistandsadvokat"),
        ("markerte", "marker"),
        ("vold", "vold"),
        ("barnas", "barn"),
    ],
)
def test_norwegian_stems_follow_snowball(word, stem):
    assert norwegian_stem(word) == stem


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("sheltering", "shelter"),
        ("shelter", "shelt"),
        ("reacting", "react"),
        ("crisis", "crisi"),
        ("rape", "rape"),
        ("children", "children"),
        ("worried", "worr"),
    ],
)
def test_english_stems_only_lose_endings(word, stem):
    assert english_stem(word) == stem


def test_other_languages_lose_a_letter_or_two_of_a_long_word():
    assert trimmed_stem("przemocy") == "przemo"
    assert trimmed_stem("pomoc") == "pomo"
    assert trimmed_stem("sen") == "sen"
    assert language("th").stem("ความรุนแรง") == "ความรุนแรง"


def test_every_stem_is_the_beginning_of_its_word():
    """What lets a substring match on the stem find the word."""
    text = (ROOT / "articles" / "data" / "demo_articles.json").read_text(encoding="utf-8")
    for word in set(words(text)):
        for code in ("nb", "en", "ru", "th"):
            assert word.startswith(language(code).stem(word)), (code, word)


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_norwegian_stemmer_agrees_with_postgresql():
    text = (ROOT / "articles" / "data" / "demo_articles.json").read_text(encoding="utf-8")
    found = sorted({word for word in words(text) if not word.isdigit()})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, ts_lexize('norwegian_stem', word) FROM unnest(%s::text[]) AS word",
            [found],
        )
        stems = {word: lexemes[0] for word, lexemes in cursor.fetchall() if lexemes}
    assert len(stems) > 1000
    assert {word: norwegian_stem(word) for word in stems} == stems


def test_a_query_keeps_its_words_without_stopwords_or_noise():
    terms = Terms.parse("Hva er VOLD, og hva er et krisesenter? a b", ("nb",))
    assert terms.words == ("vold", "krisesenter")
    assert terms.stems("nb") == ("vold", "krisesent")
    assert not Terms.parse("og i på the", ("en", "nb"))
    assert Terms.parse("Test_y 100%", ("nb",)).words == ("test_y", "100")


def test_a_long_query_keeps_its_most_telling_words_in_their_order():
    text = "2024 vold trusler krisesenter politiet anmelde overgrep voldtekt barnevern skole"
    kept = Terms.parse(text, ("nb",)).words
    assert len(kept) == 8
    assert "2024" not in kept and "vold" not in kept
    assert kept == tuple(word for word in text.split() if word in kept)


def test_the_languages_searched_are_the_readers_and_bokmal():
    assert search_languages("en") == ("en", "nb")
    assert search_languages("nb") == ("nb",)
    assert search_languages("xx") == ("nb",)
    with translation.override("ar"):
        assert search_languages() == ("ar", "nb")


def test_a_highlighted_snippet_escapes_and_marks_around_the_first_hit():
    text = " ".join(f"ord{number}" for number in range(100)) + " <b>Vold</b> & mer"
    snippet = highlighted(text, ["vold"])
    assert snippet.startswith("… ord90 ")
    assert "<mark>&lt;b&gt;Vold&lt;/b&gt;</mark> &amp; mer" in snippet
    assert highlighted("Kort tekst.", ["finnes"]) == "Kort tekst."


def test_an_excerpt_is_cut_at_a_word():
    assert excerpt("kort") == "kort"
    cut = excerpt("ord " * 100, chars=20)
    assert cut == "ord ord ord ord ord …"


def test_a_hit_is_a_frozen_value():
    hit = SearchHit(kind="service", title="T", url="/t/", snippet="s", rank=0.5, language="nb")
    with pytest.raises(AttributeError):
        hit.rank = 1


SEARCH_MODULES = [
    "core/search/language.py",
    "core/search/terms.py",
    "core/search/sql.py",
    "core/search/hits.py",
    "articles/search.py",
    "services/selectors.py",
    "questions/selectors.py",
    "dinutvei/search.py",
]
TABLE_NAME = re.compile(r"\b(?:articles|services|questions|core)_[a-z]+\b")
TRANSLATION_COLUMN = re.compile(r"\w+_(?:nb|nn|en)\b")


def string_literals(path):
    """The strings in a module's code, without its docstrings and comments."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


@pytest.mark.parametrize("module", SEARCH_MODULES)
def test_the_search_names_tables_and_columns_from_the_models(module):
    literals = string_literals(ROOT / module)
    assert [value for value in literals if TABLE_NAME.search(value)] == []
    assert [value for value in literals if TRANSLATION_COLUMN.search(value)] == []
