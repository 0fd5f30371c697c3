from django.db import connection
from django.http import JsonResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from articles.models import TargetGroup
from articles.selectors import most_read_articles
from services.forms import ServiceSearchForm

from .search import SiteSearchForm, site_search


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            search_form=ServiceSearchForm(),
            target_groups=TargetGroup.objects.all(),
            most_read=most_read_articles(),
            **kwargs,
        )


@never_cache
def health(request):
    """For the load balancer: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


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
