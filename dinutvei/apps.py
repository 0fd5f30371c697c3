from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project package as an app: shared templates tags, static files and commands."""

    name = "dinutvei"
    verbose_name = _("Din utvei")

    def ready(self):
        from . import checks  # noqa: F401 (registers the deploy checks)
