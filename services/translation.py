from modeltranslation.translator import TranslationOptions, register

from .models import Service, ServiceCategory, TargetGroup


@register(ServiceCategory)
class ServiceCategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(TargetGroup)
class TargetGroupTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Service)
class ServiceTranslationOptions(TranslationOptions):
    fields = ("description", "opening_hours_note")
