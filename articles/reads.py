"""Reads of articles, counted in the shared cache and moved into the database when the
most-read list is made: a page served from the page cache (core.page_cache) counts its
read without a database query. Nothing about the reader is counted: one number per
article."""

from django.core.cache import cache
from django.db.models import F

from core.availability import UNAVAILABLE_ERRORS

from .models import Article

HIT_ACTION = "article-read"
# The reads are moved into the database at most this often, by whichever request makes
# the most-read list first: moving reads every time would cost a read of every article's
# counter on every such page.
RECORD_EVERY_SECONDS = 60


def _key(article_id):
    return f"article-reads:{article_id}"


def count_read(article_id):
    key = _key(article_id)
    try:
        try:
            cache.incr(key)
        except ValueError:  # the first read since the last move into the database
            if not cache.add(key, 1, None):
                cache.incr(key)
    except UNAVAILABLE_ERRORS:
        Article.objects.filter(pk=article_id).update(read_count=F("read_count") + 1)


def record_counted_reads():
    """Moves the reads counted in the cache into the articles' read counts, unless that
    was done less than RECORD_EVERY_SECONDS ago."""
    try:
        if not cache.add("article-reads:recorded", True, RECORD_EVERY_SECONDS):
            return
    except UNAVAILABLE_ERRORS:
        return
    keys = {_key(pk): pk for pk in Article.objects.published().values_list("pk", flat=True)}
    try:
        counted = cache.get_many(list(keys))
        for key, count in counted.items():
            if count:
                cache.decr(key, count)
                Article.objects.filter(pk=keys[key]).update(read_count=F("read_count") + count)
    except UNAVAILABLE_ERRORS:
        pass  # counted again next time
