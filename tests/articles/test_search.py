import datetime as dt
import re

import pytest
from django.db import connection
from django.utils import timezone

from articles.search import search_documents, suggest
from core.search import SearchHit
from dinutvei.search import site_search
from tests import factories as shared

from . import factories

pytestmark = pytest.mark.django_db

postgres = pytest.mark.postgres


@pytest.fixture
def library():
    shelter = factories.article(
        slug="krisesenter",
        title="Hva er et krisesenter?",
        summary="Et trygt sted å bo.",
        body="<p>Krisesenteret gir deg et trygt sted å bo når du blir utsatt for vold.</p>",
        translations={
            "en": {
                "title": "What is a crisis shelter?",
                "summary": "A safe place to stay.",
                "body": "<p>Crisis shelters give you a safe place to stay.</p>",
            }
        },
    )
    rape = factories.article(
        slug="voldtekt",
        title="Etter en voldtekt",
        summary="Hva du kan gjøre etter et overgrep.",
        body="<p>Overgrepsmottaket hjelper deg. Du kan også ringe et krisesenter.</p>",
    )
    reactions = factories.article(
        slug="reaksjoner",
        title="Vanlige reaksjoner",
        summary="Søvnproblemer og angst er vanlig.",
        body="<p>Mange får reaksjoner etter vold, voldtekt eller andre overgrep.</p>",
        translations={
            "en": {"title": "Common reactions", "body": "<p>Many people react after violence.</p>"}
        },
    )
    return {"shelter": shelter, "rape": rape, "reactions": reactions}


def titles(hits):
    return [hit.title for hit in hits]


def test_search_finds_articles_in_the_readers_language(library):
    hits = search_documents("shelter", language="en")
    assert titles(hits) == ["What is a crisis shelter?"]
    assert hits[0].language == "en"


def test_an_article_missing_in_the_language_is_found_by_its_bokmal_text(library):
    hits = search_documents("overgrepsmottaket", language="en")
    assert titles(hits) == ["Etter en voldtekt"]
    assert hits[0].language == "nb"


def test_translated_articles_are_not_found_twice(library):
    hits = search_documents("krisesenter", language="en")
    assert [hit.url for hit in hits].count(library["shelter"].get_absolute_url()) <= 1


def test_title_hits_rank_above_body_hits(library):
    hits = search_documents("krisesenter", language="nb")
    assert titles(hits)[0] == "Hva er et krisesenter?"
    assert "Etter en voldtekt" in titles(hits)


def test_snippets_mark_the_hits_and_escape_the_rest():
    factories.article(
        slug="kode",
        title="Om kode",
        body="<p>Skriv aldri &lt;script&gt; i meldinger om voldtekt.</p>",
    )
    hits = search_documents("voldtekt", language="nb")
    snippet = hits[0].snippet
    assert "<mark>voldtekt" in snippet
    # A literal "<script>" in the text is shown as text, never as a tag.
    assert "<script>" not in snippet
    assert "script" in snippet


def test_unpublished_articles_are_not_found(library):
    factories.article(slug="kladd", title="Hemmelig kladd om krisesenter", is_published=False)
    assert "Hemmelig kladd om krisesenter" not in titles(
        search_documents("krisesenter", language="nb")
    )


def test_a_misspelt_word_is_corrected_from_the_articles_vocabulary(library):
    assert suggest("krisesentr", language="nb") == "krisesenter"
    assert suggest("krisesenter", language="nb") == ""


def test_site_search_searches_again_with_the_correction(library):
    results = site_search("krisesentr", language="nb")
    assert results.corrected_from == "krisesentr"
    assert "Hva er et krisesenter?" in titles(results.articles)


def test_site_search_includes_services(library):
    shared.service(name="Krisesenteret i Testby", category=shared.category("krisesenter"))
    results = site_search("Testby", language="nb")
    assert titles(results.services) == ["Krisesenteret i Testby"]
    assert results.services[0].kind == "service"


def test_site_search_includes_questions_when_the_app_provides_them(library, monkeypatch):
    import dinutvei.search as search_module

    def fake_questions(query, *, language, limit):
        return [
            SearchHit(
                kind="question",
                title="Spørsmål om krisesenter",
                url="/sporsmal/1/",
                snippet="…",
                rank=1.0,
                language="nb",
            )
        ]

    monkeypatch.setattr(search_module, "question_search", fake_questions)
    results = site_search("krisesenter", language="nb")
    assert titles(results.questions) == ["Spørsmål om krisesenter"]


def test_a_failing_question_search_does_not_break_the_site_search(library, monkeypatch):
    import dinutvei.search as search_module

    def broken(query, *, language, limit):
        raise RuntimeError("questions app is down")

    monkeypatch.setattr(search_module, "question_search", broken)
    assert site_search("krisesenter", language="nb").articles


