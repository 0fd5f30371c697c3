from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = _("Information material")

    def ready(self):
        from core import page_cache

        from . import models

        # The catalogue shows the materials and whether they are on the shelf; an order is
        # shown nowhere (sending one changes the stock, which is shown).
        page_cache.changes_shown_on_pages(models.Material, models.MaterialStock)
        page_cache.never_shown_on_pages(models.Order, models.OrderLine)
