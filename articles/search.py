"""Full-text search over articles: the per-language index and its queries.

PostgreSQL: one ArticleSearchDocument per article and translated language, holding a stored
tsvector made with the language's text-search configuration (weights: title A, summary B,
body C) behind a GIN index; queries use websearch_to_tsquery with the same configuration,
ts_rank for the order and ts_headline for the snippet. Misspellings are corrected against
the articles' own vocabulary (SearchWord) with pg_trgm.

SQLite (development): the same documents searched in Python with Unicode case folding, a
simple weighted rank and difflib for "did you mean". Correct, not fast.
"""

import difflib
import re
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.postgres.search import SearchVector, TrigramSimilarity
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.html import escape

from core.textsearch import search_config

from .models import SOURCE_LANGUAGE, ArticleSearchDocument, SearchWord, localized
from .sanitize import html_to_text

# Highlight markers ts_headline puts around a hit: private-use characters that survive
# escaping and are then turned into <mark>. They are removed from the indexed text.
START_SEL, STOP_SEL = "\ue000", "\ue001"
# Ranking first reads a small vector of the title and the summary; the best
# RERANK_CANDIDATES are then ranked again on the whole text.
RERANK_CANDIDATES = 60
# Documents not shown (unpublished, or bokmål of a translated article) are filtered out
# after the first step: room for some of them.
HIDDEN_MARGIN = 20
# A Norwegian fallback hit in another language's search counts for this share of its rank.
FALLBACK_WEIGHT = 0.5
MAX_TERMS = 12
WORD = re.compile(r"\w{3,40}")
SNIPPET_WORDS = 30


def is_postgresql():
    return connection.vendor == "postgresql"


@dataclass(frozen=True)
class DocumentHit:
    article_id: int
    slug: str
    language: str
    title: str
    snippet: str  # safe HTML: escaped text with <mark> around the hits
    rank: float


def query_terms(query):
    return [term.casefold() for term in WORD.findall(query)][:MAX_TERMS]


# --- Indexing ----------------------------------------------------------------------------

def index_article(article):
    """Bring the article's search documents in line with its translations."""
    languages = article.available_languages()
    article.search_documents.exclude(language__in=languages).delete()
    words = []
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
        vocabulary = {term for value in fields.values() for term in query_terms(value)}
        words += [SearchWord(language=language, word=word) for word in vocabulary]
    if is_postgresql():
        article.search_documents.update(vector=document_vector(), rank_vector=rank_vector())
    SearchWord.objects.bulk_create(words, ignore_conflicts=True, batch_size=1000)


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
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
    )


def _plain(value):
    """Text as the index holds it: no highlight markers, and no angle brackets, which
    PostgreSQL's parser reads as tags (it skips everything after a literal "<script>")."""
    value = (value or "").replace(START_SEL, "").replace(STOP_SEL, "")
    return value.replace("<", "‹").replace(">", "›")


# --- Queries -----------------------------------------------------------------------------

