from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Help services")

    def ready(self):
        from core import page_cache

        from . import models

        page_cache.changes_shown_on_pages(
            models.Service,
            models.OpeningPeriod,
            models.ServiceCategory,
            models.ClientGroup,
            models.County,
            models.Municipality,
            models.ShelterStatus,
        )
        page_cache.never_shown_on_pages(models.ListingErrorReport)
