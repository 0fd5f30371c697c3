"""What every app's demo loader shares: the report of what it did, setting a translated
model's fields from a file's {"nb": {...}, "en": {...}}, and looking up what the file
names by slug (one the database lacks is reported and left out)."""

from dataclasses import dataclass, field

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    warnings: list = field(default_factory=list)


def set_translations(instance, fields, translations):
    """Each language's value of `fields`; the languages the file does not have are left
    empty (they fall back to bokmål)."""
    for language, _name in settings.LANGUAGES:
        values = translations.get(language, {})
        for name in fields:
            setattr(instance, build_localized_fieldname(name, language), values.get(name, ""))


def find_named(slugs, objects, report, kind):
    """The objects (a dict by slug) the file names, in its order; the unknown reported."""
    found = []
    for slug in slugs:
        if slug in objects:
            found.append(objects[slug])
        else:
            report.warnings.append(f"Unknown {kind}: {slug}")
    return found
