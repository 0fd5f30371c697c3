from modeltranslation.translator import TranslationOptions, register

from .models import Film


@register(Film)
class FilmTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "transcript")
    # Only bokmål is required; other languages may be empty and then fall back.
    required_languages = ("nb",)
