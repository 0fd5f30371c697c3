from modeltranslation.translator import TranslationOptions, register

from .models import Article, NewsItem


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "easy_read_title", "easy_read_body")
    # Only bokmål is required; other languages may be empty and then fall back.
    required_languages = ("nb",)


@register(NewsItem)
class NewsItemTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("nb",)
