"""The articles' part of the site search: the per-language documents and their search.

Each article has a search document per language it is written in (ArticleSearchDocument):
its title, summary and text as plain text and, on PostgreSQL, a stored tsvector made with
the language's text-search configuration (weights: title A, summary B, text C) and a small
one of the title and the summary, both behind GIN indexes that lead with the language.

A search is one statement, the same on every database but for what PostgreSQL adds
(docs/decisions/0009-one-search-package.md). The candidates are documents in the reader's
language, and in bokmål for the articles not translated into it: on PostgreSQL those its
full text finds through the GIN indexes, each with ts_rank over the whole document; on
SQLite those that hold every word somewhere, with no full-text rank. The shown ones
(published; bokmål only for an untranslated article) are ranked by core.search's score of
where the words are (title, summary) plus the full-text rank, a bokmål fallback counting
for FALLBACK_WEIGHT. Snippets are cut in Python from the few shown. Misspellings are
corrected against the articles' own vocabulary (SearchWord): with pg_trgm on PostgreSQL,
difflib elsewhere.
"""

import difflib
import sqlite3
from contextlib import contextmanager
from functools import cache

from django.contrib.postgres.search import SearchVector, TrigramSimilarity
from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from core.search import (
    Field,
    SearchHit,
    Sql,
    Table,
    Terms,
    all_words_found,
    compose,
    excerpt,
    first_hit,
    folded,
    highlighted,
    score,
    search_config,
    search_languages,
    words,
)

from .models import Article, ArticleSearchDocument, SearchWord, localized
from .sanitize import html_to_text

# Where each word must be found (in one of them at least) ...
SEARCHED = ("title", "summary", "text")
# ... and where finding it counts for core.search's score, with what weight: the title and
# the summary say what an article is about. The text counts through PostgreSQL's rank of
# the whole document: folding every candidate's long text for the score cost more than the
# whole search used to (decision 9).
SCORED = (("title", 3), ("summary", 2))
# A bokmål hit in another language's search counts for this share of its rank.
FALLBACK_WEIGHT = 0.5
# PostgreSQL: candidates are first ranked on a small vector of the title and the summary;
# the best RERANK_CANDIDATES are then ranked with everything. Documents not shown
# (unpublished, or bokmål of a translated article) are filtered out after the first step:
# room for some of them.
RERANK_CANDIDATES = 60
HIDDEN_MARGIN = 20


def is_postgresql():
    return connection.vendor == "postgresql"


# --- Indexing ----------------------------------------------------------------------------


def index_article(article):
    """Bring the article's search documents in line with its translations."""
    languages = article.available_languages()
    article.search_documents.exclude(language__in=languages).delete()
    vocabulary = []
    for language in languages:
        fields = {
            "title": _plain(localized(article, "title", language)),
            "summary": _plain(localized(article, "summary", language)),
            "text": _plain(html_to_text(localized(article, "body", language))),
            "config": search_config(language),
        }
        ArticleSearchDocument.objects.update_or_create(
            article=article, language=language, defaults=fields
        )
        found = {word for value in fields.values() for word in words(value)}
        vocabulary += [SearchWord(language=language, word=word) for word in found]
    if is_postgresql():
        article.search_documents.update(vector=document_vector(), rank_vector=rank_vector())
    SearchWord.objects.bulk_create(vocabulary, ignore_conflicts=True, batch_size=1000)


def document_vector():
    config = F("config")
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("text", weight="C", config=config)
    )


def rank_vector():
    """Title and summary only: small enough to stay in the table row."""
    config = F("config")
    return SearchVector("title", weight="A", config=config) + SearchVector(
        "summary", weight="B", config=config
    )


def _plain(value):
    """Text as the index holds it: no angle brackets, which PostgreSQL's parser reads as
    tags (it skips everything after a literal "<script>")."""
    return (value or "").replace("<", "‹").replace(">", "›")


# --- The search --------------------------------------------------------------------------


def search_documents(query, *, language, limit=20):
    """The best `limit` articles for the query in the reader's language, best first, as
    SearchHits. Articles missing in the reader's language are searched in bokmål, the
    text they are shown in."""
    terms = Terms.parse(query, search_languages(language))
    if not terms or limit <= 0:
        return []
    statement = _statement(terms, limit=limit, full_text=is_postgresql())
    with _statement_settings(), connection.cursor() as cursor:
        prefix = INDEX_SCANS_ONLY if is_postgresql() else ""
        cursor.execute(prefix + statement.text, statement.params)
        rows = cursor.fetchall()
    detail_url = reverse("articles:detail", kwargs={"slug": "__slug__"})
    return [
        SearchHit(
            kind="article",
            title=title,
            url=detail_url.replace("__slug__", slug),
            snippet=_snippet(summary, text, terms.stems(code)),
            rank=rank,
            language=code,
        )
        for slug, code, title, summary, text, rank in rows
    ]


