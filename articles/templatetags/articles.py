from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles.sanitize import clean_html, link_phone_numbers
from core.i18n import language_attributes

register = template.Library()


@register.filter
def sanitized(value):
    """Editor- or translator-written HTML, cleaned again at render time (it was cleaned on
    save too), its phone numbers made tel: links: the one place article HTML is marked
    safe."""
    return mark_safe(link_phone_numbers(clean_html(str(value or ""))))  # cleaned just now


@register.simple_tag
def lang_attrs(language):
    """core.i18n.language_attributes, for templates."""
    return language_attributes(language)


@register.simple_tag
def content_lang_attrs(item):
    """lang_attrs for an article or news item in the language it is shown in."""
    return lang_attrs(item.content_language(get_language()))
