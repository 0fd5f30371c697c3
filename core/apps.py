from django.apps import AppConfig
from django.contrib.admin.apps import SimpleAdminConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared base of the three apps: the vocabularies and model pieces they share,
    admin bases, text-search and map helpers, page feedback, the emergency numbers.
    It imports no app; the apps import it; `dinutvei` assembles them (decision 8)."""

    name = "core"
    verbose_name = _("Din utvei")
    default = True  # this module also holds StaffAdminConfig

    def ready(self):
        from .search.sql import register_sqlite_functions

        # The search folds text with the same function on every database (core.search).
        connection_created.connect(register_sqlite_functions)

        from . import models, page_cache

        page_cache.changes_shown_on_pages(models.TargetGroup, models.Topic)
        page_cache.never_shown_on_pages(models.PageFeedback, models.RateLimitAlert)


class StaffAdminConfig(SimpleAdminConfig):
    """Django's admin without autodiscovery (django-leaflet's admin module would import
    GeoDjango; dinutvei/urls.py imports each admin module instead), whose default site asks
    every staff member for their second factor (core/staff.py, decision 10)."""

    default_site = "core.staff.StaffAdminSite"
