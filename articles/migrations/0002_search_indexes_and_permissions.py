"""PostgreSQL search: pg_trgm, a GIN index on each document's tsvector and a trigram index
on the vocabulary (nothing to do on SQLite). And the staff groups' permissions."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from core.permissions import EDITORS, PANEL, grant_group_permissions

POSTGRESQL_INDEXES = [
    (
        "CREATE INDEX IF NOT EXISTS search_document_vector "
        "ON articles_articlesearchdocument USING gin (vector)",
        "DROP INDEX IF EXISTS search_document_vector",
    ),
    (
        "CREATE INDEX IF NOT EXISTS search_word_trigram "
        "ON articles_searchword USING gin (word gin_trgm_ops)",
        "DROP INDEX IF EXISTS search_word_trigram",
    ),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for create, _drop in POSTGRESQL_INDEXES:
            schema_editor.execute(create)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _create, drop in POSTGRESQL_INDEXES:
            schema_editor.execute(drop)


EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("article", "newsitem", "targetgroup", "topic")
    for action in ("add", "change", "delete", "view")
] + ["view_pagefeedback", "delete_pagefeedback"]
PANEL_PERMISSIONS = ["view_article", "change_article", "view_pagefeedback"]


def grant_permissions(apps, schema_editor):
    grant_group_permissions(apps, group_name=EDITORS, app_label="articles",
                            codenames=EDITOR_PERMISSIONS)
    grant_group_permissions(apps, group_name=PANEL, app_label="articles",
                            codenames=PANEL_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
