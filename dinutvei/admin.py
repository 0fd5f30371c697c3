"""Admin pieces shared by the apps."""

from modeltranslation.admin import TranslationAdmin


class OrderedVocabularyAdmin(TranslationAdmin):
    """For the small translated vocabularies (categories, target groups, topics): name,
    slug and an order that editors set in the list."""

    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
