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


# Phone numbers a reader should be able to call with one tap: the emergency numbers, the
# national 116 lines, five-digit service numbers (02800) and eight-digit numbers written
# in Norway's groupings (22 00 00 00, 800 40 040), with or without +47. Never other runs
# of digits (years, amounts) and never inside a link or a heading.
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+47[ \u00a0]?)?"
    r"(?:\d{2}[ \u00a0]\d{2}[ \u00a0]\d{2}[ \u00a0]\d{2}|\d{3}[ \u00a0]\d{2}[ \u00a0]\d{3})"
    r"|116[ \u00a0]?\d{3}"
    r"|0\d{4}"
    r"|11[023]"
    r")(?![\w])"
)
_PIECES = re.compile(r"(<[^>]*>)")
_NO_LINKS_INSIDE = re.compile(r"<(/?)(a|h[1-6])\b", re.IGNORECASE)


def link_phone_numbers(value):
    """Cleaned HTML with its phone numbers as tel: links (numbers kept whole and
    left-to-right in right-to-left text)."""
    depth = 0
    pieces = []
    for piece in _PIECES.split(value):
        tag = _NO_LINKS_INSIDE.match(piece)
        if tag:
            depth += -1 if tag.group(1) else 1
        elif depth <= 0 and not piece.startswith("<"):
            piece = _PHONE.sub(_tel_link, piece)
        pieces.append(piece)
    return "".join(pieces)


def _tel_link(match):
    text = match.group(0)
    digits = re.sub(r"[^\d+]", "", text)
    return f'<a class="tel" href="tel:{digits}"><span dir="ltr">{text}</span></a>'
