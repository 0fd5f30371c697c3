"""Knowledge articles for the four target groups, and news.

Title, summary and body are translated with django-modeltranslation (articles/translation.py):
bokmål is the source and the fallback. Each article remembers a hash of its bokmål text
(`source_hash`) and, per language, the hash of the bokmål text its translation was made from
(`translated_from`), so editors can see which translations are missing or outdated.
"""

import datetime as dt
import functools
import hashlib
import operator

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.models import TargetGroup, Topic

SOURCE_LANGUAGE = "nb"
# The fields an article's translation consists of; the title says whether one exists.
TRANSLATED_FIELDS = ("title", "summary", "body")
# "Most read" is over this many days.
MOST_READ_DAYS = 30
# An article's easy-read version (lettlest), written per language by an editor; it has
# no translation status of its own: each language's is written for its readers.
EASY_READ_FIELDS = ("easy_read_title", "easy_read_body")
# Slugs that would be shadowed by the articles app's own URLs.
RESERVED_SLUGS = {"for", "tema", "aktuelt", "lettlest"}


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def translation_languages():
    """Every language but the source language."""
    return [code for code in language_codes() if code != SOURCE_LANGUAGE]


def localized(instance, field, language):
    """The value of one language's column, without falling back."""
    return getattr(instance, build_localized_fieldname(field, language)) or ""


class TranslatedContentMixin:
    """What an article or a news item knows about its own translations."""

    def has_translation(self, language):
        return bool(localized(self, "title", language).strip())

    def available_languages(self):
        return [code for code in language_codes() if self.has_translation(code)]

    def content_language(self, language=None):
        """The language the reader is actually shown: theirs, or bokmål as the fallback."""
        language = language or get_language() or SOURCE_LANGUAGE
        return language if self.has_translation(language) else SOURCE_LANGUAGE


def _empty(field, language):
    """One language's column of a translated field is empty (NULL or "")."""
    column = build_localized_fieldname(field, language)
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


class ArticleQuerySet(models.QuerySet):
    def published(self, *, now=None):
        now = now or timezone.now()
        return self.filter(is_published=True, published_at__lte=now)

    def with_recent_reads(self, *, today=None):
        """`recent_reads`: the readers of the last MOST_READ_DAYS days (today included),
        each counted once a day (articles/reads.py)."""
        since = (today or timezone.localdate()) - dt.timedelta(days=MOST_READ_DAYS - 1)
        recent = (
            ArticleReads.objects.filter(article=OuterRef("pk"), day__gte=since)
            .order_by()
            .values("article")
            .annotate(total=Sum("count"))
            .values("total")
        )
        return self.annotate(recent_reads=Coalesce(Subquery(recent), 0))

    def most_read(self, *, today=None):
        return self.with_recent_reads(today=today).order_by("-recent_reads", "-published_at", "pk")

    def missing_in(self, language):
        return self.filter(_empty("title", language))

    def with_easy_read_in(self, *languages):
        """With an easy-read text in at least one of the languages."""
        return self.exclude(
            functools.reduce(operator.and_, (_empty("easy_read_body", code) for code in languages))
        )

    def translated_in(self, language):
        return self.exclude(pk__in=self.missing_in(language).values("pk"))

    def outdated_in(self, language):
        """Translated, but the bokmål text changed after the translation was made."""
        candidates = self.translated_in(language).only("pk", "source_hash", "translated_from")
        return self.filter(
            pk__in=[article.pk for article in candidates if article.is_outdated_in(language)]
        )


