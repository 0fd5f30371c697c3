from django.conf import settings
from django.contrib import admin, messages
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modeltranslation.admin import TranslationAdmin

from core.admin import bokmal_first_fieldsets

from .models import (
    EASY_READ_FIELDS,
    MOST_READ_DAYS,
    SOURCE_LANGUAGE,
    TRANSLATED_FIELDS,
    Article,
    NewsItem,
    translation_languages,
)
from .services import (
    article_reindex,
    article_save,
    articles_mark_translations_current,
    news_item_save,
)
from .widgets import ArticleBodyWidget

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


class RichTextBodies:
    """Bodies (every language's, and the easy-read text) in the rich-text editor."""

    rich_text_fields = ("body", "easy_read_body")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name.rpartition("_")[0] in self.rich_text_fields:
            kwargs["widget"] = ArticleBodyWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class EasyReadFilter(admin.SimpleListFilter):
    title = _("easy read")
    parameter_name = "easy_read"

    def lookups(self, request, model_admin):
        return [("yes", _("Has one in bokmål")), ("no", _("None in bokmål"))]

    def queryset(self, request, queryset):
        with_one = queryset.with_easy_read_in(SOURCE_LANGUAGE)
        if self.value() == "yes":
            return with_one
        if self.value() == "no":
            return queryset.exclude(pk__in=with_one.values("pk"))
        return queryset


@admin.register(Article)
class ArticleAdmin(RichTextBodies, TranslationAdmin):
    list_display = [
        "title",
        "published_at",
        "is_published",
        "quality_assured_display",
        "translations_display",
        "recent_reads_display",
    ]
    list_filter = [
        TranslationStatusFilter,
        EasyReadFilter,
        "is_published",
        "target_groups",
        "topics",
        ("quality_assured_on", admin.EmptyFieldListFilter),
    ]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title_nb"]}
    filter_horizontal = ["target_groups", "topics", "service_categories", "related"]
    date_hierarchy = "published_at"
    readonly_fields = ["updated_at", "recent_reads_display", "translation_status"]
    actions = ["mark_translations_current", "reindex"]

    def get_fieldsets(self, request, obj=None):
        """Bokmål in place; each other language in a collapsed fieldset of its own, named
        with its state, so a translator opens the one they work on."""
        translations = []
        for code in translation_languages():
            state = ""
            if obj is not None:
                if not obj.has_translation(code):
                    state = pgettext_lazy("state of a translation", "missing")
                elif obj.is_outdated_in(code):
                    state = _("outdated")
            name = f"{LANGUAGE_NAMES[code]} ({state})" if state else str(LANGUAGE_NAMES[code])
            translations.append(
                (
                    name,
                    {
                        "classes": ["collapse"],
                        "fields": [
                            f"{field}_{code}" for field in (*TRANSLATED_FIELDS, *EASY_READ_FIELDS)
                        ],
                    },
                )
            )
        return [
            (None, {"fields": ["title_nb", "slug", "summary_nb", "body_nb"]}),
            (
                _("Easy read (bokmål)"),
                {
                    "classes": ["collapse"],
                    "fields": [f"{field}_{SOURCE_LANGUAGE}" for field in EASY_READ_FIELDS],
                },
            ),
            (
                _("Sections and links"),
                {"fields": ["target_groups", "topics", "service_categories", "related"]},
            ),
            (
                _("Publishing and quality"),
                {
                    "fields": [
                        "is_published",
                        "published_at",
                        "quality_assured_on",
                        "updated_at",
                        "recent_reads_display",
                        "translation_status",
                    ]
                },
            ),
            *translations,
        ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_recent_reads()

    @admin.display(
        # Translators: the column of readers over the last {days} days.
        description=format_lazy(_("readers, {days} days"), days=MOST_READ_DAYS),
        ordering="recent_reads",
    )
    def recent_reads_display(self, article):
        return getattr(article, "recent_reads", 0)

    def save_model(self, request, obj, form, change):
        article_save(article=obj, changed_fields=form.changed_data if change else None)

    @admin.display(description=_("translations"))
    def translations_display(self, article):
        """How many languages it is in, and which of them are outdated: short enough for
        a laptop's width with every language translated (the full list is on the page)."""
        languages = translation_languages()
        translated = [code for code in languages if article.has_translation(code)]
        if not translated:
            return "–"
        outdated = [code for code in translated if article.is_outdated_in(code)]
        count = format_html(
            "{}",
            _("%(translated)d of %(all)d") % {"translated": len(translated), "all": len(languages)},
        )
        if not outdated:
            return count
        return format_html(
            '{}<br><span class="stale">{} {}</span>',
            count,
            _("outdated:"),
            format_html_join(
                " ", '<abbr title="{}">{}</abbr>', ((LANGUAGE_NAMES[c], c) for c in outdated)
            ),
        )

    @admin.display(description=_("quality-assured"), ordering="quality_assured_on")
    def quality_assured_display(self, article):
        return date_format(article.quality_assured_on) if article.quality_assured_on else "–"

    @admin.display(description=_("translation status"))
    def translation_status(self, article):
        if not article.pk:
            return "–"
        rows = []
        for code in translation_languages():
            if not article.has_translation(code):
                state = pgettext_lazy("state of a translation", "missing")
            elif article.is_outdated_in(code):
                state = _("outdated: the bokmål text has changed since it was translated")
            else:
                state = _("up to date")
            rows.append((LANGUAGE_NAMES[code], state))
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", rows))

    @admin.action(
        description=_("Mark the filtered language's translations as up to date"),
        permissions=["change"],
    )
    def mark_translations_current(self, request, queryset):
        language = request.GET.get("translation", "").partition(":")[2]
        if language not in translation_languages():
            self.message_user(
                request,
                _("First filter on “Outdated in …” for the language you have checked."),
                messages.WARNING,
            )
            return
        count = articles_mark_translations_current(articles=queryset, language=language)
        self.message_user(
            request,
            ngettext(
                "%(count)d translation marked as up to date.",
                "%(count)d translations marked as up to date.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Rebuild the search index"), permissions=["change"])
    def reindex(self, request, queryset):
        count = article_reindex(articles=queryset)
        self.message_user(
            request,
            ngettext("%(count)d article reindexed.", "%(count)d articles reindexed.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(NewsItem)
class NewsItemAdmin(RichTextBodies, TranslationAdmin):
    list_display = ["title", "published_at", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title_nb"]}
    date_hierarchy = "published_at"
    fieldsets = bokmal_first_fieldsets(
        ["title", "summary", "body"], other_fields=["slug", "is_published", "published_at"]
    )

    def save_model(self, request, obj, form, change):
        news_item_save(news_item=obj)
