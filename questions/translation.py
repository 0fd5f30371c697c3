from modeltranslation.translator import TranslationOptions, register

from .models import AnswerSnippet, Question


@register(AnswerSnippet)
class AnswerSnippetTranslationOptions(TranslationOptions):
    fields = ("title", "text")


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    """Only the anonymised public version is translated; the asker's original never is."""

    fields = ("public_title", "public_question", "public_answer")
