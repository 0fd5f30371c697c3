"""What every app's site_search returns, and the snippets shown under a title."""

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.safestring import mark_safe
from modeltranslation.utils import build_localized_fieldname

from .terms import fold

SNIPPET_WORDS = 30
SNIPPET_CHARS = 200
# A snippet from a long text starts this many words before the first hit.
WORDS_BEFORE_HIT = SNIPPET_WORDS // 3
# Words longer than this before a hit may leave fewer words before it in the snippet.
LOOKBACK_PER_WORD = 40


@dataclass(frozen=True)
class SearchHit:
    """One result of the site search."""

    kind: str  # "article", "service", "question"
    title: str
    url: str
    snippet: str  # plain text, or safe HTML (escaped, <mark> around the hits)
    rank: float  # between 0 and 1 within a kind; kinds are not comparable
    language: str  # the language the title and the snippet are shown in


def excerpt(text, chars=SNIPPET_CHARS):
    """The beginning of a text, cut at a word, as plain text."""
    text = " ".join((text or "").split())
    if len(text) <= chars:
        return text
    return text[:chars].rsplit(" ", 1)[0] + " …"


def first_hit(text, stems):
    """Where in the text the first of the stems begins (in the folded text), or -1."""
    folded = fold(text or "")
    return min((place for place in map(folded.find, stems) if place >= 0), default=-1)


@lru_cache(maxsize=256)
def _stems_pattern(stems):
    """Any of the stems, ignoring case as fold() does (the longest first)."""
    return re.compile(
        "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True)), re.IGNORECASE
    )


def highlighted(text, stems, words=SNIPPET_WORDS, *, place=None):
    """About `words` words of the text from a little before the first hit (at `place`,
    when the caller has found it), escaped, each word that holds a stem in <mark>. Only
    the words around the hit are looked at, so a long text costs no more than a short one."""
    text = text or ""
    place = max(first_hit(text, stems) if place is None else place, 0)
    # The words before the one the hit is in, from a stretch long enough to hold them.
    lookback = max(0, place - WORDS_BEFORE_HIT * LOOKBACK_PER_WORD)
    before = text[lookback:place].split()
    if before and not text[place - 1 : place].isspace():
        before.pop()  # the beginning of the hit's own word
    if lookback and before and not text[lookback - 1 : lookback].isspace():
        before.pop(0)  # a word cut by the stretch
    cut = bool(lookback) or len(before) > WORDS_BEFORE_HIT
    before = before[-WORDS_BEFORE_HIT:]
    rest = text[place:].split(maxsplit=words - len(before))
    if rest and place and not text[place - 1 : place].isspace():
        rest[0] = text[lookback:place].rsplit(maxsplit=1)[-1] + rest[0]  # the whole word
    tokens = before + rest
    window = " ".join(tokens[:words])
    parts, done = [], 0
    for found in _stems_pattern(tuple(stems)).finditer(window) if stems else ():
        if found.start() < done:
            continue  # in a word already marked
        start = window.rfind(" ", 0, found.start()) + 1
        end = window.find(" ", found.end())
        end = len(window) if end < 0 else end
        parts += [html.escape(window[done:start]), f"<mark>{html.escape(window[start:end])}</mark>"]
        done = end
    parts.append(html.escape(window[done:]))
    return mark_safe(("… " if cut else "") + "".join(parts) + (" …" if len(tokens) > words else ""))


def translated_columns(name, languages):
    """The columns (for values()) of a translated field in each of the languages."""
    return [build_localized_fieldname(name, code) for code in languages]


def first_written(row, name, languages):
    """From a values() row: the text of a translated field in the first of the languages
    it is written in, and that language."""
    for column, code in zip(translated_columns(name, languages), languages, strict=True):
        if row[column]:
            return row[column], code
    return "", languages[-1]
