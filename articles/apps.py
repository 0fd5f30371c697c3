from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from core import page_cache

        from . import models, reads

        page_cache.changes_shown_on_pages(
            models.Article, models.NewsItem, models.ArticleSearchDocument, models.SearchWord
        )
        # The reads per day are counted, not shown: the most-read list follows them within
        # the page cache's lifetime. A kept article page still counts its reads.
        page_cache.never_shown_on_pages(models.ArticleReads)
        page_cache.register_hit_action(reads.HIT_ACTION, reads.count_read)
