"""Which translations of the vocabularies still need a person's reading; the vocabularies in
all the site's languages (machine-assisted where not bokmål or English: core/vocabulary.py)."""

from pathlib import Path

from django.db import migrations, models

from core.vocabulary import fill_translations, read_translations

DATA = Path(__file__).resolve().parent.parent / "data" / "vocabulary_translations.json"

TRANSLATED = {
    "ServiceCategory": ('name', 'description'),
    "ClientGroup": ('name',),
}


def translate_vocabularies(apps, schema_editor):
    texts = read_translations(DATA)
    for name, fields in TRANSLATED.items():
        fill_translations(apps.get_model("services", name), texts.get(name, {}), fields)



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
