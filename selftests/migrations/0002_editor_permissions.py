"""Editors keep the self-tests, their statements and outcomes."""

from django.db import migrations

from core.permissions import EDITORS, grant_group_permissions

EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("selftest", "statement", "outcome")
    for action in ("add", "change", "delete", "view")
]


def grant_permissions(apps, schema_editor):
    grant_group_permissions(
        apps, group_name=EDITORS, app_label="selftests", codenames=EDITOR_PERMISSIONS
    )


class Migration(migrations.Migration):
    dependencies = [
        ("selftests", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
