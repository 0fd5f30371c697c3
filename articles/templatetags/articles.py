from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi, get_language_info

from articles.sanitize import clean_html, link_phone_numbers

register = template.Library()
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@register.filter
def sanitized(value):
    """Editor- or translator-written HTML, cleaned again at render time (it was cleaned on
    save too), its phone numbers made tel: links: the one place article HTML is marked
    safe."""
    return mark_safe(link_phone_numbers(clean_html(str(value or ""))))  # cleaned just now


@register.simple_tag
def lang_attrs(language):
    """` lang="nb"` (and `dir`, where it differs from the page's) for text in another
    language than the page: a title or text shown in bokmål because it is missing in the
    reader's language. Empty when the text is in the page's language."""
    if language not in LANGUAGE_CODES or language == get_language():
        return ""
    bidi = get_language_info(language)["bidi"]
    direction = ""
    if bidi != get_language_bidi():
        direction = ' dir="rtl"' if bidi else ' dir="ltr"'
    return mark_safe(f' lang="{language}"{direction}')  # a code from settings.LANGUAGES


@register.simple_tag
def content_lang_attrs(item):
    """lang_attrs for an article or news item in the language it is shown in."""
    return lang_attrs(item.content_language(get_language()))
