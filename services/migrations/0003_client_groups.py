"""Who a service is for gets a name of its own (client groups), apart from the site's target
groups: the model, its table and the services' links are renamed; no row changes."""

from django.db import migrations, models


def _rename_permissions(apps, old, new):
    """Django renames the content type with the model, not its permissions' codenames: the
    staff groups would keep rights on a name no model has."""
    permission = apps.get_model("auth", "Permission")
    for item in permission.objects.filter(content_type__app_label="services",
                                          codename__endswith=f"_{old}"):
        item.codename = item.codename[: -len(old)] + new
        item.name = item.name.replace(old.replace("group", " group"),
                                      new.replace("group", " group"))
        item.save()


def rename_permissions(apps, schema_editor):
    _rename_permissions(apps, "targetgroup", "clientgroup")


def rename_permissions_back(apps, schema_editor):
    _rename_permissions(apps, "clientgroup", "targetgroup")


class Migration(migrations.Migration):

    dependencies = [
        ('services', '0002_registry_data'),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.RenameModel(
            old_name='TargetGroup',
            new_name='ClientGroup',
        ),
        migrations.AlterModelOptions(
            name='clientgroup',
            options={'ordering': ['order', 'name'], 'verbose_name': 'client group', 'verbose_name_plural': 'client groups'},
        ),
        migrations.RenameField(
            model_name='service',
            old_name='target_groups',
            new_name='client_groups',
        ),
        migrations.AlterField(
            model_name='service',
            name='client_groups',
            field=models.ManyToManyField(blank=True, related_name='services', to='services.clientgroup', verbose_name='who it is for'),
        ),
        migrations.RunPython(rename_permissions, rename_permissions_back),
    ]
