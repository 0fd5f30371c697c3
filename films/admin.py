from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin import bokmal_first_fieldsets

from .models import Film, FilmSubtitle
from .services import film_save


class FilmSubtitleInline(admin.TabularInline):
    """One WebVTT file per language; a broken file is refused with the line it breaks on."""

    model = FilmSubtitle
    extra = 1
    fields = ["language", "file"]


@admin.register(Film)
class FilmAdmin(TranslationAdmin):
    list_display = ["title", "order", "is_published", "duration", "subtitle_languages"]
    list_editable = ["order"]
    list_filter = ["is_published", "target_groups"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title_nb"]}
    filter_horizontal = ["target_groups"]
    readonly_fields = ["updated_at"]
    inlines = [FilmSubtitleInline]
    fieldsets = [
        *bokmal_first_fieldsets(
            ["title", "summary", "transcript"],
            other_fields=[
                "slug",
                "video",
                "poster",
                "duration",
                "target_groups",
                "is_published",
                "order",
                "updated_at",
            ],
        )
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("subtitles")

    def save_model(self, request, obj, form, change):
        film_save(film=obj)

    @admin.display(description=_("subtitles"))
    def subtitle_languages(self, film):
        return ", ".join(subtitle.language for subtitle in film.subtitles.all()) or "–"
