from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project package as an app: it assembles the apps (home page, site search, URLs,
    settings) and holds the commands that span them. Apps never import it (decision 8)."""

    name = "dinutvei"
    verbose_name = _("Din utvei")

    def ready(self):
        from . import checks  # noqa: F401 (registers the deploy checks)
