"""Anonymous questions to the fagpanel, the panel's answers, and what they need.

Nothing here names the asker: there is no name, e-mail, address, cookie or user agent,
only what they typed and chose. The answer code is stored as a keyed hash (see codes.py).
The workflow (who may move a question from which state to which) is in workflow.py, and
every change goes through services.py.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import TargetGroup, Topic

TEXT_MIN_LENGTH = 20
TEXT_MAX_LENGTH = 3000
FOLLOWUP_MAX_LENGTH = 2000
FEEDBACK_MAX_LENGTH = 1000
ANSWER_MAX_LENGTH = 10000
NOTE_MAX_LENGTH = 2000


# The question topics' old slugs, merged into the site's topics (migration 0003): links to
# the published questions with an old slug are redirected.
RENAMED_TOPIC_SLUGS = {
    "vold-i-nare-relasjoner": "vold-i-naere-relasjoner",
    "voldtekt-og-overgrep": "voldtekt-og-seksuelle-overgrep",
}


# After this long a published answer says that it may be out of date.
ANSWER_AGES_AFTER = dt.timedelta(days=365)


class PanelRole(models.TextChoices):
    POLICE = "police", _("police officer")
    LAWYER = "lawyer", _("lawyer")
    PSYCHOLOGIST = "psychologist", _("psychologist")
    DOCTOR = "doctor", _("doctor")
    NURSE = "nurse", _("nurse")
    SOCIAL_WORKER = "social_worker", _("social worker")
    CHILD_WELFARE = "child_welfare", _("child welfare educator")
    FAMILY_THERAPIST = "family_therapist", _("family therapist")
    OTHER = "other", _("other professional")


# How the public page names who answered: the role, never the person.
PUBLIC_ROLE_LABELS = {
    PanelRole.POLICE: _("a police officer in the panel"),
    PanelRole.LAWYER: _("a lawyer in the panel"),
    PanelRole.PSYCHOLOGIST: _("a psychologist in the panel"),
    PanelRole.DOCTOR: _("a doctor in the panel"),
    PanelRole.NURSE: _("a nurse in the panel"),
    PanelRole.SOCIAL_WORKER: _("a social worker in the panel"),
    PanelRole.CHILD_WELFARE: _("a child welfare educator in the panel"),
    PanelRole.FAMILY_THERAPIST: _("a family therapist in the panel"),
    PanelRole.OTHER: _("a professional in the panel"),
}


class PanelMember(models.Model):
    """A staff user who answers questions, with the profession shown to the public and the
    topics they know best (moderators assign by these). Moderators are the users with the
    permission questions.moderate_question (the group "Fagpanel-moderator")."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="panel_member",
        verbose_name=_("user"),
    )
    role = models.CharField(_("profession"), max_length=20, choices=PanelRole.choices)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="experts", verbose_name=_("topic expertise")
    )
    is_active = models.BooleanField(
        _("takes new questions"),
        default=True,
        help_text=_("Untick during holidays or leave: they are then not offered for assignment."),
    )

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")

    def __str__(self):
        name = self.user.get_full_name() or self.user.get_username()
        return f"{name} ({self.get_role_display()})"


# Who asks is one of the site's target groups (core.TargetGroup), or none: "other", or
# did not say (`asker_group` is then empty). In forms and links "other" stands for none.
OTHER_ASKERS = "other"


class AgeGroup(models.TextChoices):
    UNDER_13 = "under_13", _("Under 13")
    AGE_13_17 = "13_17", _("13–17")
    AGE_18_25 = "18_25", _("18–25")
    AGE_26_39 = "26_39", _("26–39")
    AGE_40_59 = "40_59", _("40–59")
    AGE_60_PLUS = "60_plus", _("60 or older")


MODERATE_PERMISSION = "questions.moderate_question"


