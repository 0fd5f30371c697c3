"""Which translations of the vocabularies still need a person's reading; the vocabularies in
all the site's languages (machine-assisted where not bokmål or English: core/vocabulary.py)."""

from pathlib import Path

from django.db import migrations, models

from core.vocabulary import fill_translations_from

DATA = Path(__file__).resolve().parent.parent / "data" / "vocabulary_translations.json"


def translate_vocabularies(apps, schema_editor):
    fill_translations_from(
        apps,
        DATA,
        {
            "services.ServiceCategory": ("name", "description"),
            "services.ClientGroup": ("name",),
        },
    )


class Migration(migrations.Migration):

    dependencies = [
        ('services', '0003_client_groups'),
    ]

    operations = [
        migrations.AddField(
            model_name='clientgroup',
            name='translations_to_review',
            field=models.JSONField(blank=True, default=list, help_text='Languages whose text was machine-assisted and not yet read by someone who knows the language. Untick a language when its text has been checked.', verbose_name='translations to review'),
        ),
        migrations.AddField(
            model_name='servicecategory',
            name='translations_to_review',
            field=models.JSONField(blank=True, default=list, help_text='Languages whose text was machine-assisted and not yet read by someone who knows the language. Untick a language when its text has been checked.', verbose_name='translations to review'),
        ),
        # Backwards the column goes; the filled-in text may stay.
        migrations.RunPython(translate_vocabularies, migrations.RunPython.noop),
    ]
