"""A query as every app's search sees it: its words, folded and without stopwords, and
each word's stem in the language of the text it is matched against."""

import re
from dataclasses import dataclass
from functools import lru_cache

from .language import language

WORD = re.compile(r"\w+")
# Shorter words are stopwords or noise; longer ones are not words.
MIN_WORD_LENGTH, MAX_WORD_LENGTH = 3, 40
# A query of more words keeps the most telling: the longest, numbers last.
MAX_WORDS = 8


def fold(text):
    """Case folding as the databases do it (PostgreSQL's lower(); on SQLite the same
    Python function, registered by core.search.sql)."""
    return text.lower()


def words(text):
    """The words of a text, folded, in order (with repeats)."""
    return [
        word
        for word in (fold(match) for match in WORD.findall(text or ""))
        if MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH
    ]


@lru_cache(maxsize=4096)
def stem(word, code):
    """The word's stem in a language (a query's few words are stemmed many times over)."""
    return language(code).stem(word)


@dataclass(frozen=True)
class Terms:
    """The words of a query searched in `languages` (the reader's first, then bokmål)."""

    query: str
    languages: tuple
    words: tuple

    @classmethod
    def parse(cls, query, languages):
        stopwords = frozenset().union(*(language(code).stopwords for code in languages))
        found = [word for word in dict.fromkeys(words(query)) if word not in stopwords]
        if len(found) > MAX_WORDS:
            telling = set(
                sorted(found, key=lambda word: (word.isdigit(), -len(word), word))[:MAX_WORDS]
            )
            found = [word for word in found if word in telling]
        return cls(query, tuple(languages), tuple(found))

    def __bool__(self):
        return bool(self.words)

    def stem(self, word, code):
        return stem(word, code)

    def stems(self, code):
        """The words' stems in one language, each once."""
        return tuple(dict.fromkeys(self.stem(word, code) for word in self.words))
