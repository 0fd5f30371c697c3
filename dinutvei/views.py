from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from articles.selectors import most_read_articles
from core import page_cache
from core.availability import UNAVAILABLE_ERRORS
from core.models import TargetGroup
from services.forms import ServiceSearchForm

from .search import SiteSearchForm, site_search


@page_cache.shared_page()
class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            search_form=ServiceSearchForm(),
            target_groups=TargetGroup.objects.all(),
            most_read=most_read_articles(),
            **kwargs,
        )


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except UNAVAILABLE_ERRORS:
        return False
    return True


def _cache_answers():
    key = "health:probe"
    try:
        cache.set(key, "ok", 10)
        return cache.get(key) == "ok"
    except UNAVAILABLE_ERRORS:
        return False


def media(request, path):
    """An uploaded file (a film, its poster or subtitles), where Django serves them itself:
    development and tests (settings.SERVE_MEDIA). Production's nginx serves /media/."""
    from django.views.static import serve

    return serve(request, path, document_root=settings.MEDIA_ROOT)


@never_cache
def health(request):
    """For the proxy and the container engine: the database and the cache, each on its own.
    503 when either is down, so that a check can take the server out of rotation, while
    the body says which part failed."""
    parts = {
        "database": "ok" if _database_answers() else "unavailable",
        "cache": "ok" if _cache_answers() else "unavailable",
    }
    healthy = all(state == "ok" for state in parts.values())
    return JsonResponse(parts, status=200 if healthy else 503)


class SearchView(TemplateView):
    """The site search: a helpful page for an empty or unusable query, never an error."""

    template_name = "pages/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SiteSearchForm(self.request.GET or None)
        context["form"] = form
        if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
            context["results"] = site_search(
                form.cleaned_data["q"], language=get_language(), page=_page_number(self.request)
            )
        if "results" not in context or not context["results"].total:
            context.update(
                target_groups=TargetGroup.objects.all(),
                most_read=most_read_articles(),
            )
        return context


def _page_number(request):
    """The page asked for, or the first for anything that is not a small positive number."""
    value = request.GET.get("page", "")
    return int(value) if value.isdigit() and len(value) <= 3 else 1
