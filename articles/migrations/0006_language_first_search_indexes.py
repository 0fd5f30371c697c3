"""The search's GIN indexes lead with the language (btree_gin), so that a query meets only
its own language's documents: a bokmål fallback search for an English word no longer
walks every English document that shares a stem with it."""

from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations

INDEXES = [
    # (new name, old name, column)
    ("search_document_lang_vector", "search_document_vector", "vector"),
    ("search_document_lang_rank_vector", "search_document_rank_vector", "rank_vector"),
]
TABLE = "articles_articlesearchdocument"


def language_first(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for new, old, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {new} ON {TABLE} USING gin (language, {column})"
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS {old}")


def vector_only(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for new, old, column in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {old} ON {TABLE} USING gin ({column})")
        schema_editor.execute(f"DROP INDEX IF EXISTS {new}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_rank_vector_index")]

    operations = [
        BtreeGinExtension(),
        migrations.RunPython(language_first, vector_only),
    ]
