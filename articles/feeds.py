"""Aktuelt as RSS 2.0 and Atom 1.0, in the language of the URL (/en/artikler/aktuelt/rss/)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core import page_cache

from .models import NewsItem
from .sanitize import clean_html

FEED_LENGTH = 20


@page_cache.shared_page()
class NewsRssFeed(Feed):
    title = _("Din utvei: news")
    description = _(
        "News from Din utvei about violence in close relationships, rape and sexual abuse."
    )
    link = reverse_lazy("articles:news")

    def items(self):
        return NewsItem.objects.published()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return clean_html(item.body) or item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