def test_a_corrected_search_searches_the_other_kinds_only_for_the_correction(library, monkeypatch):
    import dinutvei.search as search_module

    searched = []

    def services(query, *, language, limit):
        searched.append(query)
        return []

    monkeypatch.setattr(search_module, "service_search", services)
    results = site_search("krisesentr", language="nb")
    assert results.corrected_from == "krisesentr"
    assert searched == ["krisesenter"]


def test_a_hit_in_the_readers_language_ranks_above_the_same_hit_in_bokmal():
    factories.article(slug="norsk", title="Refuge")
    factories.article(
        slug="engelsk",
        title="Tilflukt",
        translations={
            "en": {"title": "Refuge", "summary": "Et kort sammendrag."},
        },
    )
    hits = search_documents("refuge", language="en")
    assert [(hit.title, hit.language) for hit in hits] == [("Refuge", "en"), ("Refuge", "nb")]
    assert hits[0].rank > hits[1].rank


def test_search_page_shows_results_with_highlights(client, library):
    html = client.get("/sok/", {"q": "krisesenter"}).content.decode()
    assert "Hva er et krisesenter?" in html
    assert "<mark>" in html


def test_search_page_marks_a_bokmal_hit_in_an_arabic_search(client, library):
    html = client.get("/ar/sok/", {"q": "overgrepsmottaket"}).content.decode()
    assert '<li class="search-result" lang="nb" dir="ltr">' in html


@pytest.mark.parametrize("query", ["", "   ", "!!!", "?", "a", "zzzzqqqqxxxx", "😀😀"])
def test_empty_or_absurd_queries_get_a_helpful_page(client, library, query):
    factories.target_group("utsatt", nb="Utsatt for vold")
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="search-help-heading"' in html
    assert "Utsatt for vold" in html


def test_a_too_long_query_is_a_form_error_with_the_text_kept(client, library):
    query = "vold " * 50
    html = client.get("/sok/", {"q": query}).content.decode()
    assert 'class="field__error"' in html
    assert 'value="' + query.strip() in html


def test_norwegian_stemming_finds_other_forms(library):
    # "krisesenteret" (the crisis shelter) and "krisesenter" share the stem.
    hits = search_documents("krisesenteret", language="nb")
    assert "Hva er et krisesenter?" in titles(hits)
    assert titles(search_documents("overgrepene", language="nb"))  # overgrep


def test_english_stemming_finds_other_forms(library):
    assert titles(search_documents("sheltering", language="en")) == ["What is a crisis shelter?"]
    assert "Common reactions" in titles(search_documents("reacting", language="en"))


def test_snippets_mark_the_words_found(library):
    hits = search_documents("trygt sted", language="nb")
    assert "<mark>trygt</mark>" in hits[0].snippet


def test_snippet_comes_from_the_summary_when_it_holds_a_word(library):
    hits = search_documents("søvnproblemer", language="nb")
    assert hits[0].snippet.startswith("<mark>Søvnproblemer</mark> og angst")


def test_snippet_comes_from_the_body_when_the_summary_does_not(library):
    hits = search_documents("overgrepsmottaket", language="nb")
    assert "<mark>Overgrepsmottaket</mark> hjelper deg" in hits[0].snippet


def test_snippet_finds_a_hit_deep_in_a_long_body():
    opening = "Her står mye om trygghet og hjelp. " * 150  # about 5 000 characters
    factories.article(
        slug="lang",
        title="En lang tekst",
        summary="Om rettigheter.",
        body=f"<p>{opening}</p><p>Bistandsadvokaten hjelper deg gratis.</p>",
    )
    snippet = search_documents("bistandsadvokaten", language="nb")[0].snippet
    assert snippet.startswith("… ")
    assert "<mark>Bistandsadvokaten</mark> hjelper deg gratis" in snippet


def test_case_is_ignored_beyond_ascii():
    factories.article(slug="apen", title="Åpen omsorg", summary="Øvelser for barn.")
    assert titles(search_documents("åpen", language="nb")) == ["Åpen omsorg"]
    assert titles(search_documents("ØVELSER", language="nb")) == ["Åpen omsorg"]


def test_articles_published_later_are_not_found(library):
    factories.article(
        slug="snart",
        title="Krisesenter i morgen",
        published_at=timezone.now() + dt.timedelta(days=1),
    )
    assert "Krisesenter i morgen" not in titles(search_documents("krisesenter", language="nb"))


