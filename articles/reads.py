"""Reads of articles: each visitor counted once per article and day, without storing who.

Whether this visitor has read this article today is a cache key made from the rate limits'
keyed hash of their address (core.ratelimit.client_key: a random key of the day, kept only
in the cache) and lives one day. The counts are kept in the shared cache and moved into
the database (`ArticleReads`, one number per article and day) when the most-read list is
made, so a page served from the page cache (core.page_cache) counts its read without a
database query. A reload, or the same reader coming back the same day, counts nothing.
"""

import datetime as dt

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from core.availability import UNAVAILABLE_ERRORS
from core.ratelimit import DAY, client_key

from .models import Article, ArticleReads

HIT_ACTION = "article-read"
# The reads are moved into the database at most this often, by whichever request makes
# the most-read list first: moving reads every time would cost a read of every article's
# counter on every such page.
RECORD_EVERY_SECONDS = 60


def _count_key(day, article_id):
    return f"article-reads:{day.isoformat()}:{article_id}"


def count_read(request, article_id):
    """One more reader today, unless this visitor read the article earlier today. Without
    the cache a repeat cannot be told from a new reader, so nothing is counted."""
    day = timezone.localdate()
    try:
        seen = f"article-read-by:{day.isoformat()}:{client_key(request)}:{article_id}"
        if not cache.add(seen, True, DAY):
            return
        key = _count_key(day, article_id)
        try:
            cache.incr(key)
        except ValueError:  # the first read since the last move into the database
            if not cache.add(key, 1, 3 * DAY):
                cache.incr(key)
    except UNAVAILABLE_ERRORS:
        pass


def _add_reads(article_id, day, count):
    if ArticleReads.objects.filter(article_id=article_id, day=day).update(count=F("count") + count):
        return
    try:
        with transaction.atomic():
            ArticleReads.objects.create(article_id=article_id, day=day, count=count)
    except IntegrityError:  # another server made the day's row first
        ArticleReads.objects.filter(article_id=article_id, day=day).update(count=F("count") + count)


def record_counted_reads():
    """Moves the reads counted in the cache (today's, and yesterday's last ones) into the
    database, unless that was done less than RECORD_EVERY_SECONDS ago."""
    try:
        if not cache.add("article-reads:recorded", True, RECORD_EVERY_SECONDS):
            return
    except UNAVAILABLE_ERRORS:
        return
    today = timezone.localdate()
    keys = {
        _count_key(day, pk): (pk, day)
        for pk in Article.objects.published().values_list("pk", flat=True)
        for day in (today - dt.timedelta(days=1), today)
    }
    try:
        counted = cache.get_many(list(keys))
        for key, count in counted.items():
            if count:
                cache.decr(key, count)
                _add_reads(*keys[key], count)
    except UNAVAILABLE_ERRORS:
        pass  # counted again next time
