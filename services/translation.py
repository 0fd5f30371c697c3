from modeltranslation.translator import TranslationOptions, register

from .models import ClientGroup, Service, ServiceCategory


@register(ServiceCategory)
class ServiceCategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(ClientGroup)
class ClientGroupTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Service)
class ServiceTranslationOptions(TranslationOptions):
    fields = ("description", "opening_hours_note")
