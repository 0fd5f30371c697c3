"""Every write to questions goes through these: the asker's views, the admin and the
commands. Each workflow step locks the question, checks the step is allowed for this user
now (workflow.py), changes it and logs who did it and when. All take keyword arguments,
validate with full_clean() before they save, and run in a transaction."""

import datetime as dt
import secrets

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Model, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from core import page_cache
from core.mail import send_after_commit

from . import workflow
from .codes import hash_code, new_code
from .models import (
    Feedback,
    FollowUp,
    InternalNote,
    PanelMember,
    Question,
    QuestionQuerySet,
    StatisticsRecord,
    StatusChange,
)
from .workflow import TransitionNotAllowed

S = Question.Status


# --- The asker ------------------------------------------------------------------------------


def asker_moment():
    """When an asker did something, to the hour. A time to the second could be matched with
    a network's or a proxy's log of who was online then; to the hour it still orders the
    panel's queue and counts the days to the answer (decision questions-anonymity)."""
    return timezone.now().replace(minute=0, second=0, microsecond=0)


@transaction.atomic
def question_submit(
    *,
    text: str,
    topic: Model,
    asker_group: Model | None,
    age_group: str = "",
    consent_to_publish: bool = False,
    language: str = "",
) -> tuple[Question, str]:
    """Store a new question. `asker_group` is the target group the asker chose, or None for
    "other". Returns the question and its answer code, which exists nowhere else: show it to
    the asker once."""
    for _attempt in range(3):
        code = new_code()
        moment = asker_moment()
        question = Question(
            text=text,
            topic=topic,
            asker_group=asker_group,
            age_group=age_group,
            consent_to_publish=consent_to_publish,
            language=language[:10],
            code_hash=hash_code(code),
            received_at=moment,
            last_activity_at=moment,
        )
        question.full_clean()
        try:
            with transaction.atomic():
                question.save()
        except IntegrityError:  # pragma: no cover - a collision in 2**79 codes
            continue
        _log(question, "", S.RECEIVED, by=None, at=moment)
        return question, code
    raise RuntimeError("could not draw a unique answer code")


@transaction.atomic
def answer_mark_read(*, question: Question) -> Question:
    """The asker has opened the answer: retention counts from now."""
    if not question.has_answer_for_asker:
        return question
    moment = asker_moment()
    Question.objects.filter(pk=question.pk).update(answer_read_at=moment, last_activity_at=moment)
    question.answer_read_at = question.last_activity_at = moment
    return question


@transaction.atomic
def feedback_submit(*, question: Question, helpful: bool, comment: str = "") -> Feedback:
    """Whether the answer helped. Sending again replaces the earlier feedback."""
    question = _locked(question)
    if not question.has_answer_for_asker:
        raise TransitionNotAllowed(_("There is no answer to give feedback on yet."))
    feedback = Feedback.objects.filter(question=question).first() or Feedback(question=question)
    moment = asker_moment()
    feedback.helpful, feedback.comment, feedback.created_at = helpful, comment, moment
    feedback.full_clean()
    feedback.save()
    Question.objects.filter(pk=question.pk).update(last_activity_at=moment)
    return feedback


@transaction.atomic
def followup_submit(*, question: Question, text: str) -> FollowUp:
    """The asker's one follow-up question. The panel member who answered is told."""
    question = _locked(question)
    if not question.has_answer_for_asker:
        raise TransitionNotAllowed(_("You can ask a follow-up question once you have an answer."))
    if FollowUp.objects.filter(question=question).exists():
        raise TransitionNotAllowed(_("You have already asked your follow-up question."))
    moment = asker_moment()
    followup = FollowUp(question=question, text=text, received_at=moment)
    followup.full_clean()
    followup.save()
    Question.objects.filter(pk=question.pk).update(last_activity_at=moment)
    _log(
        question, question.status, question.status, by=None, detail="follow-up received", at=moment
    )
    member = question.assigned_to
    if member is not None:
        _notify(
            member.user,
            question,
            _("[Din utvei] A follow-up question is waiting"),
            _("A follow-up question to a question you answered is waiting for you."),
        )
    return followup


# --- The panel: the steps of workflow.ACTIONS -----------------------------------------------
# Each takes the question and the staff user (`by`) by keyword, plus the row's `arguments`
# and `inputs`; the admin calls them by the row's `service` name.


def _locked(question):
    """The question, freshly read and locked until the transaction ends. Only its own row:
    PostgreSQL cannot lock the nullable side of a join."""
    return Question.objects.select_for_update().get(pk=question.pk)


def _require(question, action, user):
    reason = workflow.problem(question, action, user)
    if reason is not None:
        raise TransitionNotAllowed(reason)


