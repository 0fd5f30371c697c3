from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from core.admin import bokmal_first_fieldsets

from .models import Outcome, SelfTest, Statement


class StatementInline(TranslationStackedInline):
    model = Statement
    extra = 0
    fieldsets = bokmal_first_fieldsets(
        ["text"], other_fields=["kind", "is_danger_sign", "article", "order"]
    )
    autocomplete_fields = ["article"]


class OutcomeInline(TranslationStackedInline):
    model = Outcome
    extra = 0
    max_num = 4
    fieldsets = bokmal_first_fieldsets(
        ["title", "text"], other_fields=["level", "articles", "service_categories", "ask_panel"]
    )
    filter_horizontal = ["articles", "service_categories"]


@admin.register(SelfTest)
class SelfTestAdmin(TranslationAdmin):
    list_display = ["title", "target_group", "statement_count", "is_published", "order"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published", "target_group"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title_nb"]}
    fieldsets = bokmal_first_fieldsets(
        ["title", "intro", "sources"],
        other_fields=["slug", "target_group", "is_published", "order"],
    )
    inlines = [StatementInline, OutcomeInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_total=Count("statements"))

    @admin.display(description=_("statements"), ordering="statement_total")
    def statement_count(self, obj):
        return obj.statement_total
