"""The panel's moderators see the failed staff logins and lockouts (django-axes) in the admin,
and lift a lockout by deleting it (decision 10)."""

from django.db import migrations

from core.permissions import PANEL_MODERATORS, grant_group_permissions, revoke_group_permissions

CODENAMES = ["view_accessattempt", "delete_accessattempt"]


def grant(apps, schema_editor):
    grant_group_permissions(apps, group_name=PANEL_MODERATORS, app_label="axes",
                            codenames=CODENAMES)


def revoke(apps, schema_editor):
    revoke_group_permissions(apps, group_name=PANEL_MODERATORS, app_label="axes",
                             codenames=CODENAMES)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0005_rate_limit_alerts"),
        ("axes", "0010_accessattemptexpiration"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