def _log(question, from_status, to_status, *, by, detail="", at=None):
    """A line in the question's history; `at` for the asker's steps (to the hour)."""
    StatusChange.objects.create(
        question=question,
        from_status=from_status,
        to_status=to_status,
        by=by,
        detail=detail,
        at=at or timezone.now(),
    )


def _move(question, action, user, *, detail="", **changes):
    previous = question.status
    question.status = action.to_status or previous
    for name, value in changes.items():
        setattr(question, name, value)
    question.last_activity_at = timezone.now()
    question.full_clean()
    question.save()
    _log(question, previous, question.status, by=user, detail=detail)
    return question


@transaction.atomic
def question_accept(*, question: Question, by: AbstractBaseUser) -> Question:
    """Accept a question for the panel."""
    question = _locked(question)
    _require(question, workflow.ACCEPT, by)
    return _move(question, workflow.ACCEPT, by, screened_at=timezone.now())


_REJECTIONS = {
    Question.RejectionReason.SPAM: workflow.REJECT_SPAM,
    Question.RejectionReason.OUT_OF_SCOPE: workflow.REJECT_OUT_OF_SCOPE,
}


@transaction.atomic
def question_reject(*, question: Question, reason: str, by: AbstractBaseUser) -> Question:
    """Reject a question as spam or out of scope. The asker reads a standard reply with
    their code."""
    question = _locked(question)
    action = _REJECTIONS.get(reason)
    if action is None:
        raise TransitionNotAllowed(_("Choose why the question is rejected."))
    _require(question, action, by)
    return _move(
        question,
        action,
        by,
        detail=reason,
        rejection_reason=reason,
        screened_at=timezone.now(),
        assigned_to=None,
    )


@transaction.atomic
def question_assign(
    *, question: Question, member: PanelMember | None, by: AbstractBaseUser
) -> Question:
    """Give the question to a panel member, who is told by e-mail (without its text)."""
    question = _locked(question)
    _require(question, workflow.ASSIGN, by)
    if member is None or not member.is_active or not member.user.is_active:
        raise TransitionNotAllowed(_("Choose a panel member who takes new questions."))
    _move(question, workflow.ASSIGN, by, detail=f"{member.user.get_username()}", assigned_to=member)
    subject = (
        _("[Din utvei] Urgent question assigned to you")
        if question.is_urgent
        else _("[Din utvei] A question has been assigned to you")
    )
    _notify(member.user, question, subject, _("A question has been assigned to you."))
    return question


@transaction.atomic
def answer_submit(*, question: Question, by: AbstractBaseUser) -> Question:
    """Hand the saved answer to a second reader. Whoever submits it counts as its writer,
    so they cannot approve it themselves."""
    question = _locked(question)
    _require(question, workflow.SUBMIT_DRAFT, by)
    return _move(question, workflow.SUBMIT_DRAFT, by, answer_drafted_by=by)


@transaction.atomic
def answer_return(*, question: Question, by: AbstractBaseUser) -> Question:
    """Send a drafted or approved answer back to the panel member for revision."""
    question = _locked(question)
    _require(question, workflow.RETURN_DRAFT, by)
    return _move(question, workflow.RETURN_DRAFT, by, answer_approved_by=None)


@transaction.atomic
def answer_approve(*, question: Question, by: AbstractBaseUser) -> Question:
    """The second reader approves the answer as it is saved. Refused to whoever last wrote
    it (workflow.problem): a moderator who changes the text, even in the same step, makes
    it their own draft for another moderator to approve."""
    question = _locked(question)
    _require(question, workflow.APPROVE, by)
    return _move(question, workflow.APPROVE, by, answer_approved_by=by)


@transaction.atomic
def question_answer(*, question: Question, by: AbstractBaseUser) -> Question:
    """Send the answer: from now on the asker reads it with their code."""
    question = _locked(question)
    _require(question, workflow.SEND_ANSWER, by)
    role = question.assigned_to.role if question.assigned_to_id else ""
    return _move(
        question,
        workflow.SEND_ANSWER,
        by,
        answered_at=timezone.now(),
        answered_by_role=role,
        answer_drafted_by=question.answer_drafted_by or by,
    )


@transaction.atomic
def question_publish(*, question: Question, by: AbstractBaseUser) -> Question:
    """Publish the anonymised version a moderator wrote. The original wording stays private."""
    question = _locked(question)
    _require(question, workflow.PUBLISH, by)
    slug = question.public_slug or _unique_slug(question)
    return _move(question, workflow.PUBLISH, by, public_slug=slug, published_at=timezone.now())


@transaction.atomic
def question_unpublish(*, question: Question, by: AbstractBaseUser) -> Question:
    question = _locked(question)
    _require(question, workflow.UNPUBLISH, by)
    return _move(question, workflow.UNPUBLISH, by, published_at=None)


