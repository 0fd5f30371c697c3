"""What the web process does once, after the settings have loaded (dinutvei/wsgi.py)."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .database import guard_database_waits


def prepare_web_process():
    """Refuse to serve with a configuration the deploy checks call an error, and give every
    wait for PostgreSQL a deadline."""
    if not settings.DEBUG:
        errors = [
            message
            for message in checks.run_checks(tags=["dinutvei"], include_deployment_checks=True)
            if message.is_serious()
        ]
        if errors:
            raise ImproperlyConfigured(
                "Din utvei will not start:\n" + "\n".join(str(error) for error in errors)
            )
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        guard_database_waits(settings.DATABASE_CLIENT_TIMEOUT)
