"""Reads of articles: lists for the section pages, the most-read list, the site search and
the nearest services an article points to."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from modeltranslation.utils import build_localized_fieldname

from services.geocoding import locate
from services.selectors import ServiceFilters, services_near

from .models import SOURCE_LANGUAGE, Article
from .reads import record_counted_reads
from .search import search_documents

NEARBY_LIMIT = 5
NEARBY_RADIUS_KM = 150


def article_list_queryset():
    """Published articles for a list: one query (cards show only title and summary)."""
    return Article.objects.published()


def article_detail_queryset():
    return Article.objects.published().prefetch_related(
        "target_groups",
        "topics",
        Prefetch("related", queryset=Article.objects.published()),
    )


def easy_read_articles(language):
    """Published articles with an easy-read version in `language` or in bokmål, A–Z by
    the title the reader sees."""
    fields = {
        build_localized_fieldname("easy_read_body", code) for code in (language, SOURCE_LANGUAGE)
    }
    has_one = Q()
    for field in fields:
        has_one |= ~Q(**{field: ""}) & Q(**{f"{field}__isnull": False})
    articles = Article.objects.published().filter(has_one)
    return sorted(
        articles,
        key=lambda article: article.easy_read_in(article.easy_read_language(language))[
            0
        ].casefold(),
    )


def most_read_articles(limit=5):
    record_counted_reads()
    return list(Article.objects.published().most_read()[:limit])


def site_search(query, *, language, limit=20):
    """The articles the site search shows, as SearchHits whose snippet is safe HTML and
    whose language is the reader's or, for an article not translated, bokmål."""
    return search_documents(query, language=language, limit=limit)


@dataclass(frozen=True)
class NearbyOutcome:
    """The nearest services of one kind to a typed place, or the gazetteer's answer when
    the place was not found or is ambiguous."""

    category: object
    place_name: str = ""
    nearby: tuple = ()
    lookup: object = None


def nearby_services(*, place, category):
    lookup = locate(place)
    if not lookup.found:
        return NearbyOutcome(category=category, lookup=lookup)
    found = lookup.place
    nearby = services_near(
        latitude=found.latitude,
        longitude=found.longitude,
        radius_km=NEARBY_RADIUS_KM,
        limit=NEARBY_LIMIT,
        filters=ServiceFilters(category=category),
    )
    return NearbyOutcome(category=category, place_name=found.name, nearby=tuple(nearby))
