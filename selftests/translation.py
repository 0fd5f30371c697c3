from modeltranslation.translator import TranslationOptions, register

from .models import Outcome, SelfTest, Statement


@register(SelfTest)
class SelfTestTranslationOptions(TranslationOptions):
    fields = ("title", "intro", "sources")
    # Only bokmål is required; other languages may be empty and then fall back.
    required_languages = ("nb",)


@register(Statement)
class StatementTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("nb",)


@register(Outcome)
class OutcomeTranslationOptions(TranslationOptions):
    fields = ("title", "text")
    required_languages = ("nb",)
