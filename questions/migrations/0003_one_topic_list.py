"""The questions' own topic list merges into the site's one list (core.Topic).

Each question topic becomes the site topic with the same slug, or with the slug the
articles already used for the same topic (RENAMED); a topic the site does not have yet is
created. Questions, panel members' expertise and the statistics follow. Public links with an
old slug are redirected (questions/views.py, `RENAMED_TOPIC_SLUGS`)."""

import django.db.models.deletion
from django.db import migrations, models

# question slug → site slug (kept in step with questions.models.RENAMED_TOPIC_SLUGS)
RENAMED = {
    "vold-i-nare-relasjoner": "vold-i-naere-relasjoner",
    "voldtekt-og-overgrep": "voldtekt-og-seksuelle-overgrep",
}
TOPIC_PERMISSIONS = {
    "Fagpanel": ["view_topic"],
    "Fagpanel-moderator": ["view_topic", "add_topic", "change_topic"],
}


def _name_fields(model):
    return [field.name for field in model._meta.fields if field.name.startswith("name")]


def _copy_links(apps, *, topic_map, old_field, new_field):
    """Point every question, statistics record and panel member from one field to the
    other, through `topic_map` (pk → pk)."""
    for model_name in ("Question", "StatisticsRecord"):
        model = apps.get_model("questions", model_name)
        for old_pk, new_pk in topic_map.items():
            model.objects.filter(**{f"{old_field}_id": old_pk}).update(
                **{f"{new_field}_id": new_pk})
    member_model = apps.get_model("questions", "PanelMember")
    for member in member_model.objects.all():
        old = getattr(member, f"{old_field}s").values_list("pk", flat=True)
        getattr(member, f"{new_field}s").set([topic_map[pk] for pk in old])


def _matching_topic(model, *, slug, source, names):
    """The topic with this slug, created from `source` if missing; empty names filled in."""
    topic = model.objects.filter(slug=slug).first()
    if topic is None:
        topic = model(slug=slug, order=source.order)
    for name in names:
        if not getattr(topic, name, None) and getattr(source, name, None):
            setattr(topic, name, getattr(source, name))
    topic.save()
    return topic


def merge_topics(apps, schema_editor):
    old_model = apps.get_model("questions", "Topic")
    site_model = apps.get_model("core", "Topic")
    names = _name_fields(old_model)
    topic_map = {
        old.pk: _matching_topic(site_model, slug=RENAMED.get(old.slug, old.slug),
                                source=old, names=names).pk
        for old in old_model.objects.all()
    }
    _copy_links(apps, topic_map=topic_map, old_field="topic", new_field="site_topic")


def split_topics(apps, schema_editor):
    """Backwards: the question topics again, from the site topics the questions use."""
    old_model = apps.get_model("questions", "Topic")
    site_model = apps.get_model("core", "Topic")
    names = _name_fields(old_model)
    back = {new: old for old, new in RENAMED.items()}
    topic_map = {
        site.pk: _matching_topic(old_model, slug=back.get(site.slug, site.slug),
                                 source=site, names=names).pk
        for site in site_model.objects.all()
    }
    _copy_links(apps, topic_map=topic_map, old_field="site_topic", new_field="topic")


def grant_site_topic_permissions(apps, schema_editor):
    """The panel's rights on its old topics, now on the site's; the old ones go with their
    content type."""
    from core.permissions import grant_group_permissions

    for group_name, codenames in TOPIC_PERMISSIONS.items():
        grant_group_permissions(apps, group_name=group_name, app_label="core",
                                codenames=codenames)
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="questions", model="topic").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("questions", "0002_topics_and_permissions"),
        ("core", "0002_targetgroup_topic"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AddField(
            model_name="question", name="site_topic",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="core.topic"),
        ),
        migrations.AddField(
            model_name="statisticsrecord", name="site_topic",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="+", to="core.topic"),
        ),
        migrations.AddField(
            model_name="panelmember", name="site_topics",
            field=models.ManyToManyField(blank=True, related_name="+", to="core.topic"),
        ),
        # Nullable for the way back, so that the old column can be added again empty and
        # filled before it is required.
        migrations.AlterField(
            model_name="question", name="topic",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="questions", to="questions.topic"),
        ),
        migrations.RunPython(merge_topics, split_topics),
        migrations.RemoveField(model_name="question", name="topic"),
        migrations.RemoveField(model_name="statisticsrecord", name="topic"),
        migrations.RemoveField(model_name="panelmember", name="topics"),
        migrations.RenameField(model_name="question", old_name="site_topic", new_name="topic"),
        migrations.RenameField(model_name="statisticsrecord", old_name="site_topic",
                               new_name="topic"),
        migrations.RenameField(model_name="panelmember", old_name="site_topics",
                               new_name="topics"),
        migrations.AlterField(
            model_name="statisticsrecord", name="topic",
            field=models.ForeignKey(blank=True, null=True,
                                    on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="+", to="core.topic", verbose_name="topic"),
        ),
        migrations.AlterField(
            model_name="question", name="topic",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT,
                                    related_name="questions", to="core.topic",
                                    verbose_name="topic"),
        ),
        migrations.AlterField(
            model_name="panelmember", name="topics",
            field=models.ManyToManyField(blank=True, related_name="experts", to="core.topic",
                                         verbose_name="topic expertise"),
        ),
        migrations.DeleteModel(name="Topic"),
        migrations.RunPython(grant_site_topic_permissions, migrations.RunPython.noop),
    ]
