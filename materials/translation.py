from modeltranslation.translator import TranslationOptions, register

from .models import Material


@register(Material)
class MaterialTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    # Only bokmål is required; other languages may be empty and then fall back.
    required_languages = ("nb",)