# The whole PostgreSQL search in one statement, so that a search is one round trip and one
# plan. For the reader's language (`own`) and, when that is not bokmål, for the bokmål
# fallback (`source`):
#   1. candidates: the documents matching in the title or summary, best first by the small
#      rank vector (no read of the large columns), topped up with documents matching only
#      in the body when there are too few (a LIMIT of 0 does not run its scan at all);
#   2. of those, the ones a reader sees (published; bokmål only where the article has no
#      translation in the reader's language), ranked again on the whole text;
#   3. a snippet for the few shown: from the summary when any of the words is in it (it is
#      short, and says what the article is about), otherwise from the body.
# Both GIN indexes lead with the language (btree_gin), so a query only meets its own
# language's documents.
SEARCH_SQL = """
WITH query AS MATERIALIZED (
    SELECT websearch_to_tsquery(%(config)s::regconfig, %(query)s) AS own,
           websearch_to_tsquery(%(config)s::regconfig, %(any_word)s) AS own_any_word,
           websearch_to_tsquery(%(source_config)s::regconfig, %(query)s) AS source,
           websearch_to_tsquery(%(source_config)s::regconfig, %(any_word)s) AS source_any_word
),
own_ranked AS MATERIALIZED (
    SELECT d.id, 1.0::real AS weight
    FROM articles_articlesearchdocument d, query
    WHERE d.language = %(language)s AND d.rank_vector @@ query.own
    ORDER BY ts_rank(d.rank_vector, query.own) DESC, d.id
    LIMIT %(wanted)s
),
own_body AS (
    SELECT d.id, 1.0::real AS weight
    FROM articles_articlesearchdocument d, query
    WHERE d.language = %(language)s AND d.vector @@ query.own
      AND NOT d.rank_vector @@ query.own
    LIMIT greatest(0, %(wanted)s - (SELECT count(*) FROM own_ranked))
),
source_ranked AS MATERIALIZED (
    SELECT d.id, %(fallback_weight)s::real AS weight
    FROM articles_articlesearchdocument d, query
    WHERE %(language)s <> %(source)s
      AND d.language = %(source)s AND d.rank_vector @@ query.source
    ORDER BY ts_rank(d.rank_vector, query.source) DESC, d.id
    LIMIT %(wanted)s
),
source_body AS (
    SELECT d.id, %(fallback_weight)s::real AS weight
    FROM articles_articlesearchdocument d, query
    WHERE %(language)s <> %(source)s
      AND d.language = %(source)s AND d.vector @@ query.source
      AND NOT d.rank_vector @@ query.source
    LIMIT greatest(0, %(wanted)s - (SELECT count(*) FROM source_ranked))
),
candidates AS (
    SELECT * FROM own_ranked UNION ALL SELECT * FROM own_body
    UNION ALL SELECT * FROM source_ranked UNION ALL SELECT * FROM source_body
),
best AS (
    SELECT d.article_id, a.slug, d.language, d.title, d.summary, d.text, d.config,
           d.rank_vector,
           ts_rank(d.vector, CASE WHEN d.language = %(language)s
                                  THEN query.own ELSE query.source END) * c.weight AS rank
    FROM candidates c
    JOIN articles_articlesearchdocument d ON d.id = c.id
    JOIN articles_article a ON a.id = d.article_id
    CROSS JOIN query
    WHERE a.is_published AND a.published_at <= now()
      AND (d.language = %(language)s OR NOT EXISTS (
          SELECT 1 FROM articles_articlesearchdocument translated
          WHERE translated.article_id = d.article_id
            AND translated.language = %(language)s))
    ORDER BY rank DESC, d.article_id
    LIMIT %(limit)s
)
SELECT best.article_id, best.slug, best.language, best.title, best.summary, best.rank,
       CASE WHEN ts_filter(best.rank_vector, '{b}') @@ matched.any_word
            THEN ts_headline(best.config::regconfig, best.summary, matched.query, %(options)s)
            ELSE ts_headline(best.config::regconfig, body.passage, matched.query, %(options)s)
       END
FROM best
CROSS JOIN query
CROSS JOIN LATERAL (
    SELECT CASE WHEN best.language = %(language)s THEN query.own ELSE query.source END,
           CASE WHEN best.language = %(language)s THEN query.own_any_word
                ELSE query.source_any_word END
) matched (query, any_word)
CROSS JOIN LATERAL (
    -- ts_headline parses all the text it is given: it gets a passage from a little before
    -- the first place the text holds one of the query stems (a stem is how the words it
    -- stands for begin). If no hit is in that passage, the summary is shown instead.
    SELECT min(nullif(strpos(lower(best.text), word), 0))
    FROM unnest(tsvector_to_array(to_tsvector(best.config::regconfig, %(query)s))) word
) first_hit (position)
CROSS JOIN LATERAL (
    SELECT CASE WHEN coalesce(first_hit.position, 1) <= %(context)s
                THEN left(best.text, %(passage)s)
                ELSE regexp_replace(
                    substr(best.text, first_hit.position - %(context)s, %(passage)s),
                    '^[^[:space:]]*[[:space:]]+', '')
           END
) body (passage)
ORDER BY best.rank DESC, best.article_id
"""
# The planner does not count the cost of reading each row's out-of-line vector: it would
# rather do that for every row of a language (a sequential scan) than use the GIN indexes,
# which here is many times slower. Only bitmap scans, that is the GIN indexes, for this
# statement: sent in the same string, before it.
INDEX_SCANS_ONLY = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off;"
# The passage of the body the snippet is made from: characters before the first hit, and
# the whole passage's length (the snippet itself is at most SNIPPET_WORDS words).
PASSAGE_CONTEXT = 200
PASSAGE_LENGTH = 1200
HEADLINE_OPTIONS = (
    f"StartSel={START_SEL}, StopSel={STOP_SEL}, MaxWords={SNIPPET_WORDS}, MinWords=12"
)


@contextmanager
def _statement_settings():
    """Room for SET LOCAL, which lasts until the transaction ends. In autocommit mode the
    settings and the query, sent as one string, are a transaction of their own; inside
    someone else's transaction they go in a savepoint that is rolled back after."""
    if connection.get_autocommit():
        yield
        return
    savepoint = transaction.savepoint()
    try:
        yield
    finally:
        transaction.savepoint_rollback(savepoint)


def search_documents(query, *, language, limit=20):
    """The best `limit` articles for the query in the reader's language, best first.
    Articles missing in the reader's language are searched in bokmål, the text they are
    shown in, and count for FALLBACK_WEIGHT of their rank."""
    if not query_terms(query) or limit <= 0:
        return []
    if is_postgresql():
        return _postgresql_search(query, language=language, limit=limit)
    return _python_search(query, language=language, limit=limit)


