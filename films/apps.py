from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilmsConfig(AppConfig):
    name = "films"
    verbose_name = _("Films")

    def ready(self):
        from core import page_cache

        from . import models

        page_cache.changes_shown_on_pages(models.Film, models.FilmSubtitle)
