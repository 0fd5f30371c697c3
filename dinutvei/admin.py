"""Admin pieces shared by the apps."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin


class OrderedVocabularyAdmin(TranslationAdmin):
    """For the small translated vocabularies (categories, target groups, topics): name,
    slug and an order that editors set in the list."""

    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}


class ReadOnlyAdmin(admin.ModelAdmin):
    """For what staff may look at but never add, change or delete here: registers kept
    from elsewhere (counties, municipalities), figures computed by the service."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
