from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language, get_language_info
from django.views.generic import DetailView, ListView, TemplateView

from core import page_cache
from core.i18n import path_in_language
from core.models import TargetGroup, Topic

from .forms import NearbyServicesForm
from .models import SOURCE_LANGUAGE, NewsItem
from .selectors import (
    article_detail_queryset,
    article_list_queryset,
    easy_read_articles,
    most_read_articles,
    nearby_services,
)
from .services import article_count_read

PAGE_SIZE = 20


@page_cache.shared_page()
class ArticleIndexView(TemplateView):
    """Every section: the four target groups and the topics, and the newest articles."""

    template_name = "articles/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            target_groups=TargetGroup.objects.all(),
            topics=Topic.objects.all(),
            latest=article_list_queryset()[:6],
            most_read=most_read_articles(),
            **kwargs,
        )


@page_cache.shared_page(parameters=["page"])
class SectionView(ListView):
    """A section page: a target group's or a topic's articles, page by page."""

    template_name = "articles/section.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    section_model = None
    section_kind = ""

    def dispatch(self, request, *args, **kwargs):
        self.section = get_object_or_404(self.section_model, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return article_list_queryset().filter(**{self.section_kind: self.section})

    def paginate_queryset(self, queryset, page_size):
        # A bad page number shows the nearest page, never an error.
        paginator = Paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section, section_kind=self.section_kind, **kwargs
        )


class TargetGroupView(SectionView):
    section_model = TargetGroup
    section_kind = "target_groups"


class TopicView(SectionView):
    section_model = Topic
    section_kind = "topics"


@page_cache.shared_page()
class ArticleDetailView(DetailView):
    """One article, in the reader's language or else in bokmål with a notice. An article
    about a kind of help offers the nearest such services to a place the reader types."""

    template_name = "articles/detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return article_detail_queryset()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # A return from the feedback form or a search for services is not a new read.
        if not request.GET:
            article_count_read(article=self.object, request=self.request)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        language = get_language()
        # Only kinds of help with places on the map (not the national phone lines).
        categories = article.service_categories.filter(
            services__is_published=True, services__is_national=False
        ).distinct()
        content_language = article.content_language(language)
        context.update(
            content_language=content_language,
            is_fallback=content_language != language,
            has_easy_read=article.has_easy_read(content_language),
            canonical_url=_canonical_url(self.request),
            available_languages=_language_links(self.request, article.available_languages()),
            related=[item for item in article.related.all() if item.pk != article.pk],
        )
        if categories:
            form = NearbyServicesForm(
                self.request.GET if "place" in self.request.GET else None,
                categories=categories,
            )
            context["nearby_form"] = form
            if form.is_bound and form.is_valid():
                context["nearby"] = nearby_services(
                    place=form.cleaned_data["place"], category=form.cleaned_data["category"]
                )
        return context


@page_cache.shared_page()
class EasyReadView(ArticleDetailView):
    """An article's easy-read version (lettlest), in the reader's language or else in
    bokmål with a notice, like the article itself. A read of it is a read of the article."""

    template_name = "articles/easy_read.html"

    def get_object(self, queryset=None):
        article = super().get_object(queryset)
        if article.easy_read_language() is None:
            raise Http404("No easy-read version")
        return article

    def get_context_data(self, **kwargs):
        context = DetailView.get_context_data(self, **kwargs)
        article, language = self.object, get_language()
        shown = article.easy_read_language(language)
        title, body = article.easy_read_in(shown)
        languages = [code for code in article.available_languages() if article.has_easy_read(code)]
        context.update(
            content_language=shown,
            is_fallback=shown != language,
            easy_read_title=title,
            easy_read_body=body,
            crumbs=[article],
            canonical_url=_canonical_url(self.request),
            available_languages=_language_links(self.request, languages),
        )
        return context


@page_cache.shared_page()
class EasyReadIndexView(TemplateView):
    """Every article with an easy-read version in the reader's language or in bokmål."""

    template_name = "articles/easy_read_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(articles=easy_read_articles(get_language()), **kwargs)


def _canonical_url(request):
    """A page shown in bokmål for want of a translation is the bokmål page's duplicate."""
    return request.build_absolute_uri(path_in_language(request.path, SOURCE_LANGUAGE))


def _language_links(request, codes):
    path = request.path
    return [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "bidi": get_language_info(code)["bidi"],
            "url": path_in_language(path, code),
        }
        for code in codes
    ]


@page_cache.shared_page(parameters=["page"])
class NewsListView(ListView):
    template_name = "articles/news_list.html"
    context_object_name = "news"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return NewsItem.objects.published()

    def paginate_queryset(self, queryset, page_size):
        paginator = Paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()


@page_cache.shared_page()
class NewsDetailView(DetailView):
    template_name = "articles/news_detail.html"
    context_object_name = "news_item"

    def get_queryset(self):
        return NewsItem.objects.published()

    def get_context_data(self, **kwargs):
        language = get_language()
        item = self.object
        return super().get_context_data(
            content_language=item.content_language(language),
            is_fallback=item.content_language(language) != language,
            canonical_url=_canonical_url(self.request),
            available_languages=_language_links(self.request, item.available_languages()),
            **kwargs,
        )
