"""Self-tests: short sets of statements that help a person see whether what happens to them,
to someone they know, or what they do themselves, is violence, and what to do next.

Only the tests are stored. A visitor's answers are read from one POST, turned into a result
(`selftests/scoring.py`) and forgotten: no cookie, no record, no log
(docs/decisions/0016-self-tests.md). Title, intro, sources, statements and outcomes are
translated with django-modeltranslation (selftests/translation.py), bokmål the source and
the fallback, as the articles are.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TargetGroup


class Kind(models.TextChoices):
    """The forms of violence a statement is a sign of, as Bufdir and dinutvei.no describe
    them, with negative social control beside them."""

    PHYSICAL = "physical", _("Physical violence")
    PSYCHOLOGICAL = "psychological", _("Psychological violence")
    SEXUAL = "sexual", _("Sexual violence")
    ECONOMIC = "economic", _("Economic violence")
    DIGITAL = "digital", _("Digital violence")
    SOCIAL_CONTROL = "social_control", _("Negative social control")


class Level(models.TextChoices):
    """What the answers showed, the most serious first. Each test has one outcome per level."""

    SAFETY = "safety", _("Danger: safety first")
    SIGNS = "signs", _("Signs of violence")
    UNSURE = "unsure", _("Unsure")
    NONE = "none", _("No signs")


class SelfTestQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class SelfTest(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Who the test is for and what it can and cannot tell. Plain text."),
    )
    sources = models.TextField(
        _("where the signs come from"),
        blank=True,
        help_text=_(
            "The descriptions the statements are built on, and that the test is not a "
            "diagnosis. Plain text."
        ),
    )
    target_group = models.ForeignKey(
        TargetGroup,
        on_delete=models.PROTECT,
        related_name="selftests",
        verbose_name=_("target group"),
    )
    is_published = models.BooleanField(_("published"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = SelfTestQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("self-test")
        verbose_name_plural = _("self-tests")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("selftests:detail", kwargs={"slug": self.slug})


class Statement(models.Model):
    selftest = models.ForeignKey(
        SelfTest, on_delete=models.CASCADE, related_name="statements", verbose_name=_("self-test")
    )
    text = models.CharField(_("statement"), max_length=300)
    kind = models.CharField(_("kind of violence"), max_length=20, choices=Kind.choices)
    is_danger_sign = models.BooleanField(
        _("sign of danger"),
        default=False,
        help_text=_(
            "A yes here puts safety first in the result (threats, strangling, fear for "
            "one's life). A yes to any statement about physical or sexual violence always does."
        ),
    )
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("read more"),
        help_text=_("An article the result offers when this statement is answered yes."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self):
        return self.text

    @property
    def field_name(self):
        return f"s{self.pk}"


class Outcome(models.Model):
    """The result for one level of one test: the text, and where to go next."""

    selftest = models.ForeignKey(
        SelfTest, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("self-test")
    )
    level = models.CharField(_("when"), max_length=10, choices=Level.choices)
    title = models.CharField(_("heading"), max_length=200)
    text = models.TextField(
        _("text"), blank=True, help_text=_("Plain text; an empty line starts a new paragraph.")
    )
    articles = models.ManyToManyField(
        "articles.Article", blank=True, related_name="+", verbose_name=_("articles")
    )
    service_categories = models.ManyToManyField(
        "services.ServiceCategory",
        blank=True,
        related_name="+",
        verbose_name=_("kinds of help nearby"),
        help_text=_("The result offers to find the nearest of these to a place the reader types."),
    )
    ask_panel = models.BooleanField(
        _("offer to ask the panel"), default=True, help_text=_("Anonymous questions.")
    )

    class Meta:
        ordering = ["selftest", "pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            models.UniqueConstraint(fields=["selftest", "level"], name="selftest_outcome_once")
        ]

    def __str__(self):
        return f"{self.selftest}: {self.get_level_display()}"
