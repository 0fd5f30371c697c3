import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from .models import (
    Article,
    NewsItem,
    PageFeedback,
    TargetGroup,
    Topic,
    translation_languages,
)
from .services import (
    article_reindex,
    article_save,
    articles_mark_translations_current,
    news_item_save,
)

LANGUAGE_NAMES = dict(settings.LANGUAGES)


class TranslationStatusFilter(admin.SimpleListFilter):
    """Per language: articles with no translation, or one made from an older bokmål text."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = []
        for code in translation_languages():
            name = LANGUAGE_NAMES[code]
            choices += [
                (f"missing:{code}", _("Missing in %(language)s") % {"language": name}),
                (f"outdated:{code}", _("Outdated in %(language)s") % {"language": name}),
            ]
        return choices

    def queryset(self, request, queryset):
        state, language = self.parsed()
        if state == "missing":
            return queryset.missing_in(language)
        if state == "outdated":
            return queryset.outdated_in(language)
        return queryset

    def parsed(self):
        state, _sep, language = (self.value() or "").partition(":")
        if state in {"missing", "outdated"} and language in translation_languages():
            return state, language
        return None, None


@admin.register(Article)
class ArticleAdmin(TranslationAdmin):
    list_display = ["title", "published_at", "is_published", "quality_assured_on",
                    "translations_display", "read_count"]
    list_filter = [TranslationStatusFilter, "is_published", "target_groups", "topics",
                   ("quality_assured_on", admin.EmptyFieldListFilter)]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title_nb"]}
    filter_horizontal = ["target_groups", "topics", "service_categories", "related"]
    date_hierarchy = "published_at"
    readonly_fields = ["updated_at", "read_count", "translation_status"]
    actions = ["mark_translations_current", "reindex"]
    def get_fieldsets(self, request, obj=None):
        """Bokmål in place; each other language in a collapsed fieldset of its own, named
        with its state, so a translator opens the one they work on."""
        translations = []
        for code in translation_languages():
            state = ""
            if obj is not None:
                if not obj.has_translation(code):
                    state = _("missing")
                elif obj.is_outdated_in(code):
                    state = _("outdated")
            name = f"{LANGUAGE_NAMES[code]} ({state})" if state else str(LANGUAGE_NAMES[code])
            translations.append((name, {"classes": ["collapse"], "fields": [
                f"{field}_{code}" for field in ("title", "summary", "body")]}))
        return [
            (None, {"fields": ["title_nb", "slug", "summary_nb", "body_nb"]}),
            (_("Sections and links"), {"fields": [
                "target_groups", "topics", "service_categories", "related"]}),
            (_("Publishing and quality"), {"fields": [
                "is_published", "published_at", "quality_assured_on", "updated_at",
                "read_count", "translation_status"]}),
            *translations,
        ]

    def save_model(self, request, obj, form, change):
        article_save(obj, changed_fields=form.changed_data if change else None)

    @admin.display(description=_("translations"))
    def translations_display(self, article):
        cells = []
        for code in translation_languages():
            if article.has_translation(code):
                outdated = article.is_outdated_in(code)
                label = f"{code}!" if outdated else code
                title = _("outdated") if outdated else _("up to date")
                cells.append((title, label))
        if not cells:
            return "–"
        return format_html_join(" ", '<abbr title="{}">{}</abbr>', cells)

    @admin.display(description=_("translation status"))
    def translation_status(self, article):
        if not article.pk:
            return "–"
        rows = []
        for code in translation_languages():
            if not article.has_translation(code):
                state = _("missing")
            elif article.is_outdated_in(code):
                state = _("outdated: the bokmål text has changed since it was translated")
            else:
                state = _("up to date")
            rows.append((LANGUAGE_NAMES[code], state))
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", rows))

    @admin.action(description=_("Mark the filtered language's translations as up to date"),
                  permissions=["change"])
    def mark_translations_current(self, request, queryset):
        language = request.GET.get("translation", "").partition(":")[2]
        if language not in translation_languages():
            self.message_user(request, _(
                "First filter on “Outdated in …” for the language you have checked."
            ), messages.WARNING)
            return
        count = articles_mark_translations_current(articles=queryset, language=language)
        self.message_user(request, ngettext(
            "%(count)d translation marked as up to date.",
            "%(count)d translations marked as up to date.", count) % {"count": count},
            messages.SUCCESS)

    @admin.action(description=_("Rebuild the search index"), permissions=["change"])
    def reindex(self, request, queryset):
        count = article_reindex(articles=queryset)
        self.message_user(request, ngettext(
            "%(count)d article reindexed.", "%(count)d articles reindexed.", count
        ) % {"count": count}, messages.SUCCESS)


def _bokmal_first(fields, *, other_fields=()):
    """Fieldsets: bokmål in place, the other languages in a collapsed fieldset."""
    return [
        (None, {"fields": [f"{field}_nb" for field in fields] + list(other_fields)}),
        (_("Translations"), {"classes": ["collapse"], "fields": [
            f"{field}_{code}" for code in translation_languages() for field in fields]}),
    ]


@admin.register(TargetGroup)
class TargetGroupAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name_nb"]}
    fieldsets = _bokmal_first(["name", "description"], other_fields=["slug", "order"])


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name_nb"]}
    fieldsets = _bokmal_first(["name", "description"], other_fields=["slug", "order"])


@admin.register(NewsItem)
class NewsItemAdmin(TranslationAdmin):
    list_display = ["title", "published_at", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title_nb"]}
    date_hierarchy = "published_at"
    fieldsets = _bokmal_first(["title", "summary", "body"],
                              other_fields=["slug", "is_published", "published_at"])

    def save_model(self, request, obj, form, change):
        news_item_save(obj)


SUMMARY_MONTHS = 6
MAX_SUMMARY_MONTHS = 24


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    """Read-only: what readers said, per page. The summary counts yes and no per page and
    month."""

    list_display = ["created_date", "path", "language", "helpful", "comment"]
    list_filter = ["helpful", "language", ("comment", admin.EmptyFieldListFilter)]
    search_fields = ["path", "comment"]
    date_hierarchy = "created_date"
    change_list_template = "admin/articles/pagefeedback/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path("summary/", self.admin_site.admin_view(self.summary_view),
                 name="articles_pagefeedback_summary"),
            *super().get_urls(),
        ]

    def summary_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            months = int(request.GET.get("months", SUMMARY_MONTHS))
        except ValueError:
            months = SUMMARY_MONTHS
        months = min(max(months, 1), MAX_SUMMARY_MONTHS)
        month_starts = _month_starts(timezone.localdate(), months)
        rows = (
            PageFeedback.objects.filter(created_date__gte=month_starts[0])
            .annotate(month=TruncMonth("created_date"))
            .values("path", "month")
            .annotate(yes=Count("pk", filter=Q(helpful=True)),
                      no=Count("pk", filter=Q(helpful=False)))
            .order_by("path", "month")
        )
        pages = {}
        for row in rows:
            month = row["month"]
            if isinstance(month, dt.datetime):
                month = month.date()
            counts = pages.setdefault(row["path"], {start: (0, 0) for start in month_starts})
            counts[month] = (row["yes"], row["no"])
        table = [
            {
                "path": page,
                "months": [counts[start] for start in month_starts],
                "yes": sum(yes for yes, _no in counts.values()),
                "no": sum(no for _yes, no in counts.values()),
                "changelist": reverse("admin:articles_pagefeedback_changelist")
                + "?" + urlencode({"path": page}),
            }
            for page, counts in pages.items()
        ]
        table.sort(key=lambda row: (-(row["yes"] + row["no"]), row["path"]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Feedback per page"),
            "month_starts": month_starts,
            "months": months,
            "table": table,
        }
        return TemplateResponse(request, "admin/articles/pagefeedback/summary.html", context)


def _month_starts(today, months):
    starts = []
    year, month = today.year, today.month
    for _index in range(months):
        starts.append(dt.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return starts[::-1]
