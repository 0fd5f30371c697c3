from django.core.paginator import Paginator
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from core import page_cache

from .selectors import film_detail_queryset, film_list_queryset, subtitle_tracks

PAGE_SIZE = 20


@page_cache.shared_page(parameters=["page"])
class FilmListView(ListView):
    template_name = "films/list.html"
    context_object_name = "films"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return film_list_queryset()

    def paginate_queryset(self, queryset, page_size):
        # A bad page number shows the nearest page, never an error.
        paginator = Paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()


@page_cache.shared_page()
class FilmDetailView(DetailView):
    """A film with its subtitles in every language it has, the page's language on by
    default, and its transcript on the page for those who cannot watch or hear it."""

    template_name = "films/detail.html"
    context_object_name = "film"

    def get_queryset(self):
        return film_detail_queryset()

    def get_context_data(self, **kwargs):
        language = get_language()
        return super().get_context_data(
            tracks=subtitle_tracks(self.object, language=language),
            content_language=self.object.content_language(language),
            **kwargs,
        )
