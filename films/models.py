"""Films: short videos in which people who help (a police officer, a shelter, the sexual
assault centre, a school nurse) speak to the portal's visitors, subtitled in the portal's
languages.

Title, summary and transcript are translated with django-modeltranslation
(films/translation.py), bokmål the source and the fallback. The video, its poster and the
subtitles are files in the site's media storage, served by the site itself (nginx in
production): no third-party player or host sees who watches what
(docs/decisions/0018-films.md).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.models import TargetGroup

from .validators import (
    VIDEO_TYPES,
    file_extension,
    validate_image_file,
    validate_video_file,
    validate_webvtt_file,
)

SOURCE_LANGUAGE = "nb"


class FilmQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Film(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences, shown in the list of films."),
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_(
            "Everything said and shown in the film, as plain text, for those who cannot "
            "watch or hear it. Paragraphs are separated by a blank line."
        ),
    )
    video = models.FileField(
        _("video"),
        upload_to="films/video/",
        max_length=200,
        validators=[validate_video_file],
        help_text=_("A WebM (VP9 or VP8) or MP4 (H.264) file."),
    )
    poster = models.FileField(
        _("poster image"),
        upload_to="films/posters/",
        max_length=200,
        blank=True,
        validators=[validate_image_file],
        help_text=_("A still from the film, shown before it plays: PNG, JPEG or WebP."),
    )
    duration = models.DurationField(
        _("duration"), null=True, blank=True, help_text=_("For example 0:02:30.")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="films", verbose_name=_("target groups")
    )
    is_published = models.BooleanField(_("published"), default=False)
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Films with lower numbers come first.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FilmQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("film")
        verbose_name_plural = _("films")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("films:detail", kwargs={"slug": self.slug})

    @property
    def video_type(self):
        return VIDEO_TYPES.get(file_extension(self.video.name), "")

    @property
    def video_format(self):
        """WebM or MP4, for the download link."""
        return file_extension(self.video.name).upper()

    def video_size(self):
        """The video's size in bytes, or None when the storage cannot tell (a missing file
        must not break the page)."""
        try:
            return self.video.size
        except (OSError, ValueError):
            return None

    def duration_text(self):
        """m:ss, or h:mm:ss for a film of an hour or more."""
        if self.duration is None:
            return ""
        seconds = int(self.duration.total_seconds())
        hours, rest = divmod(seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        if hours:
            return f"{hours}:{minutes:02d}:{seconds:02d}"
        return f"{minutes}:{seconds:02d}"

    def content_language(self, language=None):
        """The language the title and text are shown in: the reader's, or bokmål."""
        language = language or get_language() or SOURCE_LANGUAGE
        field = build_localized_fieldname("title", language)
        return language if (getattr(self, field, "") or "").strip() else SOURCE_LANGUAGE

    def transcript_paragraphs(self):
        text = (self.transcript or "").replace("\r\n", "\n")
        return [part.strip() for part in text.split("\n\n") if part.strip()]


def _language_choices():
    return list(settings.LANGUAGES)


class FilmSubtitle(models.Model):
    """One language's subtitles for a film, as a WebVTT file."""

    film = models.ForeignKey(
        Film, on_delete=models.CASCADE, related_name="subtitles", verbose_name=_("film")
    )
    language = models.CharField(_("language"), max_length=8, choices=_language_choices)
    file = models.FileField(
        _("WebVTT file"),
        upload_to="films/subtitles/",
        max_length=200,
        validators=[validate_webvtt_file],
        help_text=_("Subtitles as a .vtt file (WebVTT), saved as UTF-8."),
    )

    class Meta:
        ordering = ["film", "language"]
        verbose_name = _("subtitles")
        verbose_name_plural = _("subtitles")
        constraints = [
            models.UniqueConstraint(
                fields=["film", "language"], name="film_subtitles_once_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.film} ({self.language})"

    @property
    def label(self):
        """The language's name in that language (a reader looks for their own language)."""
        return get_language_info(self.language)["name_local"]

    @property
    def language_order(self):
        codes = [code for code, _name in settings.LANGUAGES]
        return codes.index(self.language) if self.language in codes else len(codes)
