"""Which translations of the vocabularies still need a person's reading; the vocabularies in
all the site's languages (machine-assisted where not bokmål or English: core/vocabulary.py)."""

from pathlib import Path

from django.db import migrations, models

from core.vocabulary import fill_translations_from

DATA = Path(__file__).resolve().parent.parent / "data" / "vocabulary_translations.json"


def translate_vocabularies(apps, schema_editor):
    # (the topics are demo content: articles/data/demo_articles.json carries theirs)
    fill_translations_from(
        apps, DATA, {"core.TargetGroup": ("name", "description", "self_description")}
    )


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0006_moderators_see_login_lockouts'),
    ]

    operations = [
        migrations.AddField(
            model_name='targetgroup',
            name='translations_to_review',
            field=models.JSONField(blank=True, default=list, help_text='Languages whose text was machine-assisted and not yet read by someone who knows the language. Untick a language when its text has been checked.', verbose_name='translations to review'),
        ),
        migrations.AddField(
            model_name='topic',
            name='translations_to_review',
            field=models.JSONField(blank=True, default=list, help_text='Languages whose text was machine-assisted and not yet read by someone who knows the language. Untick a language when its text has been checked.', verbose_name='translations to review'),
        ),
        # Backwards the column goes; the filled-in text may stay.
        migrations.RunPython(translate_vocabularies, migrations.RunPython.noop),
    ]
