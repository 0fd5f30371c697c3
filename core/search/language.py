"""The languages of the search: for each, the PostgreSQL text-search configuration, a
stemmer and the words too common to search for.

A stem here is a beginning that the inflected forms of a word share, so that a substring
match on the stem ("krisesenter" for "krisesenteret", "shelter" for "sheltering") finds
them all: the stemmers only remove endings, never rewrite them. Norwegian follows the
Snowball algorithm that PostgreSQL's `norwegian` configuration uses; English a light
suffix stripper (Snowball's English stem rewrites endings, "happy" → "happi", and would no
longer be a substring of the word); the other languages lose a letter or two from the
end of a long word, which is what inflection mostly changes.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils.translation import get_language

# PostgreSQL ships Snowball stemmers for these; the rest use "simple" (no stemming).
CONFIGS = {
    "nb": "norwegian",
    "nn": "norwegian",
    "en": "english",
    "ar": "arabic",
    "ru": "russian",
    "es": "spanish",
    "fr": "french",
    "tr": "turkish",
}

# --- Norwegian (Snowball) ----------------------------------------------------------------

NORWEGIAN_VOWELS = frozenset("aeiouyæåø")
NORWEGIAN_STEP1 = (
    "hetenes hetene hetens heten heter endes ande ende edes enes ene ane ens ers ets het "
    "ast ede en ar er as es et a e"
).split()
NORWEGIAN_S_ENDING = frozenset("bcdfghjlmnoprtvyz")
NORWEGIAN_STEP3 = "hetslov eleg elig elov slov leg eig lig els lov ig".split()


def _region1(word, vowels):
    """Where Snowball's R1 begins: after the first non-vowel that follows a vowel, and
    never before the third letter."""
    for index in range(1, len(word)):
        if word[index] not in vowels and word[index - 1] in vowels:
            return max(index + 1, 3)
    return len(word)


def _longest_ending(word, endings, start):
    """The longest of `endings` that the word ends with, wholly after `start`."""
    return max(
        (
            ending
            for ending in endings
            if word.endswith(ending) and len(word) - len(ending) >= start
        ),
        key=len,
        default="",
    )


def norwegian_stem(word):
    r1 = _region1(word, NORWEGIAN_VOWELS)
    ending = _longest_ending(word, (*NORWEGIAN_STEP1, "s", "erte", "ert"), r1)
    if ending in ("erte", "ert"):
        word = word[: -len(ending)] + "er"
    elif ending == "s":
        before = word[-2:-1]
        if before in NORWEGIAN_S_ENDING or (
            before == "k" and word[-3:-2] and word[-3:-2] not in NORWEGIAN_VOWELS
        ):
            word = word[:-1]
    elif ending:
        word = word[: -len(ending)]
    if _longest_ending(word, ("dt", "vt"), r1):
        word = word[:-1]
    ending = _longest_ending(word, NORWEGIAN_STEP3, r1)
    return word[: -len(ending)] if ending else word


# --- English -----------------------------------------------------------------------------

ENGLISH_ENDINGS = (
    "ingly edly ments ment ness ions ion ings ing ers er ied ies ed es ly s e y"
).split()
ENGLISH_MIN_STEM = 4


def english_stem(word):
    """The word without its longest inflectional or derivational ending, if at least
    ENGLISH_MIN_STEM letters are left ("rape" stays, not "rap")."""
    ending = _longest_ending(word, ENGLISH_ENDINGS, ENGLISH_MIN_STEM)
    return word[: -len(ending)] if ending else word


# --- Everything else ---------------------------------------------------------------------


def trimmed_stem(word):
    """A letter or two off the end of a long word: endings still find the base word."""
    if len(word) >= 7:
        return word[:-2]
    if len(word) >= 5:
        return word[:-1]
    return word


def unchanged(word):
    return word


# Words too common to tell texts apart. Bokmål and nynorsk share a list.
NORWEGIAN_STOPWORDS = frozenset(
    """
alle andre at av bare ble blir da de dei deg dem den denne der dere det dette di din ditt
du eg ein eit eller en er et etter for fra før få har hun hva hvem hvis hvor hvordan hvorfor
i ikke ikkje inn jeg kan kanskje kva kven kor korleis man med meg men mi min mitt mye må
ned noe noen når og også om opp oss på seg selv sin sine sitt skal skulle slik so som
til ut var ved vi vil ville være vore å
""".split()
)
ENGLISH_STOPWORDS = frozenset(
    """
about after also and any are because been but can could did does for from had has have
her him his how into its just more not now of our out she should that the their them
then there they this was what when where which who why will with would you your
""".split()
)


@dataclass(frozen=True)
class Language:
    code: str
    config: str  # the PostgreSQL text-search configuration
    stem: Callable[[str], str]
    stopwords: frozenset = frozenset()


SPECIAL = {
    "nb": (norwegian_stem, NORWEGIAN_STOPWORDS),
    "nn": (norwegian_stem, NORWEGIAN_STOPWORDS),
    "en": (english_stem, ENGLISH_STOPWORDS),
    # Thai does not inflect (and does not put spaces between words).
    "th": (unchanged, frozenset()),
}


@cache
def language(code):
    stem, stopwords = SPECIAL.get(code, (trimmed_stem, frozenset()))
    return Language(code, CONFIGS.get(code, "simple"), stem, stopwords)


def search_config(code):
    """The PostgreSQL text-search configuration for a language."""
    return language(code).config


def search_languages(code=None):
    """The languages a reader's search looks in: theirs (the active one when not given),
    and bokmål, which every text is written in first and falls back to."""
    code = (code or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    known = {known_code for known_code, _name in settings.LANGUAGES}
    return tuple(dict.fromkeys([*([code] if code in known else []), settings.LANGUAGE_CODE]))
