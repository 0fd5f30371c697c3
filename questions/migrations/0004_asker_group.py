"""Who asked is one of the site's target groups (core.TargetGroup), no longer a list of the
questions' own: `asker_role` (a code) becomes `asker_group` (a link), on the questions and
on the statistics records that retention leaves behind. "other" becomes no group.

Backwards, each group becomes its code again, and no group (or a group that was added
since, which has no code) becomes "other"."""

import django.db.models.deletion
from django.db import migrations, models

# old code → the target group's slug (core/migrations/0004 makes sure these exist)
GROUP_OF_ROLE = {
    "subjected": "utsatt",
    "relative": "parorende",
    "using_violence": "utover",
    "professional": "fagfolk",
}
OTHER = "other"
OLD_CHOICES = [
    ("subjected", "I am or have been subjected to violence or abuse"),
    ("relative", "I am a relative or worried about someone"),
    ("using_violence", "I use or have used violence, or fear I might"),
    ("professional", "I ask as a professional"),
    ("other", "Other"),
]
MODELS = ("Question", "StatisticsRecord")


def roles_to_groups(apps, schema_editor):
    target_group = apps.get_model("core", "TargetGroup")
    for model_name in MODELS:
        model = apps.get_model("questions", model_name)
        for role, slug in GROUP_OF_ROLE.items():
            rows = model.objects.filter(asker_role=role)
            if rows.exists():
                rows.update(asker_group=target_group.objects.get(slug=slug))


def groups_to_roles(apps, schema_editor):
    """Each row is updated once: on PostgreSQL a row changed twice in the transaction would
    leave foreign-key checks pending, and the column could not be dropped after."""
    target_group = apps.get_model("core", "TargetGroup")
    role_of_group = {
        pk: role for role, slug in GROUP_OF_ROLE.items()
        for pk in target_group.objects.filter(slug=slug).values_list("pk", flat=True)
    }
    for model_name in MODELS:
        model = apps.get_model("questions", model_name)
        for pk, role in role_of_group.items():
            model.objects.filter(asker_group_id=pk).update(asker_role=role)
        model.objects.exclude(asker_group_id__in=role_of_group).update(asker_role=OTHER)


def _old_field(**options):
    return models.CharField(choices=OLD_CHOICES, max_length=20, verbose_name="asking as",
                            **options)


def _new_field(related_name):
    return models.ForeignKey(
        blank=True, help_text="Empty: other, or did not say.", null=True,
        on_delete=django.db.models.deletion.PROTECT, related_name=related_name,
        to="core.targetgroup", verbose_name="asking as",
    )


class Migration(migrations.Migration):

    dependencies = [
        ("questions", "0003_one_topic_list"),
        ("core", "0004_target_groups"),
    ]

    operations = [
        # Blank (an empty default) for the way back, so that the old column can be added
        # again to a table with rows and filled before it is required.
        migrations.AlterField(model_name="question", name="asker_role",
                              field=_old_field(blank=True)),
        migrations.AlterField(model_name="statisticsrecord", name="asker_role",
                              field=_old_field(blank=True)),
        migrations.AddField(model_name="question", name="asker_group",
                            field=_new_field("questions")),
        migrations.AddField(model_name="statisticsrecord", name="asker_group",
                            field=_new_field("+")),
        migrations.RunPython(roles_to_groups, groups_to_roles),
        migrations.RemoveField(model_name="question", name="asker_role"),
        migrations.RemoveField(model_name="statisticsrecord", name="asker_role"),
    ]
