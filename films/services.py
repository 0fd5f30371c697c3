"""Writes to films. The admin and the demo loader go through these."""

from django.conf import settings
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from .models import Film, FilmSubtitle


def _one_kind_of_line_ending(text):
    if not isinstance(text, str):
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


@transaction.atomic
def film_save(*, film: Film) -> Film:
    """Save a film an editor or the demo loader wrote, its files checked (full_clean runs
    the file validators) and its transcripts' line endings made alike."""
    for language, _name in settings.LANGUAGES:
        field = build_localized_fieldname("transcript", language)
        setattr(film, field, _one_kind_of_line_ending(getattr(film, field)))
    film.full_clean()
    film.save()
    return film


@transaction.atomic
def film_subtitle_save(*, subtitle: FilmSubtitle) -> FilmSubtitle:
    subtitle.full_clean()
    subtitle.save()
    return subtitle