# Paths under /sporsmal/ that a question's slug must not take.
RESERVED_SLUGS = {"still-et-sporsmal", "les-svar", "lignende"}


def _unique_slug(question):
    base = slugify(question.public_title_nb or question.public_title)[:180].strip("-")
    base = base or "sporsmal"
    slug, number = base, 2
    while (
        slug in RESERVED_SLUGS
        or Question.objects.filter(public_slug=slug).exclude(pk=question.pk).exists()
    ):
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def question_set_urgent(*, question: Question, urgent: bool, by: AbstractBaseUser) -> Question:
    """Mark an open question as urgent, or no longer urgent. Logged, but not a new status."""
    question = _locked(question)
    action = workflow.MARK_URGENT if urgent else workflow.UNMARK_URGENT
    _require(question, action, by)
    question.is_urgent = urgent
    question.full_clean()
    question.save(update_fields=["is_urgent"])
    _log(
        question,
        question.status,
        question.status,
        by=by,
        detail="marked urgent" if urgent else "no longer urgent",
    )
    return question


# --- The panel: what the change form edits --------------------------------------------------


@transaction.atomic
def question_change_topic(*, question: Question, topic: Model, by: AbstractBaseUser) -> Question:
    question = _locked(question)
    if not workflow.can_change_topic(question, by):
        raise TransitionNotAllowed(_("Only a moderator can change the topic of an open question."))
    question.topic = topic
    question.full_clean()
    question.save(update_fields=["topic"])
    return question


@transaction.atomic
def answer_draft_save(*, question: Question, text: str, by: AbstractBaseUser) -> Question:
    """Save the answer's text while it is being written. Whoever saves a changed text is its
    writer (`answer_drafted_by`): a moderator's rewrite of a drafted answer is a new draft,
    which another moderator must approve."""
    question = _locked(question)
    if not workflow.can_edit_answer(question, by):
        raise TransitionNotAllowed(_("The answer cannot be changed now, or not by you."))
    if text == question.answer:
        return question
    question.answer = text
    question.answer_drafted_by = by
    question.full_clean()
    question.save(update_fields=["answer", "answer_drafted_by"])
    return question


@transaction.atomic
def public_version_save(
    *,
    question: Question,
    language: str,
    title: str,
    question_text: str,
    answer: str,
    by: AbstractBaseUser,
) -> Question:
    """Save the anonymised public version in one language (bokmål is the one published;
    the others are its translations). Publishing checks it (workflow.publish_problem)."""
    question = _locked(question)
    if not workflow.can_edit_public_version(question, by):
        raise TransitionNotAllowed(
            _(
                "Only a moderator can write the public version, and only "
                "of an answered question the asker agreed to publish."
            )
        )
    for name, value in (
        ("public_title", title),
        ("public_question", question_text),
        ("public_answer", answer),
    ):
        setattr(question, build_localized_fieldname(name, language), value)
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def note_add(*, question: Question, text: str, by: AbstractBaseUser) -> InternalNote:
    if not question.can_be_seen_by(by):
        raise TransitionNotAllowed(_("You do not have access to this question."))
    note = InternalNote(question=question, author=by, text=text)
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def followup_answer(*, followup: FollowUp, text: str, by: AbstractBaseUser) -> FollowUp:
    question = _locked(followup.question)
    if not workflow.can_answer_followup(question, by):
        raise TransitionNotAllowed(
            _(
                "Only the panel member the question is assigned to, or "
                "a moderator, can answer the follow-up."
            )
        )
    followup = FollowUp.objects.select_for_update().get(pk=followup.pk)
    if followup.answered_at is not None:
        raise TransitionNotAllowed(_("The follow-up question has already been answered."))
    if not text.strip():
        raise TransitionNotAllowed(_("Write the answer to the follow-up first."))
    followup.answer = text
    followup.answered_at = timezone.now()
    followup.answered_by = by
    followup.full_clean()
    followup.save()
    Question.objects.filter(pk=question.pk).update(last_activity_at=followup.answered_at)
    _log(question, question.status, question.status, by=by, detail="follow-up answered")
    return followup


def _notify(user, question, subject, lead):
    """E-mail a staff member a link to the question: never its text, topic or anything the
    asker wrote, since e-mail passes through other hands."""
    if not user.email:
        return
    url = settings.SITE_URL + reverse("admin:questions_question_change", args=[question.pk])
    body = "\n\n".join(
        [
            str(lead),
            _("Open it in the admin (log in first):"),
            url,
            _("This e-mail deliberately contains nothing of what the asker wrote."),
        ]
    )
    send_after_commit(subject, body, [user.email], about=f"question {question.pk}")


# --- Demo content ---------------------------------------------------------------------------


