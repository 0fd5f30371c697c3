"""The staff group that handles the orders of information material ("Materiell"), and its
permissions: the queue of orders and the catalogue with its stock. No one deletes an order
here: the purge empties what must go, the rest is the statistics."""

from django.db import migrations

from core.permissions import grant_group_permissions
from materials.permissions import MATERIALS_STAFF

PERMISSIONS = [
    "view_order",
    "change_order",
    "view_orderline",
    "view_material",
    "add_material",
    "change_material",
    "delete_material",
    "view_materialstock",
    "add_materialstock",
    "change_materialstock",
    "delete_materialstock",
]


def grant(apps, schema_editor):
    grant_group_permissions(
        apps, group_name=MATERIALS_STAFF, app_label="materials", codenames=PERMISSIONS
    )


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=MATERIALS_STAFF).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("materials", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, remove)]
