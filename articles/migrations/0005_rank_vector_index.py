"""A GIN index on the rank vector (title and summary), for the first step of the search."""

from django.db import migrations

CREATE = ("CREATE INDEX IF NOT EXISTS search_document_rank_vector "
          "ON articles_articlesearchdocument USING gin (rank_vector)")
DROP = "DROP INDEX IF EXISTS search_document_rank_vector"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_search_storage")]

    operations = [migrations.RunPython(forwards, backwards)]
