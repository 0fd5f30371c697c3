"""Deploy checks of how the portal is run: `manage.py check --deploy` reports them, and the
web process refuses to start on an error (dinutvei/startup.py)."""

import ipaddress

from django.conf import settings
from django.core.checks import Error, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register("dinutvei", deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Rate limits and used form tokens must be shared by every app server: with a cache per
    process, a limit of 10 becomes 10 per worker."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PER_PROCESS_CACHES:
        return [
            Error(
                f"The cache ({backend}) is not shared between app servers.",
                hint="Set REDIS_URL, e.g. redis://redis:6379/0.",
                id="dinutvei.E001",
            )
        ]
    return []


@register("dinutvei", deploy=True)
def check_trusted_proxies(app_configs, **kwargs):
    """Whose X-Forwarded-For to believe must be said, not guessed."""
    if settings.TRUSTED_PROXIES is None:
        return [
            Error(
                "TRUSTED_PROXIES is not set.",
                hint="Set it to the address or network of the reverse proxy in front of the app "
                "servers (e.g. 172.16.0.0/12 in compose), or to 'none' if visitors reach "
                "gunicorn directly.",
                id="dinutvei.E002",
            )
        ]
    errors = []
    for value in settings.TRUSTED_PROXIES:
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError:
            errors.append(
                Error(
                    f"TRUSTED_PROXIES holds {value!r}, which is not an address or a network.",
                    id="dinutvei.E003",
                )
            )
    return errors
