"""Editors keep the films and their subtitles, as they keep the articles."""

from django.db import migrations

from core.permissions import EDITORS, grant_group_permissions, revoke_group_permissions

CODENAMES = [
    f"{action}_{model}"
    for model in ("film", "filmsubtitle")
    for action in ("add", "change", "delete", "view")
]


def grant(apps, schema_editor):
    grant_group_permissions(apps, group_name=EDITORS, app_label="films", codenames=CODENAMES)


def revoke(apps, schema_editor):
    revoke_group_permissions(apps, group_name=EDITORS, app_label="films", codenames=CODENAMES)


class Migration(migrations.Migration):

    dependencies = [
        ("films", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
