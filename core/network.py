"""Who is asking, as far as rate limits need to know: the visitor's address, believed from
X-Forwarded-For only when the request came from a proxy named in TRUSTED_PROXIES; and
whether a POST came from another site, for the forms that take no CSRF cookie."""

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(values):
    return tuple(ipaddress.ip_network(value, strict=False) for value in values)


def _parse(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _is_trusted(address):
    networks = _networks(tuple(settings.TRUSTED_PROXIES or ()))
    return address is not None and any(address in network for network in networks)


def client_address(request):
    """The visitor's address as text. X-Forwarded-For is read from the right, skipping the
    trusted proxies' own entries, and only when the direct peer is a trusted proxy: what a
    visitor writes in that header themselves is never believed (deploy/nginx.conf also
    overwrites it)."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    if not _is_trusted(remote):
        return str(remote) if remote else ""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for entry in reversed(forwarded):
        address = _parse(entry)
        if address is None:
            break
        if not _is_trusted(address):
            return str(address)
    return str(remote)


def is_cross_site(request):
    """A POST sent from another site. Browsers say so in Sec-Fetch-Site, or in Origin.
    The check for forms that must not set a cookie, so cannot use Django's CSRF token."""
    if request.META.get("HTTP_SEC_FETCH_SITE") == "cross-site":
        return True
    origin = request.META.get("HTTP_ORIGIN")
    if not origin or origin == "null":
        return False
    own = f"{request.scheme}://{request.get_host()}"
    trusted = [own, *settings.CSRF_TRUSTED_ORIGINS]
    parts = urlsplit(origin)
    return f"{parts.scheme}://{parts.netloc}" not in trusted
