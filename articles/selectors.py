"""Reads of articles: lists for the section pages, the most-read list, the site search and
the nearest services an article points to."""

from dataclasses import dataclass

from django.db.models import Prefetch

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
    """(article, the language its easy-read text is shown in, its title) for the published
    articles with one in `language` or in bokmål, A–Z by that title."""
    shown = []
    for article in Article.objects.published().with_easy_read_in(language, SOURCE_LANGUAGE):
        shown_in = article.easy_read_language(language)
        shown.append((article, shown_in, article.easy_read_in(shown_in)[0]))
    return sorted(shown, key=lambda entry: entry[2].casefold())


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
