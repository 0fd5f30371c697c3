from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfTestsConfig(AppConfig):
    name = "selftests"
    verbose_name = _("Self-tests")

    def ready(self):
        from core import page_cache

        from . import models

        # The tests, their statements and outcomes are editors' content on public pages.
        # A visitor's answers are never saved anywhere (docs/decisions/0016-self-tests.md).
        page_cache.changes_shown_on_pages(models.SelfTest, models.Statement, models.Outcome)
