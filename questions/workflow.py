"""The panel's workflow as a table: which step may move a question from which states, and
who may take it. services.py carries the steps out; the admin asks `allowed_actions` which
buttons to show. Nothing here writes.

    received ─accept→ accepted ─assign→ assigned ─submit→ drafted ─approve→ approved ─send→
    answered ─publish→ published            (reject: from received, accepted or assigned)
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Question, is_moderator

S = Question.Status
def second_reader_required():
    return settings.QUESTIONS_REQUIRE_SECOND_READER


class TransitionNotAllowed(Exception):
    """A step that this user may not take on this question now. The message is for them."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    from_statuses: tuple
    to_status: str
    moderators_only: bool = True


ACCEPT = Action("accept", _("Accept"), (S.RECEIVED,), S.ACCEPTED)
REJECT_SPAM = Action(
    "reject_spam", _("Reject as spam"), (S.RECEIVED, S.ACCEPTED, S.ASSIGNED), S.REJECTED
)
REJECT_OUT_OF_SCOPE = Action(
    "reject_out_of_scope", _("Reject as out of scope"), (S.RECEIVED, S.ACCEPTED, S.ASSIGNED),
    S.REJECTED,
)
ASSIGN = Action("assign", _("Assign"), (S.ACCEPTED, S.ASSIGNED, S.DRAFTED), S.ASSIGNED)
SUBMIT_DRAFT = Action(
    "submit_draft", _("Submit the answer for approval"), (S.ASSIGNED,), S.DRAFTED,
    moderators_only=False,
)
RETURN_DRAFT = Action(
    "return_draft", _("Send back for revision"), (S.DRAFTED, S.APPROVED), S.ASSIGNED
)
APPROVE = Action("approve", _("Approve the answer"), (S.DRAFTED,), S.APPROVED)
SEND_ANSWER = Action(
    "send_answer", _("Send the answer to the asker"), (S.ASSIGNED, S.DRAFTED, S.APPROVED),
    S.ANSWERED, moderators_only=False,
)
PUBLISH = Action("publish", _("Publish the anonymised version"), (S.ANSWERED,), S.PUBLISHED)
UNPUBLISH = Action("unpublish", _("Unpublish"), (S.PUBLISHED,), S.ANSWERED)

ACTIONS = {action.name: action for action in (
    ACCEPT, REJECT_SPAM, REJECT_OUT_OF_SCOPE, ASSIGN, SUBMIT_DRAFT, RETURN_DRAFT, APPROVE,
    SEND_ANSWER, PUBLISH, UNPUBLISH,
)}


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
    if action is APPROVE:
        if question.answer_drafted_by_id == user.pk:
            return _("A second reader must approve the answer: not the one who wrote it.")
    if action is PUBLISH:
        if for_button and question.consent_to_publish:
            return None
        return publish_problem(question)
    return None


def publish_problem(question):
    if not question.consent_to_publish:
        return _("The asker did not agree to publication.")
    if not (question.public_title.strip() and question.public_question.strip()
            and question.public_answer.strip()):
        return _("Write the public title, question and answer (in bokmål at least) first.")
    if _same_text(question.public_question, question.text):
        return _("The public question is the original wording: rewrite it so the asker "
                 "cannot be recognised.")
    return None


def _same_text(first, second):
    def words(text):
        return " ".join(text.lower().split())

    return words(first) == words(second)


def allowed_actions(question, user):
    """The steps this user may take on this question now, for the admin's buttons."""
    return [action for action in ACTIONS.values()
            if problem(question, action, user, for_button=True) is None]


def can_answer_followup(question, user):
    return question.can_be_seen_by(user) and (
        is_moderator(user) or question.is_assigned_to(user)
    )


def can_mark_urgent(question, user):
    return question.is_open and question.can_be_seen_by(user) and (
        is_moderator(user) or question.is_assigned_to(user)
    )
