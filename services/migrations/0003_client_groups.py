"""Who a service is for gets a name of its own (client groups), apart from the site's target
groups: the model, its table and the services' links are renamed; no row changes."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('services', '0002_registry_data'),
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
    ]
