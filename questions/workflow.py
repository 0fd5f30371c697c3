"""The panel's workflow as one table. Each row (an `Action`) is a step: its button, the
states it moves a question from and to, who may take it, the function in services.py that
carries it out, and whether moderators may take it on many questions at once from the
list. The admin builds its buttons and its bulk actions from `ACTIONS`, and services.py
checks every step against it: adding a step is adding a row and its service function.
Nothing here writes.

    received ─accept→ accepted ─assign→ assigned ─submit→ drafted ─approve→ approved ─send→
    answered ─publish→ published            (reject: from received, accepted or assigned)

What the change form may edit besides the steps (the topic, the answer, the public version)
is decided by the `can_…` functions at the end, which the admin and the services share.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models import Question, QuestionQuerySet, is_moderator

S = Question.Status
OPEN = tuple(QuestionQuerySet.OPEN_STATUSES)


def second_reader_required():
    return settings.QUESTIONS_REQUIRE_SECOND_READER


class TransitionNotAllowed(Exception):
    """A step that this user may not take on this question now. The message is for them."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True, eq=False)
class Action:
    """One step of the workflow (compared by identity: each row is one object)."""

    name: str  # the value of the admin's `_transition` button
    label: str  # the button's text
    from_statuses: tuple
    to_status: str | None  # None: the status stays
    service: str  # the function in services.py that takes the step
    arguments: dict = field(default_factory=dict)  # fixed keyword arguments for it
    inputs: tuple = ()  # what it also needs from the change form: "member"
    moderators_only: bool = True
    bulk_label: str = ""  # set: moderators may take it on the selected questions in the list
    bulk_done: str = ""  # the list's message afterwards, with %(count)d

    @property
    def bulk(self):
        """Whether it can be taken from the list: it needs nothing from the change form."""
        return bool(self.bulk_label) and not self.inputs


def _done(singular, plural):
    return ngettext_lazy(singular, plural, "count")


ACCEPT = Action(
    "accept",
    _("Accept"),
    (S.RECEIVED,),
    S.ACCEPTED,
    "question_accept",
    bulk_label=_("Accept the selected questions"),
    bulk_done=_done("%(count)d question accepted.", "%(count)d questions accepted."),
)
REJECT_SPAM = Action(
    "reject_spam",
    _("Reject as spam"),
    (S.RECEIVED, S.ACCEPTED, S.ASSIGNED),
    S.REJECTED,
    "question_reject",
    arguments={"reason": Question.RejectionReason.SPAM},
    bulk_label=_("Reject the selected questions as spam"),
    bulk_done=_done("%(count)d question rejected.", "%(count)d questions rejected."),
)
REJECT_OUT_OF_SCOPE = Action(
    "reject_out_of_scope",
    _("Reject as out of scope"),
    (S.RECEIVED, S.ACCEPTED, S.ASSIGNED),
    S.REJECTED,
    "question_reject",
    arguments={"reason": Question.RejectionReason.OUT_OF_SCOPE},
    bulk_label=_("Reject the selected questions as out of scope"),
    bulk_done=_done("%(count)d question rejected.", "%(count)d questions rejected."),
)
ASSIGN = Action(
    "assign",
    _("Assign"),
    (S.ACCEPTED, S.ASSIGNED, S.DRAFTED),
    S.ASSIGNED,
    "question_assign",
    inputs=("member",),
)
SUBMIT_DRAFT = Action(
    "submit_draft",
    _("Submit the answer for approval"),
    (S.ASSIGNED,),
    S.DRAFTED,
    "answer_submit",
    moderators_only=False,
)
RETURN_DRAFT = Action(
    "return_draft",
    _("Send back for revision"),
    (S.DRAFTED, S.APPROVED),
    S.ASSIGNED,
    "answer_return",
)
APPROVE = Action(
    "approve",
    _("Approve the answer"),
    (S.DRAFTED,),
    S.APPROVED,
    "answer_approve",
)
SEND_ANSWER = Action(
    "send_answer",
    _("Send the answer to the asker"),
    (S.ASSIGNED, S.DRAFTED, S.APPROVED),
    S.ANSWERED,
    "question_answer",
    moderators_only=False,
)
PUBLISH = Action(
    "publish",
    _("Publish the anonymised version"),
    (S.ANSWERED,),
    S.PUBLISHED,
    "question_publish",
)
UNPUBLISH = Action("unpublish", _("Unpublish"), (S.PUBLISHED,), S.ANSWERED, "question_unpublish")
MARK_URGENT = Action(
    "mark_urgent",
    _("Mark as urgent"),
    OPEN,
    None,
    "question_set_urgent",
    arguments={"urgent": True},
    moderators_only=False,
    bulk_label=_("Mark the selected questions as urgent"),
    bulk_done=_done(
        "%(count)d question marked as urgent.", "%(count)d questions marked as urgent."
    ),
)
UNMARK_URGENT = Action(
    "unmark_urgent",
    _("Not urgent"),
    OPEN,
    None,
    "question_set_urgent",
    arguments={"urgent": False},
    moderators_only=False,
)

