"""The search's SQL: table and column names from the models' `_meta`, and the one scoring
expression every search uses, on SQLite and PostgreSQL alike.

A word is found in a column when the column, folded, contains the word's stem in the
column's language (`LIKE '%stem%'`, wildcards in the stem escaped). A score is the sum of
the weights of the fields each word is found in, over the most a query of that many words
can score, so between 0 and 1. It is plain SQL both databases run, written out as one
string: a Case/When per word and field costs the ORM several times what the query costs
the database. PostgreSQL's full text adds to it where an app has it (articles).
"""

import string
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db.models import BooleanField, Expression, F, FloatField
from modeltranslation.utils import build_localized_fieldname

from .terms import fold

# The function that folds a column as core.search.terms.fold folds a query. PostgreSQL's
# lower() folds every script; SQLite's only ASCII, so it gets Python's.
FOLD_FUNCTIONS = {"sqlite": "search_fold"}


def register_sqlite_functions(sender, connection, **kwargs):
    """connection_created receiver (core.apps): the folding function on SQLite."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "search_fold",
            1,
            lambda value: None if value is None else fold(value),
            deterministic=True,
        )


# --- Composing a statement -----------------------------------------------------------------


@dataclass(frozen=True)
class Sql:
    """A piece of SQL with its parameters, in order."""

    text: str
    params: tuple = ()

    @classmethod
    def param(cls, value):
        return cls("%s", (value,))

    @classmethod
    def join(cls, separator, pieces):
        texts, params = [], []
        for piece in pieces:
            _add(piece, texts, params)
        return cls(separator.join(texts), tuple(params))

    def __add__(self, other):
        other = other if isinstance(other, Sql) else Sql(str(other))
        return Sql(self.text + other.text, self.params + other.params)


def _add(piece, texts, params):
    if isinstance(piece, Sql):
        texts.append(piece.text)
        params.extend(piece.params)
    else:
        texts.append(str(piece))


@lru_cache(maxsize=64)
def _parsed(template):
    return [
        (literal, name) for literal, name, _spec, _conversion in string.Formatter().parse(template)
    ]


def compose(template, **pieces):
    """The template with each {name} replaced by its piece (Sql, or plain text without
    parameters), the parameters in the order the pieces appear."""
    texts, params = [], []
    for literal, name in _parsed(template):
        texts.append(literal)
        if name is not None:
            _add(pieces[name], texts, params)
    return Sql("".join(texts), tuple(params))


class Table:
    """A model's table in a statement, under an alias or its own name, with its columns
    named from `_meta`."""

    def __init__(self, model, connection, alias=None):
        quote = connection.ops.quote_name
        self.model = model
        self.name = quote(model._meta.db_table)
        self.ref = quote(alias) if alias else self.name
        self.sql = f"{self.name} {self.ref}" if alias else self.name
        self._quote = quote

    def __getitem__(self, field_name):
        """The qualified column of a field (or of a field's translation: "title_en")."""
        column = self.model._meta.get_field(field_name).column
        return f"{self.ref}.{self._quote(column)}"


# --- The scoring expression ----------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """Where a word may be found and what finding it there is worth: one column, or one
    per translation, each with the language its text is in. `folded` when the columns
    already are (a statement that tests several words against a column folds it once)."""

    weight: int
    columns: tuple  # ((column SQL, language), …)
    folded: bool = False


def folded(column, connection):
    """SQL for the column folded as core.search.terms.fold folds a query."""
    return f"{FOLD_FUNCTIONS.get(connection.vendor, 'lower')}({column})"


def _found_in(columns, word, terms, connection, *, is_folded=False):
    """True when any of the columns holds the word's stem in the column's language."""
    prepare = connection.ops.prep_for_like_query
    fold_function = "" if is_folded else FOLD_FUNCTIONS.get(connection.vendor, "lower")
    texts, params = [], []
    for column, language in columns:
        texts.append(f"{fold_function}({column}) LIKE %s ESCAPE '\\'")
        params.append(f"%{prepare(terms.stem(word, language))}%")
    return Sql(f"({' OR '.join(texts)})", tuple(params))


def score(fields, terms, connection):
    """Between 0 and 1: the weights of the fields each word is in, over the most possible."""
    most = sum(field.weight for field in fields) * len(terms.words)
    parts = [
        compose(
            "CASE WHEN {found} THEN {weight} ELSE 0 END",
            found=_found_in(field.columns, word, terms, connection, is_folded=field.folded),
            weight=int(field.weight),
        )
        for word in terms.words
        for field in fields
    ]
    return compose(
        "(CAST({total} AS REAL) / {most})",
        total=Sql.join(" + ", parts) if parts else "0",
        most=max(int(most), 1),
    )


def all_words_found(fields, terms, connection):
    """True when every word is in at least one of the fields."""
    if not terms:
        return Sql("1 = 0")
    return Sql.join(
        " AND ",
        [
            Sql("(")
            + Sql.join(
                " OR ",
                [
                    _found_in(field.columns, word, terms, connection, is_folded=field.folded)
                    for field in fields
                ],
            )
            + ")"
            for word in terms.words
        ],
    )


# --- The same in the ORM -------------------------------------------------------------------


@dataclass(frozen=True)
class SearchField:
    """A model field a search looks in (a path, as in filter()), with its weight. A field
    translated with modeltranslation is searched in each of the query's languages."""

    path: str
    weight: int
    translated: bool = False

    def columns(self, languages):
        if self.translated:
            return tuple((build_localized_fieldname(self.path, code), code) for code in languages)
        return ((self.path, settings.LANGUAGE_CODE),)


class _Match(Expression):
    """SQL of core.search over model fields, their joins set up by the ORM."""

    def __init__(self, fields, terms):
        super().__init__()
        self.fields, self.terms = tuple(fields), terms
        self.layout = [(field.weight, field.columns(terms.languages)) for field in self.fields]
        self.sources = [F(path) for _weight, columns in self.layout for path, _code in columns]

    def get_source_expressions(self):
        return self.sources

    def set_source_expressions(self, exprs):
        self.sources = list(exprs)

    def as_sql(self, compiler, connection):
        # Columns (Col) compile without parameters.
        compiled = iter([compiler.compile(expression)[0] for expression in self.sources])
        fields = [
            Field(weight, tuple((next(compiled), code) for _path, code in columns))
            for weight, columns in self.layout
        ]
        built = self.build(fields, self.terms, connection)
        return built.text, list(built.params)


class MatchScore(_Match):
    """score(): between 0 and 1."""

    output_field = FloatField()

    @staticmethod
    def build(fields, terms, connection):
        return score(fields, terms, connection)


class AllWordsFound(_Match):
    """all_words_found(), for filter(): evaluated for every row, so the score (in the
    select list) is computed only for the rows found."""

    output_field = BooleanField()

    @staticmethod
    def build(fields, terms, connection):
        return Sql("(") + all_words_found(fields, terms, connection) + ")"
