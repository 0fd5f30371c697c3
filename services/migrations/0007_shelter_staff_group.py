"""The staff group "Krisesenter": a shelter's own staff, who may set the places of the
shelters they are tied to (Service.shelter_staff) and nothing else. Editors tie them and
may read the history."""

from django.db import migrations

from core.permissions import EDITORS, SHELTER_STAFF, grant_group_permissions


def grant(apps, schema_editor):
    grant_group_permissions(
        apps, group_name=SHELTER_STAFF, app_label="services", codenames=["set_shelter_status"]
    )
    grant_group_permissions(
        apps, group_name=EDITORS, app_label="services", codenames=["view_shelterstatus"]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0006_shelter_status"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
