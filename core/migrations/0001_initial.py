"""Page feedback moves here from the articles app: the table stays as it is (no data is
copied), and its content type, with the editors' permissions on it, follows the model."""

import django.utils.timezone
from django.db import migrations, models


def _relabel(apps, old, new):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label=old, model="pagefeedback").update(app_label=new)


def move_content_type(apps, schema_editor):
    _relabel(apps, "articles", "core")


def move_content_type_back(apps, schema_editor):
    _relabel(apps, "core", "articles")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("articles", "0006_language_first_search_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='PageFeedback',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('path', models.CharField(db_index=True, max_length=300, verbose_name='page')),
                ('language', models.CharField(choices=[('nb', 'Norwegian Bokmål'), ('nn', 'Norwegian Nynorsk'), ('en', 'English'), ('se', 'Northern Sami'), ('ar', 'Arabic'), ('ckb', 'Kurdish (Sorani)'), ('so', 'Somali'), ('th', 'Thai'), ('tr', 'Turkish'), ('ur', 'Urdu'), ('fa', 'Persian'), ('ru', 'Russian'), ('es', 'Spanish'), ('fr', 'French'), ('pl', 'Polish')], max_length=8, verbose_name='language')),
                ('helpful', models.BooleanField(verbose_name='found what they were looking for')),
                ('comment', models.TextField(blank=True, max_length=1000, verbose_name='comment')),
                ('created_date', models.DateField(db_index=True, default=django.utils.timezone.localdate, verbose_name='date')),
            ],
            options={
                'verbose_name': 'page feedback',
                'verbose_name_plural': 'page feedback',
                'db_table': 'articles_pagefeedback',
                'ordering': ['-created_date', '-pk'],
            },
        )]),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
