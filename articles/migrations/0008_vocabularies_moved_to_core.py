"""Target groups and topics now belong to the core app (core/migrations/0002): state only."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0007_pagefeedback_moved_to_core'),
        ('core', '0002_targetgroup_topic'),
    ]

    operations = [migrations.SeparateDatabaseAndState(state_operations=[
        migrations.AlterField(
            model_name='article',
            name='target_groups',
            field=models.ManyToManyField(blank=True, related_name='articles', to='core.targetgroup', verbose_name='target groups'),
        ),
        migrations.AlterField(
            model_name='article',
            name='topics',
            field=models.ManyToManyField(blank=True, related_name='articles', to='core.topic', verbose_name='topics'),
        ),
        migrations.DeleteModel(
            name='TargetGroup',
        ),
        migrations.DeleteModel(
            name='Topic',
        ),
    ])]