@transaction.atomic
def demo_question_add(
    *,
    topic: Model,
    asker_group: Model | None,
    answered_by_role: str,
    title: str,
    text: str,
    answer: str,
    slug: str,
    received_at: dt.datetime,
) -> Question:
    """A published question for the demo site, as if answered and published days after
    `received_at`. Its original and public wording are the same demo text: a real
    question's original wording is never published."""
    question = Question(
        text=text,
        topic=topic,
        asker_group=asker_group,
        consent_to_publish=True,
        language="nb",
        code_hash=hash_code(new_code()),
        status=S.PUBLISHED,
        answer=answer,
        answered_by_role=answered_by_role,
        received_at=received_at,
        screened_at=received_at + dt.timedelta(hours=5),
        answered_at=received_at + dt.timedelta(days=4),
        last_activity_at=received_at + dt.timedelta(days=6),
        public_title_nb=title,
        public_question_nb=text,
        public_answer_nb=answer,
        public_slug=slug,
        published_at=received_at + dt.timedelta(days=6),
    )
    question.full_clean()
    question.save()
    return question


# --- Retention ------------------------------------------------------------------------------


def purge_candidates(*, now=None, days=None):
    """Private questions whose retention has run out, in every state:

    - answered or rejected, with no step by the asker or the panel for `days` (a follow-up
      counts as a step: the panel has had `days` to answer it);
    - still open (unscreened, or never answered) with no step for
      QUESTIONS_OPEN_RETENTION_DAYS: the question was left, and so is its text.

    Published questions are not deleted; their private part is (`private_parts_expired`)."""
    now = now or timezone.now()
    days = settings.QUESTIONS_RETENTION_DAYS if days is None else days
    closed = Q(
        status__in=[S.ANSWERED, S.REJECTED], last_activity_at__lt=now - dt.timedelta(days=days)
    )
    left_open = Q(
        status__in=QuestionQuerySet.OPEN_STATUSES,
        last_activity_at__lt=now - dt.timedelta(days=settings.QUESTIONS_OPEN_RETENTION_DAYS),
    )
    return Question.objects.filter(closed | left_open)


def private_parts_expired(*, now=None, days=None):
    """Published questions whose asker's original is past retention: the public version
    stays, the original text, the answer sent to the asker, the follow-up, the feedback and
    the notes go."""
    now = now or timezone.now()
    days = settings.QUESTIONS_RETENTION_DAYS if days is None else days
    return Question.objects.filter(
        status=S.PUBLISHED, last_activity_at__lt=now - dt.timedelta(days=days)
    ).exclude(text="")


@transaction.atomic
def questions_purge(*, now=None, days=None, dry_run=False):
    """Delete the private questions past retention with everything that hangs on them,
    keeping a text-free statistics record of each, and the private part of published
    questions past retention. Safe to run again: returns the counts."""
    questions = list(purge_candidates(now=now, days=days).select_related("feedback").order_by("pk"))
    published = list(private_parts_expired(now=now, days=days).values_list("pk", flat=True))
    ids = [question.pk for question in questions]
    both = ids + published
    counts = {
        "questions": len(ids),
        "private parts of published questions": len(published),
        "follow-ups": FollowUp.objects.filter(question__in=both).count(),
        "feedback": Feedback.objects.filter(question__in=both).count(),
        "notes": InternalNote.objects.filter(question__in=both).count(),
        "status changes": StatusChange.objects.filter(question__in=ids).count(),
    }
    if dry_run:
        return counts
    StatisticsRecord.objects.bulk_create([_statistics_record(q) for q in questions])
    Question.objects.filter(pk__in=ids).delete()
    for model in (FollowUp, Feedback, InternalNote):
        model.objects.filter(question__in=published).delete()
    for pk in published:
        # The code opens nothing any more: a hash that no code has.
        Question.objects.filter(pk=pk).update(text="", answer="", code_hash=secrets.token_hex(32))
    page_cache.content_changed()
    return counts


def _statistics_record(question):
    feedback = getattr(question, "feedback", None)
    hours = None
    if question.answered_at:
        hours = (question.answered_at - question.received_at).total_seconds() / 3600
    local = timezone.localtime(question.received_at)
    return StatisticsRecord(
        received_month=local.date().replace(day=1),
        topic_id=question.topic_id,
        asker_group_id=question.asker_group_id,
        outcome=_outcome(question),
        hours_to_answer=hours,
        helpful=feedback.helpful if feedback else None,
    )


def _outcome(question):
    if question.status == S.REJECTED:
        return StatisticsRecord.Outcome.REJECTED
    if question.status == S.ANSWERED:
        return StatisticsRecord.Outcome.ANSWERED
    return StatisticsRecord.Outcome.LEFT_OPEN
