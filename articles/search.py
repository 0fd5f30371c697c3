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
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
)
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.html import escape

from dinutvei.textsearch import search_config

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



def _shown(documents, *, text_language, reader_language):
    """Of these documents, those a reader sees: published, and in bokmål only where the
    article has no translation in the reader's language (the fallback)."""
    documents = documents.filter(
        article__is_published=True, article__published_at__lte=timezone.now()
    )
    if text_language == reader_language:
        return documents
    translated = ArticleSearchDocument.objects.filter(
        article=OuterRef("article"), language=reader_language
    )
    return documents.filter(~Exists(translated))


def search_documents(query, *, language, limit=20):
    """The best `limit` articles for the query in the reader's language, best first."""
    if not query_terms(query) or limit <= 0:
        return []
    searches = [(language, 1.0)]
    if language != SOURCE_LANGUAGE:
        # Articles missing in the reader's language are shown in bokmål: search that too.
        searches.append((SOURCE_LANGUAGE, FALLBACK_WEIGHT))
    search = _postgresql_search if is_postgresql() else _python_search
    hits = []
    for text_language, weight in searches:
        hits += search(query, text_language=text_language, reader_language=language,
                       limit=limit, weight=weight)
    hits.sort(key=lambda hit: (-hit.rank, hit.article_id))
    return hits[:limit]


def _postgresql_search(query, *, text_language, reader_language, limit, weight):
    config = search_config(text_language)
    search_query = SearchQuery(query, config=config, search_type="websearch")
    # Two steps, so that a common word matching thousands of articles stays fast. First the
    # candidates: those matching in the title or summary, best first by the small rank
    # vector (both GIN-indexed, no join), topped up when there are few with articles that
    # match only in the text. Then those that are shown, ranked on the whole text.
    wanted = max(RERANK_CANDIDATES, limit) + HIDDEN_MARGIN
    documents = ArticleSearchDocument.objects.filter(language=text_language)
    with transaction.atomic():
        # The planner does not count the cost of reading each row's out-of-line vector: it
        # would rather do that for every row of the language (a sequential or language-index
        # scan) than use the GIN indexes. Only bitmap scans, that is the GIN indexes, here.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
        candidates = list(
            documents.filter(rank_vector=search_query)
            .annotate(rank=SearchRank(F("rank_vector"), search_query))
            .order_by("-rank", "pk")
            .values_list("pk", flat=True)[:wanted]
        )
        if len(candidates) < wanted:
            candidates += list(
                documents.filter(vector=search_query).exclude(pk__in=candidates)
                .values_list("pk", flat=True)[:wanted - len(candidates)]
            )
    best = dict(
        _shown(ArticleSearchDocument.objects.filter(pk__in=candidates),
               text_language=text_language, reader_language=reader_language)
        .annotate(rank=SearchRank(F("vector"), search_query))
        .order_by("-rank", "pk")
        .values_list("pk", "rank")[:limit]
    )
    if not best:
        return []
    # ts_headline reads the whole text: only for the few rows shown.
    rows = (
        ArticleSearchDocument.objects.filter(pk__in=best)
        .annotate(headline=SearchHeadline(
            "text", search_query, config=config, start_sel=START_SEL, stop_sel=STOP_SEL,
            max_words=SNIPPET_WORDS, min_words=12,
        ))
        .values_list("pk", "article_id", "article__slug", "language", "title", "summary",
                     "headline")
    )
    hits = []
    for pk, article_id, slug, doc_language, title, summary, headline in rows:
        rank = best[pk]
        snippet = _marked(headline) if START_SEL in (headline or "") else escape(summary)
        hits.append(DocumentHit(article_id, slug, doc_language, title, snippet, rank * weight))
    return hits


def _marked(headline):
    """Escape everything ts_headline returned, then turn its markers into <mark>."""
    escaped = str(escape(headline))
    marked = escaped.replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>")
    if marked.count("<mark>") != marked.count("</mark>"):
        return escaped.replace(START_SEL, "").replace(STOP_SEL, "")
    return marked


def _python_search(query, *, text_language, reader_language, limit, weight):
    terms = query_terms(query)
    hits = []
    documents = ArticleSearchDocument.objects.filter(language=text_language)
    rows = _shown(
        documents, text_language=text_language, reader_language=reader_language
    ).values_list("article_id", "article__slug", "language", "title", "summary", "text")
    for article_id, slug, doc_language, title, summary, text in rows.iterator():
        fields = (title.casefold(), summary.casefold(), text.casefold())
        if not all(any(term in field for field in fields) for term in terms):
            continue
        rank = sum(
            3 * (term in fields[0]) + 2 * (term in fields[1]) + (term in fields[2])
            for term in terms
        ) / (6 * len(terms))
        hits.append(DocumentHit(
            article_id, slug, doc_language, title, python_snippet(text or summary, terms),
            rank * weight,
        ))
    hits.sort(key=lambda hit: (-hit.rank, hit.article_id))
    return hits[:limit]


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