# In the order of the admin's buttons.
ACTIONS = {
    action.name: action
    for action in (
        ACCEPT,
        REJECT_SPAM,
        REJECT_OUT_OF_SCOPE,
        ASSIGN,
        SUBMIT_DRAFT,
        RETURN_DRAFT,
        APPROVE,
        SEND_ANSWER,
        PUBLISH,
        UNPUBLISH,
        MARK_URGENT,
        UNMARK_URGENT,
    )
}


def bulk_actions():
    """The steps moderators may take on many questions at once, from the list."""
    return [action for action in ACTIONS.values() if action.bulk]


def problem(question, action, user, *, for_button=False):
    """Why `user` may not take `action` on `question` now, or None if they may. For a
    button, what the same form can still fill in (the answer, the public version) is not
    yet a problem: the button saves the form before it takes the step."""
    if not question.can_be_seen_by(user):
        return _("You do not have access to this question.")
    moderator = is_moderator(user)
    if action.moderators_only and not moderator:
        return _("Only a moderator can do this.")
    if not moderator and not question.is_assigned_to(user):
        return _("Only the panel member the question is assigned to can do this.")
    if question.status not in action.from_statuses:
        return _("This cannot be done to a question that is %(status)s.") % {
            "status": question.get_status_display()
        }
    return _specific_problem(question, action, user, for_button)


def _specific_problem(question, action, user, for_button):
    if action in (SUBMIT_DRAFT, SEND_ANSWER) and not question.answer.strip() and not for_button:
        return _("Write the answer first.")
    if action is SUBMIT_DRAFT and not second_reader_required():
        return _("No second reader is needed: send the answer directly.")
    if action is SEND_ANSWER and second_reader_required() and question.status != S.APPROVED:
        return _("The answer must be approved by a second reader first.")
    if action in (SUBMIT_DRAFT, SEND_ANSWER) and question.assigned_to_id is None:
        return _("Assign the question to a panel member first.")
    if action is APPROVE and question.answer_drafted_by_id == user.pk:
        # Whoever last saved the answer's text is its writer (services.answer_draft_save).
        return _("A second reader must approve the answer: not the one who wrote it.")
    if action is PUBLISH:
        if for_button and question.consent_to_publish:
            return None
        return publish_problem(question)
    if action is MARK_URGENT and question.is_urgent:
        return _("The question is already marked as urgent.")
    if action is UNMARK_URGENT and not question.is_urgent:
        return _("The question is not marked as urgent.")
    return None


def publish_problem(question):
    if not question.consent_to_publish:
        return _("The asker did not agree to publication.")
    if not (
        question.public_title.strip()
        and question.public_question.strip()
        and question.public_answer.strip()
    ):
        return _("Write the public title, question and answer (in bokmål at least) first.")
    if _same_text(question.public_question, question.text):
        return _(
            "The public question is the original wording: rewrite it so the asker "
            "cannot be recognised."
        )
    return None


def _same_text(first, second):
    def words(text):
        return " ".join(text.lower().split())

    return words(first) == words(second)


def allowed_actions(question, user):
    """The steps this user may take on this question now, for the admin's buttons."""
    return [
        action
        for action in ACTIONS.values()
        if problem(question, action, user, for_button=True) is None
    ]


# --- What the change form may edit ----------------------------------------------------------


def can_change_topic(question, user):
    return question.is_open and is_moderator(user)


def can_edit_answer(question, user):
    """The answer is written while the question is assigned or drafted, by the panel member
    it is assigned to or a moderator. Whoever saves a changed text becomes its writer."""
    return (
        question.status in (S.ASSIGNED, S.DRAFTED)
        and question.can_be_seen_by(user)
        and (is_moderator(user) or question.is_assigned_to(user))
    )


def can_edit_public_version(question, user):
    return (
        question.status in (S.ANSWERED, S.PUBLISHED)
        and question.consent_to_publish
        and is_moderator(user)
    )


def can_answer_followup(question, user):
    return question.can_be_seen_by(user) and (is_moderator(user) or question.is_assigned_to(user))
