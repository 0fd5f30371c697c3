"""Alerts for the staff when a rate limit for all visitors together is reached, which
editors and panel moderators may see."""

import django.utils.timezone
from django.db import migrations, models

from core.permissions import EDITORS, PANEL_MODERATORS, grant_group_permissions


def grant_view(apps, schema_editor):
    for group_name in (EDITORS, PANEL_MODERATORS):
        grant_group_permissions(apps, group_name=group_name, app_label="core",
                                codenames=["view_ratelimitalert"])


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_target_groups'),
    ]

    operations = [
        migrations.CreateModel(
            name='RateLimitAlert',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(max_length=40, verbose_name='action')),
                ('ceiling', models.PositiveIntegerField(verbose_name='ceiling per hour')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='reached')),
            ],
            options={
                'verbose_name': 'rate limit alert',
                'verbose_name_plural': 'rate limit alerts',
                'ordering': ['-created_at'],
            },
        ),
        migrations.RunPython(grant_view, migrations.RunPython.noop),
    ]
