"""The fagpanel reads articles but no longer edits them: a panel member could change the text
and the publishing of any article (issue 10, finding 3). Editors keep that right."""

from django.db import migrations

from core.permissions import PANEL, grant_group_permissions, revoke_group_permissions


def revoke(apps, schema_editor):
    revoke_group_permissions(apps, group_name=PANEL, app_label="articles",
                             codenames=["change_article"])


def grant_back(apps, schema_editor):
    grant_group_permissions(apps, group_name=PANEL, app_label="articles",
                            codenames=["change_article"])


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0008_vocabularies_moved_to_core"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(revoke, grant_back)]
