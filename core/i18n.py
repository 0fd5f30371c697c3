"""The same page in another language.

The portal's URL patterns are not translated (the paths are bokmål in every language) and
bokmål has no prefix (`i18n_patterns(prefix_default_language=False)`), so a page's address
in another language differs only in its prefix. Swapping the prefix gives what Django's
`translate_url` gives (tests/portal/test_pages.py compares them) without resolving and
reversing the URL once per language: a page links to itself in 15 languages, twice.
"""

from django.conf import settings
from django.utils.translation import get_language_from_path


def path_in_language(path, code):
    """`path` (with its query string, if any) in the language `code`."""
    current = get_language_from_path(path)
    rest = path[len(current) + 1 :] if current else path
    if not rest.startswith("/"):
        rest = "/" + rest
    return rest if code == settings.LANGUAGE_CODE else f"/{code}{rest}"