def _reserved_slug(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This slug is used by the site itself. Choose another."))


class Article(TranslatedContentMixin, models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, validators=[_reserved_slug])
    summary = models.TextField(
        _("summary"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences, shown in lists and search results."),
    )
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_(
            "Paragraphs, headings (h2–h4), lists, links, quotes and simple tables. "
            "Anything else is removed when you save."
        ),
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="articles", verbose_name=_("target groups")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="articles", verbose_name=_("topics")
    )
    service_categories = models.ManyToManyField(
        "services.ServiceCategory",
        blank=True,
        related_name="articles",
        verbose_name=_("related kinds of help"),
        help_text=_("The article offers to find the nearest such services."),
    )
    related = models.ManyToManyField(
        "self", blank=True, symmetrical=False, verbose_name=_("related articles")
    )
    easy_read_title = models.CharField(
        _("easy-read title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the article's title."),
    )
    easy_read_body = models.TextField(
        _("easy-read text"),
        blank=True,
        help_text=_(
            "The easy-read version (lettlest): short sentences, everyday words, the most "
            "important first. Readers find it from the article. Leave empty if there is none."
        ),
    )
    is_published = models.BooleanField(_("published"), default=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    quality_assured_on = models.DateField(
        _("quality-assured by the fagpanel on"),
        null=True,
        blank=True,
        help_text=_("Leave empty until the panel has reviewed the article."),
    )
    source_hash = models.CharField(
        _("hash of the bokmål text"), max_length=64, blank=True, editable=False
    )
    translated_from = models.JSONField(
        _("translated from"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Per language, the hash of the bokmål text the translation was made from."),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["is_published", "published_at"], name="article_published"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def compute_source_hash(self):
        source = "\x1f".join(localized(self, field, SOURCE_LANGUAGE) for field in TRANSLATED_FIELDS)
        return hashlib.sha256(source.encode()).hexdigest()

    def is_outdated_in(self, language):
        if language == SOURCE_LANGUAGE or not self.has_translation(language):
            return False
        return self.translated_from.get(language) != self.source_hash

    def has_easy_read(self, language):
        return bool(localized(self, "easy_read_body", language).strip())

    def easy_read_language(self, language=None):
        """The language the easy-read version is shown in: the reader's, or else bokmål;
        None when there is none to show."""
        language = language or get_language() or SOURCE_LANGUAGE
        for candidate in (language, SOURCE_LANGUAGE):
            if self.has_easy_read(candidate):
                return candidate
        return None

    def easy_read_in(self, language):
        """(title, body) of the easy-read version in one language, without falling back."""
        title = localized(self, "easy_read_title", language) or localized(self, "title", language)
        return title or localized(self, "title", SOURCE_LANGUAGE), localized(
            self, "easy_read_body", language
        )

    def get_easy_read_url(self):
        return reverse("articles:easy-read", kwargs={"slug": self.slug})

    @property
    def is_quality_assured(self):
        return self.quality_assured_on is not None


class ArticleReads(models.Model):
    """How many visitors read an article on one day (the site's day, Europe/Oslo). One
    number per article and day: who read it is never stored (articles/reads.py)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="daily_reads")
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("readers"), default=0)

    class Meta:
        verbose_name = _("reads on a day")
        verbose_name_plural = _("reads per day")
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="article_reads_once_a_day"),
        ]
        indexes = [models.Index(fields=["day", "article"], name="article_reads_day")]

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.count}"


class ArticleSearchDocument(models.Model):
    """One article in one language as the site search sees it: plain text, and on
    PostgreSQL a stored, GIN-indexed tsvector made with that language's text-search
    configuration. Rebuilt by articles.services.article_index whenever an article is saved."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="search_documents")
    language = models.CharField(max_length=8)
    config = models.CharField(max_length=20)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True)
    # PostgreSQL only (NULL on SQLite). `vector` holds every word; `rank_vector` holds the
    # title and the summary and is small enough to stay in the table row, so ranking
    # thousands of matches never reads the large columns (kept out of line, migration
    # 0004). Both are GIN-indexed behind the language (migration 0006).
    vector = SearchVectorField(null=True, editable=False)
    rank_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["article", "language"], name="search_document_once"),
        ]
        indexes = [models.Index(fields=["language", "article"], name="search_document_lang")]

    def __str__(self):
        return f"{self.title} ({self.language})"


class SearchWord(models.Model):
    """The words the articles use, per language: the vocabulary "did you mean" corrects a
    misspelt query against (with pg_trgm on PostgreSQL, difflib elsewhere)."""

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="search_word_once"),
        ]

    def __str__(self):
        return self.word


class NewsItemQuerySet(models.QuerySet):
    def published(self, *, now=None):
        return self.filter(is_published=True, published_at__lte=now or timezone.now())


class NewsItem(TranslatedContentMixin, models.Model):
    """Aktuelt: short news from the portal, with an RSS and an Atom feed."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    body = models.TextField(_("body"), blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "pk"]
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:news-detail", kwargs={"slug": self.slug})
