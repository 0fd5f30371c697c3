"""Loading the demo film (films/data/demo/): its text from demo_films.json, its video,
poster and subtitles copied into the media storage. Keyed on the slug, and a file already
in the storage is not copied again: loading twice changes nothing."""

import datetime as dt
import json
from pathlib import Path

from django.core.files import File
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from core.demo import LoadReport
from core.models import TargetGroup

from .models import Film, FilmSubtitle
from .services import film_save, film_subtitle_save

DEMO_FOLDER = Path(__file__).resolve().parent / "data" / "demo"
TRANSLATED = ("title", "summary", "transcript")


def _stored(field_file):
    return bool(field_file) and field_file.storage.exists(field_file.name)


def _put(field_file, path):
    """Copy a demo file into the storage under its own name, unless it is there already."""
    if _stored(field_file):
        return False
    name = field_file.field.generate_filename(field_file.instance, path.name)
    storage = field_file.storage
    if storage.exists(name) and storage.size(name) == path.stat().st_size:
        field_file.name = name  # copied by an earlier load (into a database since emptied)
        return True
    with path.open("rb") as source:
        field_file.save(path.name, File(source, name=path.name), save=False)
    return True


def _snapshot(film):
    names = [build_localized_fieldname(name, code) for code in ("nb", "en") for name in TRANSLATED]
    return {name: getattr(film, name) for name in [*names, "duration", "order", "is_published"]}


@transaction.atomic
def load_demo_films(path=DEMO_FOLDER / "demo_films.json"):
    folder = path.parent
    data = json.loads(path.read_text(encoding="utf-8"))
    report = LoadReport()
    for item in data["films"]:
        film = Film.objects.filter(slug=item["slug"]).first()
        is_new = film is None
        film = film or Film(slug=item["slug"])
        before = None if is_new else _snapshot(film)
        for language, values in item["translations"].items():
            for name in TRANSLATED:
                setattr(film, build_localized_fieldname(name, language), values.get(name, ""))
        film.duration = dt.timedelta(seconds=item["duration_seconds"])
        film.order = item.get("order", 0)
        film.is_published = True
        copied = _put(film.video, folder / item["video"])
        copied |= _put(film.poster, folder / item["poster"])
        if is_new or copied or _snapshot(film) != before:
            film_save(film=film)
            report.created += is_new
            report.updated += not is_new
        groups = list(TargetGroup.objects.filter(slug__in=item.get("target_groups", [])))
        missing = set(item.get("target_groups", [])) - {group.slug for group in groups}
        report.warnings += [f"Unknown target group: {slug}" for slug in sorted(missing)]
        if {group.pk for group in groups} != set(film.target_groups.values_list("pk", flat=True)):
            film.target_groups.set(groups)
        for language, name in item["subtitles"].items():
            subtitle = FilmSubtitle.objects.filter(film=film, language=language).first()
            subtitle = subtitle or FilmSubtitle(film=film, language=language)
            if _put(subtitle.file, folder / name):
                film_subtitle_save(subtitle=subtitle)
    return report
