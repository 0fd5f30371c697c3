"""The site search's shared base: one normaliser and stemmer per language, one result type,
one scoring expression on every database. The apps build their `site_search` from these;
decision 9 (docs/decisions/0009-one-search-package.md) says why it looks as it does.

- `language`: per language the PostgreSQL configuration, the stemmer and the stopwords;
- `terms`: a query's words (`Terms`) and the folding every part agrees on;
- `sql`: names from `_meta` and the scoring expression, as SQL text or in the ORM;
- `hits`: `SearchHit` and the snippets.
"""

from .hits import (
    SearchHit,
    excerpt,
    first_hit,
    first_written,
    highlighted,
    translated_columns,
)
from .language import search_config, search_languages
from .sql import (
    AllWordsFound,
    Field,
    MatchScore,
    SearchField,
    Sql,
    Table,
    all_words_found,
    compose,
    folded,
    score,
)
from .terms import Terms, fold, words

__all__ = [
    "AllWordsFound",
    "Field",
    "MatchScore",
    "SearchField",
    "SearchHit",
    "Sql",
    "Table",
    "Terms",
    "all_words_found",
    "compose",
    "excerpt",
    "first_hit",
    "first_written",
    "fold",
    "folded",
    "highlighted",
    "score",
    "search_config",
    "search_languages",
    "translated_columns",
    "words",
]