def _sides(terms):
    """(language, weight) of the documents searched: the reader's, then bokmål's."""
    own, *fallback = terms.languages
    return [(own, 1.0)] + [(code, FALLBACK_WEIGHT) for code in fallback]


def _statement(terms, *, limit, full_text):
    """The search as one statement. The candidates (id, weight, full_text_rank) come from
    PostgreSQL's full text where it exists (_full_text_candidates), otherwise from the
    documents that hold every word (0 for the full-text rank); the rest is the same
    everywhere: which documents a reader sees, core.search's score, the order."""
    document = Table(ArticleSearchDocument, connection, alias="d")
    translated = Table(ArticleSearchDocument, connection, alias="translated")
    # Under its own name: the conditions of Article.objects.published() name it so.
    article = Table(Article, connection)
    sides = _sides(terms)
    own = Sql.param(sides[0][0])

    def fields(code, weights=SCORED):
        return [Field(weight, ((document[name], code),)) for name, weight in weights]

    searched = [(name, 0) for name in SEARCHED]  # all_words_found() ignores the weights

    if full_text:
        candidates = _full_text_candidates(document, terms, sides, limit)
    else:
        candidates = compose(
            "candidates AS ({union})",
            union=Sql.join(
                " UNION ALL ",
                [
                    compose(
                        "SELECT {id} AS id, {weight} AS weight, 0.0 AS full_text_rank FROM {table} "
                        "WHERE {language} = {code} AND {found}",
                        id=document["id"],
                        weight=Sql.param(weight),
                        table=document.sql,
                        language=document["language"],
                        code=Sql.param(code),
                        found=all_words_found(fields(code, searched), terms, connection),
                    )
                    for code, weight in sides
                ],
            ),
        )
    rank = score(scored_fields(sides[0][0]), terms, connection)
    if len(sides) > 1:
        rank = compose(
            "CASE WHEN shown.language = {own} THEN {rank} ELSE {fallback} END",
            own=own,
            rank=rank,
            fallback=score(scored_fields(sides[1][0]), terms, connection),
        )
    # The shown candidates fold their title and summary once for all the words
    # (MATERIALIZED: PostgreSQL would otherwise fold them again for each word).
    return compose(
        """WITH {candidates},
shown AS {materialized} (
    SELECT {document_article} AS article_id, {article_slug} AS slug, {language} AS language,
           {title} AS title, {summary} AS summary, {text} AS text, candidates.weight,
           candidates.full_text_rank, {folded_title} AS folded_title,
           {folded_summary} AS folded_summary
    FROM candidates
    JOIN {document} ON {document_id} = candidates.id
    JOIN {article} ON {article_id} = {document_article}
    WHERE {published}
      AND ({language} = {own} OR NOT EXISTS (
          SELECT 1 FROM {translated} WHERE {translated_article} = {document_article}
          AND {translated_language} = {own}))
)
SELECT slug, language, title, summary, text,
       ({rank} + full_text_rank) * weight AS search_rank
FROM shown
ORDER BY search_rank DESC, article_id
LIMIT {limit}""",
        candidates=candidates,
        document_article=document["article"],
        article_slug=article["slug"],
        language=document["language"],
        title=document["title"],
        summary=document["summary"],
        text=document["text"],
        folded_title=folded(document["title"], connection),
        folded_summary=folded(document["summary"], connection),
        document=document.sql,
        document_id=document["id"],
        article=article.sql,
        article_id=article["id"],
        published=_published(),
        own=own,
        translated=translated.sql,
        translated_article=translated["article"],
        translated_language=translated["language"],
        rank=rank,
        limit=Sql.param(limit),
        materialized=_materialized(),
    )


def _materialized():
    """MATERIALIZED, where the database knows it (SQLite from 3.35; a hint only there)."""
    if connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        return ""
    return "MATERIALIZED"


def scored_fields(code):
    """The fields the score looks at, in the statement's `shown` step, for documents in
    one language: their title and summary, folded there once."""
    return [
        Field(weight, ((f"shown.folded_{name}", code),), folded=True) for name, weight in SCORED
    ]