def test_the_score_is_one_expression_with_or_without_full_text(library):
    """SQLite's search is PostgreSQL's without the full-text additions, not a twin."""
    from articles import search
    from core.search import Terms, score

    terms = Terms.parse("krisesenter hjelp", ("en", "nb"))
    shared = score(search.scored_fields("en"), terms, connection)
    statements = [
        search._statement(terms, limit=10, full_text=full_text).text for full_text in (False, True)
    ]
    assert all(shared.text in statement for statement in statements)
    shown = [statement[statement.index("shown AS") :] for statement in statements]
    assert shown[0] == shown[1]
    assert "websearch_to_tsquery" not in statements[0]


# --- PostgreSQL ---------------------------------------------------------------------------


@postgres
def test_postgresql_stores_a_vector_per_article_and_language(library):
    from articles.models import ArticleSearchDocument

    documents = ArticleSearchDocument.objects.filter(article=library["shelter"])
    assert sorted(documents.values_list("language", "config")) == [
        ("en", "english"),
        ("nb", "norwegian"),
    ]
    assert all(document.vector for document in documents)


@postgres
def test_postgresql_ranks_title_hits_above_body_hits(library):
    hits = search_documents("krisesenter", language="nb")
    assert titles(hits)[0] == "Hva er et krisesenter?"
    assert hits[0].rank > hits[-1].rank


@postgres
def test_postgresql_search_indexes_lead_with_the_language():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes "
            "WHERE tablename = 'articles_articlesearchdocument' AND indexdef LIKE '%%gin%%'"
        )
        definitions = sorted(row[0] for row in cursor.fetchall())
    assert len(definitions) == 2
    assert all("gin (language, " in definition for definition in definitions)


def planner_settings():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan')"
        )
        return cursor.fetchone()


def settings_seen_by_the_search_statement():
    from articles.search import INDEX_SCANS_ONLY, _statement_settings

    with _statement_settings(), connection.cursor() as cursor:
        cursor.execute(
            INDEX_SCANS_ONLY + "SELECT current_setting('enable_seqscan'), "
            "current_setting('enable_indexscan')"
        )
        return cursor.fetchone()


@postgres
def test_postgresql_search_inside_a_transaction_leaves_the_planner_as_it_was(library):
    assert connection.in_atomic_block
    assert settings_seen_by_the_search_statement() == ("off", "off")
    assert search_documents("krisesenter", language="nb")
    assert planner_settings() == ("on", "on")


@postgres
def test_postgresql_search_outside_a_transaction_leaves_the_planner_as_it_was(
    restored_transactional_db,
):
    factories.article(slug="krisesenter", title="Hva er et krisesenter?")
    assert connection.get_autocommit()
    assert settings_seen_by_the_search_statement() == ("off", "off")
    assert titles(search_documents("krisesenter", language="nb")) == ["Hva er et krisesenter?"]
    assert planner_settings() == ("on", "on")


@postgres
def test_postgresql_corrects_typos_with_trigrams(library):
    assert suggest("voldtkt", language="nb") == "voldtekt"
    assert suggest("overgrepsmotaket", language="nb") == "overgrepsmottaket"


@postgres
def test_postgresql_websearch_syntax_is_safe(library):
    for query in ['"krisesenter', "krisesenter -", "or or or", "& | ! ( )", "':*"]:
        search_documents(query, language="nb")  # never raises


@postgres
def test_postgresql_uses_the_simple_configuration_for_polish():
    factories.article(
        slug="pl",
        title="Przemoc",
        translations={
            "pl": {"title": "Przemoc domowa", "body": "<p>Schronisko dla ofiar przemocy.</p>"}
        },
    )
    assert titles(search_documents("przemocy", language="pl")) == ["Przemoc domowa"]
    assert connection.vendor == "postgresql"


def test_search_results_come_page_by_page(client):
    for number in range(25):
        factories.article(slug=f"side-{number}", title=f"Krisesenter nummer {number}")
    first = client.get("/sok/", {"q": "krisesenter"}).content.decode()
    assert first.count('class="search-result"') == 10
    assert 'rel="next" href="?q=krisesenter&amp;page=2"' in first
    third = client.get("/sok/", {"q": "krisesenter", "page": "3"}).content.decode()
    assert third.count('class="search-result"') == 5
    assert 'rel="next"' not in third and 'rel="prev"' in third
    titles_seen = set()
    for page in ("1", "2", "3"):
        html = client.get("/sok/", {"q": "krisesenter", "page": page}).content.decode()
        titles_seen |= set(re.findall(r"Krisesenter nummer \d+", html))
    assert len(titles_seen) == 25


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99", "99999999999", "", "2.5"])
def test_a_bad_or_too_high_page_shows_the_first(client, page):
    for number in range(3):
        factories.article(slug=f"side-{number}", title=f"Krisesenter nummer {number}")
    response = client.get("/sok/", {"q": "krisesenter", "page": page})
    assert response.status_code == 200
    assert response.content.decode().count('class="search-result"') == 3
