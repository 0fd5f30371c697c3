"""Model pieces shared by the apps, and the page feedback that every page carries."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OrderedVocabulary(models.Model):
    """A small, translated list that editors order by hand: service categories, target
    groups, topics. Subclasses add their own Meta (verbose names) and fields."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Language codes, as in settings.LANGUAGES. A list rather than a flag per language: the
    # languages change more often than the vocabularies do.
    translations_to_review = models.JSONField(
        _("translations to review"),
        default=list,
        blank=True,
        help_text=_(
            "Languages whose text was machine-assisted and not yet read by someone who "
            "knows the language. Untick a language when its text has been checked."
        ),
    )

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


# The two site-wide vocabularies. Their tables keep the names they had in the articles app,
# where they began (core/migrations/0002).
class TargetGroup(OrderedVocabulary):
    """Who a page speaks to, and who asks the panel: people subjected to violence,
    relatives, people who use violence, professionals (core/migrations/0004 makes sure the
    four exist). The questions app stores an asker's group as one of these, or none."""

    description = models.TextField(_("description"), blank=True)
    self_description = models.CharField(
        _("how they describe themselves"),
        max_length=200,
        blank=True,
        help_text=_(
            "What someone in this group chooses when they ask the panel, in the "
            "first person: “I am a relative or worried about someone”. Empty: the "
            "name is shown instead."
        ),
    )

    class Meta(OrderedVocabulary.Meta):
        db_table = "articles_targetgroup"
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def get_absolute_url(self):
        return reverse("articles:target-group", kwargs={"slug": self.slug})


class Topic(OrderedVocabulary):
    """What a page or a question is about: one list for the whole site. Articles are
    grouped by it, askers choose one, panel members are matched to the ones they know."""

    description = models.TextField(_("description"), blank=True)

    class Meta(OrderedVocabulary.Meta):
        db_table = "articles_topic"
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def get_absolute_url(self):
        return reverse("articles:topic", kwargs={"slug": self.slug})


class PageFeedback(models.Model):
    """ "Did you find what you were looking for?" on one page. Anonymous: the page, the
    language, the answer, an optional comment, and the date (no time, so an answer cannot
    be matched with a visit in any other log)."""

    path = models.CharField(_("page"), max_length=300, db_index=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    helpful = models.BooleanField(_("found what they were looking for"))
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    created_date = models.DateField(_("date"), default=timezone.localdate, db_index=True)

    class Meta:
        # Moved here from the articles app with its table (core/migrations/0001).
        db_table = "articles_pagefeedback"
        ordering = ["-created_date", "-pk"]
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")

    def __str__(self):
        return f"{self.path} ({self.created_date})"


class RateLimitAlert(models.Model):
    """A ceiling for all visitors together was reached (core/ratelimit.py): a flood of
    robots, or a campaign that brings many people at once. Names no visitor."""

    action = models.CharField(_("action"), max_length=40)
    ceiling = models.PositiveIntegerField(_("ceiling per hour"))
    created_at = models.DateTimeField(_("reached"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("rate limit alert")
        verbose_name_plural = _("rate limit alerts")

    def __str__(self):
        return f"{self.action} ({self.created_at:%Y-%m-%d %H:%M})"
