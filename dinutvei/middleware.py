"""Response headers that keep the portal ready for a strict Content-Security-Policy."""

from urllib.parse import urlsplit

from django.conf import settings


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