def _postgresql_search(query, *, language, limit):
    params = {
        "query": query,
        # The query's words joined with websearch's "or": does the summary hold any of them?
        "any_word": " or ".join(query_terms(query)),
        "language": language,
        "config": search_config(language),
        "source": SOURCE_LANGUAGE,
        "source_config": search_config(SOURCE_LANGUAGE),
        "fallback_weight": FALLBACK_WEIGHT,
        "wanted": max(RERANK_CANDIDATES, limit) + HIDDEN_MARGIN,
        "limit": limit,
        "options": HEADLINE_OPTIONS,
        "context": PASSAGE_CONTEXT,
        "passage": PASSAGE_LENGTH,
    }
    with _statement_settings(), connection.cursor() as cursor:
        cursor.execute(INDEX_SCANS_ONLY + SEARCH_SQL, params)
        rows = cursor.fetchall()
    return [
        DocumentHit(article_id, slug, doc_language, title,
                    _marked(headline) if START_SEL in (headline or "") else escape(summary),
                    rank)
        for article_id, slug, doc_language, title, summary, rank, headline in rows
    ]


def _marked(headline):
    """Escape everything ts_headline returned, then turn its markers into <mark>."""
    escaped = str(escape(headline))
    marked = escaped.replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>")
    if marked.count("<mark>") != marked.count("</mark>"):
        return escaped.replace(START_SEL, "").replace(STOP_SEL, "")
    return marked


def _python_search(query, *, language, limit):
    terms = query_terms(query)
    hits = []
    for article_id, slug, doc_language, title, summary, text in _shown_documents(language):
        fields = (title.casefold(), summary.casefold(), text.casefold())
        if not all(any(term in field for field in fields) for term in terms):
            continue
        rank = sum(
            3 * (term in fields[0]) + 2 * (term in fields[1]) + (term in fields[2])
            for term in terms
        ) / (6 * len(terms))
        weight = 1.0 if doc_language == language else FALLBACK_WEIGHT
        hits.append(DocumentHit(
            article_id, slug, doc_language, title, python_snippet(text or summary, terms),
            rank * weight,
        ))
    hits.sort(key=lambda hit: (-hit.rank, hit.article_id))
    return hits[:limit]


def _shown_documents(language):
    """The documents a reader of `language` sees: of published articles, theirs, and the
    bokmål one where the article has no translation in their language."""
    translated = ArticleSearchDocument.objects.filter(
        article=OuterRef("article"), language=language
    )
    return (
        ArticleSearchDocument.objects.filter(
            article__is_published=True, article__published_at__lte=timezone.now()
        )
        .filter(Q(language=language) | Q(language=SOURCE_LANGUAGE) & ~Exists(translated))
        .values_list("article_id", "article__slug", "language", "title", "summary", "text")
        .iterator()
    )


def python_snippet(text, terms, words=SNIPPET_WORDS):
    """About `words` words of `text` around the first hit, escaped, hits in <mark>."""
    tokens = text.split()
    first = next(
        (i for i, token in enumerate(tokens) if any(t in token.casefold() for t in terms)), 0
    )
    start = max(0, first - words // 3)
    window = tokens[start:start + words]
    parts = []
    for token in window:
        if any(term in token.casefold() for term in terms):
            parts.append(f"<mark>{escape(token)}</mark>")
        else:
            parts.append(str(escape(token)))
    prefix = "… " if start else ""
    suffix = " …" if start + words < len(tokens) else ""
    return prefix + " ".join(parts) + suffix


# --- Did you mean ------------------------------------------------------------------------

TRIGRAM_THRESHOLD = 0.3
DIFFLIB_CUTOFF = 0.75


def suggest(query, *, language):
    """The query with each unknown word replaced by the nearest word the articles use in
    this language (or in bokmål), or "" when there is nothing to correct."""
    terms = query_terms(query)
    if not terms:
        return ""
    languages = {language, SOURCE_LANGUAGE}
    known = set(
        SearchWord.objects.filter(language__in=languages, word__in=terms)
        .values_list("word", flat=True)
    )
    corrected, changed = [], False
    for term in terms:
        replacement = term if term in known or len(term) < 4 else _closest(term, languages)
        changed |= bool(replacement) and replacement != term
        corrected.append(replacement or term)
    return " ".join(corrected) if changed else ""


def _closest(term, languages):
    words = SearchWord.objects.filter(language__in=languages)
    if is_postgresql():
        best = (
            words.filter(word__trigram_similar=term)
            .annotate(similarity=TrigramSimilarity("word", term))
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
        return best or ""
    # Only words of about the same length can be close enough.
    candidates = words.annotate(length=Length("word")).filter(
        length__gte=len(term) - 2, length__lte=len(term) + 2
    ).values_list("word", flat=True)
    matches = difflib.get_close_matches(term, list(candidates), n=1, cutoff=DIFFLIB_CUTOFF)
    return matches[0] if matches else ""