def is_moderator(user):
    """A panel moderator: screens, assigns, approves and publishes; sees every question."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm(MODERATE_PERMISSION)
    )


class QuestionQuerySet(models.QuerySet):
    OPEN_STATUSES = ("received", "accepted", "assigned", "drafted", "approved")

    def open(self):
        return self.filter(status__in=self.OPEN_STATUSES)

    def published(self):
        return self.filter(status=Question.Status.PUBLISHED, published_at__isnull=False)

    def visible_to(self, user):
        """What a staff user may see: everything for moderators, the questions assigned to
        them for panel members, nothing for anyone else."""
        if is_moderator(user):
            return self
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return self.none()
        return self.filter(assigned_to__user=user)

    def overdue(self, *, now=None):
        now = now or timezone.now()
        cutoff = now - dt.timedelta(days=settings.QUESTIONS_ANSWER_DAYS)
        return self.open().filter(received_at__lt=cutoff)

    def followup_waiting(self):
        return self.filter(followup__isnull=False, followup__answered_at__isnull=True)


class Question(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        ASSIGNED = "assigned", _("assigned")
        DRAFTED = "drafted", _("answer drafted")
        APPROVED = "approved", _("answer approved")
        ANSWERED = "answered", _("answered")
        PUBLISHED = "published", _("published")

    class RejectionReason(models.TextChoices):
        SPAM = "spam", _("spam or abuse")
        OUT_OF_SCOPE = "out_of_scope", _("outside what the panel answers")

    # What the asker wrote and chose. The original wording is never published.
    text = models.TextField(_("question"), max_length=TEXT_MAX_LENGTH)
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="questions", verbose_name=_("topic")
    )
    asker_group = models.ForeignKey(
        TargetGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("asking as"),
        help_text=_("Empty: other, or did not say."),
    )
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup.choices, blank=True
    )
    consent_to_publish = models.BooleanField(_("may be published anonymised"), default=False)
    language = models.CharField(
        _("language of the page"),
        max_length=10,
        blank=True,
        help_text=_("The language the asker used the site in; answer in it if you can."),
    )
    code_hash = models.CharField(_("answer code (hashed)"), max_length=64, unique=True)

    # The panel's work.
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    rejection_reason = models.CharField(
        _("reason for rejection"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    is_urgent = models.BooleanField(_("urgent"), default=False)
    assigned_to = models.ForeignKey(
        PanelMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("assigned to"),
    )
    answer = models.TextField(
        _("answer"),
        max_length=ANSWER_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Plain text; an empty line starts a new paragraph. The asker reads it "
            "exactly as written, so do not sign with your name."
        ),
    )
    answer_drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answer written by"),
    )
    answer_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answer approved by"),
    )
    answered_by_role = models.CharField(
        _("answered by (profession)"), max_length=20, choices=PanelRole.choices, blank=True
    )

    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    screened_at = models.DateTimeField(_("screened"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answer_read_at = models.DateTimeField(_("answer last read"), null=True, blank=True)
    # The asker's or the panel's last step: retention counts from here.
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)

    # The anonymised public version, written by a moderator.
    public_title = models.CharField(_("public title"), max_length=200, blank=True)
    public_question = models.TextField(
        _("public question"),
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Rewrite the question so no one can recognise the asker or others: "
            "leave out names, places, ages, dates and unusual details."
        ),
    )
    public_answer = models.TextField(_("public answer"), max_length=ANSWER_MAX_LENGTH, blank=True)
    public_slug = models.SlugField(
        _("public address"), max_length=200, unique=True, null=True, blank=True
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-is_urgent", "received_at"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        permissions = [
            ("moderate_question", _("Can screen, assign, approve and publish questions")),
        ]
        indexes = [
            models.Index(fields=["status", "received_at"], name="question_status_received"),
            models.Index(fields=["published_at"], name="question_published"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(consent_to_publish=True),
                name="question_published_with_consent",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="question_rejected_with_reason",
            ),
        ]

    def __str__(self):
        return _("Question %(number)s") % {"number": self.pk} if self.pk else str(_("question"))

    def get_absolute_url(self):
        if self.status != self.Status.PUBLISHED or not self.public_slug:
            return ""
        return reverse("questions:detail", kwargs={"slug": self.public_slug})

    # --- Timing -----------------------------------------------------------------------------
    @property
    def answer_is_old(self):
        """A published answer older than a year says so: laws and services change."""
        return (
            self.published_at is not None and self.published_at < timezone.now() - ANSWER_AGES_AFTER
        )

    @property
    def due_at(self):
        return self.received_at + dt.timedelta(days=settings.QUESTIONS_ANSWER_DAYS)

    @property
    def is_open(self):
        return self.status in QuestionQuerySet.OPEN_STATUSES

    def days_waiting(self, *, now=None):
        """Days from receipt to the answer or rejection, or to now while it is open."""
        end = None
        if not self.is_open:
            end = self.answered_at or self.screened_at
        end = end or now or timezone.now()
        return max((end - self.received_at).days, 0)

    def is_overdue(self, *, now=None):
        return self.is_open and (now or timezone.now()) > self.due_at

    # --- Who may see it ---------------------------------------------------------------------
    def can_be_seen_by(self, user):
        if is_moderator(user):
            return True
        return bool(
            user.is_authenticated
            and user.is_active
            and user.is_staff
            and self.assigned_to_id
            and self.assigned_to.user_id == user.pk
        )

    def is_assigned_to(self, user):
        return bool(self.assigned_to_id and self.assigned_to.user_id == user.pk)

    # --- What the asker sees ----------------------------------------------------------------
    @property
    def has_answer_for_asker(self):
        return self.status in (self.Status.ANSWERED, self.Status.PUBLISHED)

    @property
    def public_role_label(self):
        return PUBLIC_ROLE_LABELS.get(self.answered_by_role, PUBLIC_ROLE_LABELS[PanelRole.OTHER])

    @property
    def asker_group_label(self):
        """Who asked, as the public page says it: the group's name, or "Others"."""
        return self.asker_group.name if self.asker_group_id else _("Others")


