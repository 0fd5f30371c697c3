"""Reads of films for the list and the film's page."""

from django.db.models import Prefetch

from .models import Film, FilmSubtitle


def film_list_queryset():
    """Published films for the list: one query (a card shows title, summary and poster)."""
    return Film.objects.published()


def film_detail_queryset():
    return Film.objects.published().prefetch_related(
        Prefetch("subtitles", queryset=FilmSubtitle.objects.all()), "target_groups"
    )


def subtitle_tracks(film, *, language):
    """The film's subtitles in the order of the site's languages, each marked `default`
    when it is in the page's language."""
    tracks = sorted(film.subtitles.all(), key=lambda subtitle: subtitle.language_order)
    return [{"subtitle": subtitle, "default": subtitle.language == language} for subtitle in tracks]
