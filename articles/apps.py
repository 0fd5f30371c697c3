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
        # A kept article page still counts its reads.
        page_cache.register_hit_action(reads.HIT_ACTION, reads.count_read)
