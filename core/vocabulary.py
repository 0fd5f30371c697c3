"""The vocabularies' translations that ship with the code (core/data, services/data and the
demo topics): filled in where a language is still empty, and marked "to review" wherever no
one who knows the language has read them. Bokmål and English were written by the project's
own editors; the rest were machine-assisted (README, "Finding help on a phone"). Used by
data migrations, with the historical models they are given."""

import json

from django.conf import settings

WRITTEN_BY_EDITORS = ("nb", "en")


def fill_translations_from(apps, path, translated):
    """A data migration's step: `path` holds {model name: {slug: {field: {language:
    text}}}}, `translated` {"app_label.Model": its translated fields}."""
    texts = json.loads(path.read_text(encoding="utf-8"))
    for label, fields in translated.items():
        model = apps.get_model(label)
        fill_translations(model, texts.get(model.__name__, {}), fields)


def fill_translations(model, texts, fields):
    """Fill each empty `<field>_<language>` column of the existing rows from `texts`
    ({slug: {field: {language: text}}}), and mark every language that has text in one of
    the translated `fields` but was not written by the editors as to be reviewed. Rows an
    editor deleted stay deleted; text an editor wrote stays as it is."""
    columns = {field.name for field in model._meta.get_fields()}
    languages = [code for code, _name in settings.LANGUAGES if f"{fields[0]}_{code}" in columns]
    for row in model.objects.filter(slug__in=texts):
        for field, values in texts[row.slug].items():
            for language in languages:
                column = f"{field}_{language}"
                if values.get(language) and not getattr(row, column):
                    setattr(row, column, values[language])
        row.translations_to_review = [
            language
            for language in languages
            if language not in WRITTEN_BY_EDITORS
            and any(getattr(row, f"{field}_{language}") for field in fields)
        ]
        row.save()
