"""The target groups and the topics move here from the articles app, to be the site's one
list of each: tables and rows stay as they are, their content types (with the staff
groups' permissions) follow the models."""

from django.db import migrations, models


MOVED = ["targetgroup", "topic"]


def _relabel(apps, old, new):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label=old, model__in=MOVED).update(app_label=new)


def move_content_types(apps, schema_editor):
    _relabel(apps, "articles", "core")


def move_content_types_back(apps, schema_editor):
    _relabel(apps, "core", "articles")


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('articles', '0007_pagefeedback_moved_to_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.CreateModel(
            name='TargetGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(unique=True, verbose_name='slug')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('name_nb', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_nn', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_en', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_se', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_ar', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_ckb', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_so', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_th', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_tr', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_ur', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_fa', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_ru', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_es', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_fr', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_pl', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('description_nb', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_nn', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_en', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_se', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_ar', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_ckb', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_so', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_th', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_tr', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_ur', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_fa', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_ru', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_es', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_fr', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_pl', models.TextField(blank=True, null=True, verbose_name='description')),
            ],
            options={
                'verbose_name': 'target group',
                'verbose_name_plural': 'target groups',
                'db_table': 'articles_targetgroup',
                'ordering': ['order', 'name'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Topic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(unique=True, verbose_name='slug')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('name_nb', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_nn', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_en', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_se', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_ar', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_ckb', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_so', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_th', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_tr', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_ur', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_fa', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_ru', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_es', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_fr', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('name_pl', models.CharField(max_length=100, null=True, verbose_name='name')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('description_nb', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_nn', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_en', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_se', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_ar', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_ckb', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_so', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_th', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_tr', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_ur', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_fa', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_ru', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_es', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_fr', models.TextField(blank=True, null=True, verbose_name='description')),
                ('description_pl', models.TextField(blank=True, null=True, verbose_name='description')),
            ],
            options={
                'verbose_name': 'topic',
                'verbose_name_plural': 'topics',
                'db_table': 'articles_topic',
                'ordering': ['order', 'name'],
                'abstract': False,
            },
        ),
        ]),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
