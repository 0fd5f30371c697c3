from modeltranslation.translator import TranslationOptions, register

from .models import TargetGroup, Topic


@register(TargetGroup)
class TargetGroupTranslationOptions(TranslationOptions):
    fields = ("name", "description", "self_description")


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "description")
