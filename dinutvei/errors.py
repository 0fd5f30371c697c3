"""The portal's own error pages: 404, 500 and 503.

They are rendered from templates that need neither the database nor the cache (only the
emergency numbers in code and the settings), in the language of the URL's prefix, so that
they still work when what failed was the database or the cache. `build_error_pages` writes
the same pages as static files for nginx to show when no app server answers."""

import sys

from django.shortcuts import render

from core.availability import is_unavailable

# Form fields that hold what a person wrote in their own words: shown back on the 503 page
# so that a question written while the service was down is not lost.
FREE_TEXT_FIELDS = ("text", "comment", "message")
RETRY_AFTER_SECONDS = 60


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    """Django's handler500. A database or cache that failed outside a view (in a middleware,
    for example) still gets the 503 page."""
    error = sys.exc_info()[1]
    if error is not None and is_unavailable(error):
        return service_unavailable(request)
    return _no_store(render(request, "errors/500.html", status=500))


def typed_text(request):
    """What the person wrote in the form they sent, if any."""
    if request.method != "POST":
        return []
    try:
        data = request.POST
    except Exception:  # a body too large or malformed: nothing to give back
        return []
    return [data[name] for name in FREE_TEXT_FIELDS if data.get(name, "").strip()]


def service_unavailable(request):
    response = render(request, "errors/503.html", {"typed": typed_text(request)}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return _no_store(response)
