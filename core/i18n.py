"""The same page in another language.

The portal's URL patterns are not translated (the paths are bokmål in every language) and
bokmål has no prefix (`i18n_patterns(prefix_default_language=False)`), so a page's address
in another language differs only in its prefix. Swapping the prefix gives what Django's
`translate_url` gives (tests/portal/test_pages.py compares them) without resolving and
reversing the URL once per language: a page links to itself in 15 languages, twice.
"""

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import (
    get_language,
    get_language_bidi,
    get_language_from_path,
    get_language_info,
)
from modeltranslation.utils import build_localized_fieldname

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def localized_names(fields, languages=None):
    """The columns of translated fields (modeltranslation's `<field>_<code>`): each field
    in each of the languages, the site's own by default."""
    codes = [code for code, _name in settings.LANGUAGES] if languages is None else languages
    fields = tuple(fields)  # read once per language
    return [build_localized_fieldname(field, code) for code in codes for field in fields]


def path_in_language(path, code):
    """`path` (with its query string, if any) in the language `code`."""
    current = get_language_from_path(path)
    rest = path[len(current) + 1 :] if current else path
    if not rest.startswith("/"):
        rest = "/" + rest
    return rest if code == settings.LANGUAGE_CODE else f"/{code}{rest}"


def language_attributes(language):
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
