"""Response headers for a strict Content-Security-Policy, and the 503 page for a database or
cache that is down."""

import logging
from urllib.parse import urlsplit

from django.conf import settings

from core.availability import describe, is_unavailable

from .errors import service_unavailable

logger = logging.getLogger("core.availability")


def content_security_policy():
    """The policy: only this site's own scripts, styles and images (plus a trusted tile
    server when MAP_TILE_URL is set). No inline script or style is allowed."""
    image_sources = ["'self'", "data:"]
    if settings.MAP_TILE_URL:
        parts = urlsplit(settings.MAP_TILE_URL)
        if parts.scheme and parts.netloc:
            # Leaflet's {s} subdomain placeholder becomes a CSP wildcard.
            image_sources.append(f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}")
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": image_sources,
        # The films' video and subtitle files, from this site only (films/).
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def security_headers(get_response):
    policy = content_security_policy()

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", policy)
        # Location is offered only to this site's own pages ("use my location").
        response.headers.setdefault(
            "Permissions-Policy", "geolocation=(self), camera=(), microphone=(), interest-cohort=()"
        )
        return response

    return middleware


# Query parameters that name what a person looks for or where they are.
SEARCH_PARAMETERS = {"q", "lat", "lon", "place"}


def searches_not_stored(get_response):
    """A response to a search, a position or a form is never stored by the browser or
    anything in between (Cache-Control: no-store): a shared or stolen device must not hold
    "Tromsø" or a position in its cache."""

    def middleware(request):
        response = get_response(request)
        if request.method == "POST" or SEARCH_PARAMETERS & request.GET.keys():
            response["Cache-Control"] = "no-store"
        return response

    return middleware


class ServiceUnavailableMiddleware:
    """A view that fails because the database or the cache cannot be reached gives the 503
    page (with the emergency numbers, and what the person typed), not a 500, and the log
    gets one line."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_unavailable(exception):
            return None
        logger.warning("Service unavailable: %s", describe(exception))
        return service_unavailable(request)