class FollowUp(models.Model):
    """The asker's one follow-up question in the same thread, and the panel's answer."""

    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, related_name="followup", verbose_name=_("question")
    )
    text = models.TextField(_("follow-up question"), max_length=FOLLOWUP_MAX_LENGTH)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    answer = models.TextField(
        _("answer to the follow-up"),
        max_length=ANSWER_MAX_LENGTH,
        blank=True,
        help_text=_("Plain text. Sent to the asker when you save."),
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    class Meta:
        verbose_name = _("follow-up question")
        verbose_name_plural = _("follow-up questions")

    def __str__(self):
        return _("Follow-up to question %(number)s") % {"number": self.question_id}


class Feedback(models.Model):
    """Whether the answer helped. One per question; sending again replaces it."""

    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("question")
    )
    helpful = models.BooleanField(_("the answer helped"))
    comment = models.TextField(_("comment"), max_length=FEEDBACK_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(
        pgettext_lazy("when feedback was given", "given"), default=timezone.now
    )

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return _("Feedback on question %(number)s") % {"number": self.question_id}


class StatusChange(models.Model):
    """The log of every step: who moved the question from which state to which, and when."""

    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("question"),
    )
    from_status = models.CharField(
        pgettext_lazy("status change: the status before", "from"),
        max_length=10,
        choices=Question.Status.choices,
        blank=True,
    )
    to_status = models.CharField(_("to"), max_length=10, choices=Question.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("status change: who took the step", "by"),
    )
    at = models.DateTimeField(pgettext_lazy("status change: when", "at"), default=timezone.now)
    detail = models.CharField(
        pgettext_lazy("status change: what else happened", "detail"), max_length=200, blank=True
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status log")

    def __str__(self):
        return f"{self.from_status or '–'} → {self.to_status}"


class InternalNote(models.Model):
    """A note between panel members and moderators. The asker never sees it."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="notes", verbose_name=_("question")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self):
        return self.text[:50]


class AnswerSnippet(models.Model):
    """Reusable text for answers: where to get help, emergency numbers, …"""

    title = models.CharField(_("title"), max_length=100)
    text = models.TextField(_("text"), max_length=ANSWER_MAX_LENGTH)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("answer snippet")
        verbose_name_plural = _("answer snippets")

    def __str__(self):
        return self.title


class StatisticsRecord(models.Model):
    """What is left of a private question after retention: the figures reported to the
    funder, and no text. Month only, no age group, no day."""

    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("answered")
        REJECTED = "rejected", _("rejected")
        LEFT_OPEN = "left_open", _("never answered")

    received_month = models.DateField(_("month received"))
    topic = models.ForeignKey(
        Topic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
    )
    asker_group = models.ForeignKey(
        TargetGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("asking as"),
        help_text=_("Empty: other, or did not say."),
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    hours_to_answer = models.FloatField(_("hours to answer"), null=True, blank=True)
    helpful = models.BooleanField(_("the answer helped"), null=True, blank=True)

    class Meta:
        verbose_name = _("statistics record")
        verbose_name_plural = _("statistics records")
        default_permissions = ()

    def __str__(self):
        group = self.asker_group.slug if self.asker_group_id else OTHER_ASKERS
        return f"{self.received_month:%Y-%m} {group} {self.outcome}"


class QuestionStatistics(Question):
    """The statistics page in the admin (a proxy, so it has its own permission and entry)."""

    class Meta:
        proxy = True
        verbose_name = _("statistics")
        verbose_name_plural = _("statistics")
        default_permissions = ("view",)