def _published():
    """The condition of Article.objects.published(), as SQL on the article table, for
    this moment."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    return Sql(_published_condition(connection.vendor), (now,))


@cache
def _published_condition(vendor):
    """Article.objects.published(now=…) compiled once: its SQL, whose one parameter is
    the moment."""
    query = Article.objects.published(now=timezone.now()).query
    sql, params = query.get_compiler(connection=connection).compile(query.where)
    if len(params) != 1:
        raise ValueError("Article.objects.published() has changed: the search must follow.")
    return sql


def _full_text_candidates(document, terms, sides, limit):
    """PostgreSQL's part: for each side, the documents matching in the title or summary,
    best first by the small rank vector kept in the row, topped up with documents matching
    only in the text when there are too few (a LIMIT of 0 does not run its scan at all);
    of those few, ts_rank on the whole document is the full-text rank. Both GIN indexes
    lead with the language."""
    names = ["own", "fallback"][: len(sides)]
    wanted = Sql.param(max(RERANK_CANDIDATES, limit) + HIDDEN_MARGIN)
    queries = Sql.join(
        ", ",
        [
            compose(
                "websearch_to_tsquery({config}::regconfig, {query}) AS {name}",
                config=Sql.param(search_config(code)),
                query=Sql.param(terms.query),
                name=name,
            )
            for name, (code, _weight) in zip(names, sides, strict=True)
        ],
    )
    steps = [compose("query AS MATERIALIZED (SELECT {queries})", queries=queries)]
    for name, (code, weight) in zip(names, sides, strict=True):
        steps.append(
            compose(
                """{name}_ranked AS MATERIALIZED (
    SELECT best.id, {weight}::real AS weight, ts_rank(best.vector, query.{name}) AS full_text_rank
    FROM (
        SELECT {id} AS id, {vector} AS vector FROM {table}, query
        WHERE {language} = {code} AND {rank_vector} @@ query.{name}
        ORDER BY ts_rank({rank_vector}, query.{name}) DESC, {id}
        LIMIT {wanted}
    ) best, query
), {name}_text AS (
    SELECT {id} AS id, {weight}::real AS weight,
           ts_rank({vector}, query.{name}) AS full_text_rank
    FROM {table}, query
    WHERE {language} = {code} AND {vector} @@ query.{name}
      AND NOT {rank_vector} @@ query.{name}
    LIMIT greatest(0, {wanted} - (SELECT count(*) FROM {name}_ranked))
)""",
                name=name,
                id=document["id"],
                weight=Sql.param(weight),
                table=document.sql,
                language=document["language"],
                code=Sql.param(code),
                wanted=wanted,
                vector=document["vector"],
                rank_vector=document["rank_vector"],
            )
        )
    union = " UNION ALL ".join(
        f"SELECT * FROM {name}_ranked UNION ALL SELECT * FROM {name}_text" for name in names
    )
    steps.append(Sql(f"candidates AS ({union})"))
    return Sql.join(",\n", steps)


# The planner does not count the cost of reading each row's out-of-line vector: it would
# rather do that for every row of a language (a sequential scan) than use the GIN indexes,
# which here is many times slower. Only bitmap scans, that is the GIN indexes, for this
# statement: sent in the same string, before it.
INDEX_SCANS_ONLY = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off;"


@contextmanager
def _statement_settings():
    """Room for SET LOCAL, which lasts until the transaction ends. In autocommit mode the
    settings and the query, sent as one string, are a transaction of their own; inside
    someone else's transaction they go in a savepoint that is rolled back after."""
    if not is_postgresql() or connection.get_autocommit():
        yield
        return
    savepoint = transaction.savepoint()
    try:
        yield
    finally:
        transaction.savepoint_rollback(savepoint)


def _snippet(summary, text, stems):
    """From the summary when it holds one of the words (it is short, and says what the
    article is about), otherwise from the text around the first hit; the summary when
    neither holds one (PostgreSQL found a form the stems do not show)."""
    for source in (summary, text):
        place = first_hit(source, stems)
        if place >= 0:
            return highlighted(source, stems, place=place)
    return escape(summary or excerpt(text))


# --- Did you mean ------------------------------------------------------------------------

TRIGRAM_THRESHOLD = 0.3
DIFFLIB_CUTOFF = 0.75


def suggest(query, *, language):
    """The query with each unknown word replaced by the nearest word the articles use in
    this language (or in bokmål), or "" when there is nothing to correct."""
    languages = search_languages(language)
    searched = set(Terms.parse(query, languages).words)
    if not searched:
        return ""
    known = set(
        SearchWord.objects.filter(language__in=languages, word__in=searched).values_list(
            "word", flat=True
        )
    )
    corrected, changed = [], False
    for word in words(query):
        unknown = word in searched and word not in known and len(word) >= 4
        replacement = _closest(word, languages) if unknown else word
        changed |= bool(replacement) and replacement != word
        corrected.append(replacement or word)
    return " ".join(corrected) if changed else ""


def _closest(word, languages):
    vocabulary = SearchWord.objects.filter(language__in=languages)
    if is_postgresql():
        best = (
            vocabulary.filter(word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
        return best or ""
    # Only words of about the same length can be close enough.
    candidates = (
        vocabulary.annotate(length=Length("word"))
        .filter(length__gte=len(word) - 2, length__lte=len(word) + 2)
        .values_list("word", flat=True)
    )
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=DIFFLIB_CUTOFF)
    return matches[0] if matches else ""
