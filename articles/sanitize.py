"""The one place HTML written by editors and translators is cleaned: on save and again on
render (defence in depth), with an allow-list. Whatever is not on the list goes, with its
content where that is code (script, style)."""

import html
import re

import nh3

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|tr|caption)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def clean_html(value):
    """Safe HTML: only the allowed tags and attributes, links with safe schemes only and
    rel="noopener noreferrer"."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        clean_content_tags={"script", "style"},
        strip_comments=True,
    )


def html_to_text(value):
    """Plain text of (cleaned) HTML for search and summaries: tags out, entities decoded,
    whitespace collapsed."""
    if not value:
        return ""
    with_breaks = _BLOCK_END.sub(" ", clean_html(value))
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", with_breaks))).strip()
