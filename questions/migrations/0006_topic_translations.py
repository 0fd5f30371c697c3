"""The topics that came from the questions' own list (0002, merged into the site's list in
0003) in all the site's languages, marked to be reviewed where machine-assisted
(core/vocabulary.py)."""

from pathlib import Path

from django.db import migrations

from core.vocabulary import fill_translations_from

DATA = Path(__file__).resolve().parent.parent / "data" / "topic_translations.json"


def translate_topics(apps, schema_editor):
    fill_translations_from(apps, DATA, {"core.Topic": ("name", "description")})


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0005_outcome_left_open"),
        ("core", "0007_translations_to_review"),
    ]

    operations = [migrations.RunPython(translate_topics, migrations.RunPython.noop)]
