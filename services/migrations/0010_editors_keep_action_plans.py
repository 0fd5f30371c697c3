"""Editors add the link to a municipality's action plan against violence (the rest of the
register is Kartverket's and stays read-only in the admin)."""

from django.db import migrations

from core.permissions import EDITORS, grant_group_permissions


def grant(apps, schema_editor):
    grant_group_permissions(
        apps, group_name=EDITORS, app_label="services", codenames=["change_municipality"]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0009_reports_about_municipalities"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
