"""Search helpers shared by every app's site_search.

PostgreSQL text-search configurations for the portal's languages: PostgreSQL ships
stemmers for these; the rest use "simple" (no stemming).

And scores for the small registries (services, questions), built as one SQL expression:
a Case/When per word and field costs the ORM several times what the query costs the
database. The pieces use the backend's own icontains, so they match what a
`field__icontains` lookup would.
"""

from django.db import connection
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL
from modeltranslation.utils import build_localized_fieldname

SEARCH_CONFIGS = {
    "nb": "norwegian", "nn": "norwegian", "en": "english", "ar": "arabic", "ru": "russian",
    "es": "spanish", "fr": "french", "tr": "turkish",
}


def search_config(language):
    return SEARCH_CONFIGS.get(language, "simple")


def columns(model, field_name, languages=None):
    """The quoted table.column of a field, or of its translations into `languages`."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ([build_localized_fieldname(field_name, code) for code in languages]
             if languages else [field_name])
    return [f"{table}.{quote(name)}" for name in names]


def contains_word(word, column_list):
    """SQL and params: true when any of the columns contains the word, ignoring case."""
    cast = connection.ops.lookup_cast("icontains")
    condition = " OR ".join(
        f"{cast % column} {connection.operators['icontains']}" for column in column_list
    )
    pattern = f"%{connection.ops.prep_for_like_query(word)}%"
    return f"({condition})", [pattern] * len(column_list)


def weighted_sum(terms):
    """An integer expression: the sum of `weight` for each (sql, params, weight) term whose
    condition holds."""
    parts, params = [], []
    for sql, term_params, weight in terms:
        parts.append(f"CASE WHEN {sql} THEN {int(weight)} ELSE 0 END")
        params += term_params
    return RawSQL(" + ".join(parts) or "0", params, output_field=IntegerField())
