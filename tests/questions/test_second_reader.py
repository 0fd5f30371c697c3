"""The second reader (QUESTIONS_REQUIRE_SECOND_READER): an answer reaches the asker only
after a moderator who did not write it approved it. Whoever last saved the answer's text
is its writer, so a moderator's rewrite is a new draft for another moderator. Posted as a
browser posts the admin's change form."""

import pytest
from django.test import override_settings

from questions import services
from questions.models import Question, StatusChange
from questions.workflow import TransitionNotAllowed
from tests.questions import helpers
from tests.questions.helpers import admin_step, messages_of, nb

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_second_reader_required")]
S = Question.Status
DRAFT = "Det du beskriver, er psykisk vold. Du kan ringe 116 006."
REWRITE = "Moderatorens egen tekst, som ingen andre har lest."
NOT_THE_WRITER = "A second reader must approve the answer: not the one who wrote it."


@pytest.fixture
def _second_reader_required():
    with override_settings(QUESTIONS_REQUIRE_SECOND_READER=True):
        yield


def drafted(client, moderator, writer):
    """A question assigned to `writer`, who wrote the answer and submitted it."""
    question, _code = helpers.question()
    client.force_login(moderator)
    admin_step(client, question, "accept")
    admin_step(client, question, "assign", assign_to=str(writer.panel_member.pk))
    client.force_login(writer)
    admin_step(client, question, "submit_draft", answer=DRAFT)
    question.refresh_from_db()
    assert question.status == S.DRAFTED and question.answer_drafted_by == writer
    return question


def approvals(question):
    return StatusChange.objects.filter(question=question, to_status=S.APPROVED).count()


def test_a_rewritten_answer_cannot_be_approved_in_the_same_post(client, moderator, member):
    question = drafted(client, moderator, member)
    client.force_login(moderator)
    response = admin_step(client, question, "approve", answer=REWRITE)
    question.refresh_from_db()
    assert question.status == S.DRAFTED and question.answer_approved_by is None
    assert approvals(question) == 0
    # Nothing was saved: the rewrite stays in the form, with the reason.
    assert question.answer == DRAFT and question.answer_drafted_by == member
    assert response.status_code == 200
    assert response.context["adminform"].form["answer"].value() == REWRITE
    assert (
        nb(
            "You changed the answer, so it cannot be approved in the same step. Save it: it "
            "is then your draft, and another moderator must approve it."
        )
        in response.content.decode()
    )


def test_the_writer_cannot_approve_their_own_draft(client, moderator, second_moderator):
    question = drafted(client, moderator, moderator)
    client.force_login(moderator)
    response = admin_step(client, question, "approve")
    question.refresh_from_db()
    assert question.status == S.DRAFTED and question.answer_approved_by is None
    assert nb(NOT_THE_WRITER) in messages_of(response)
    page = client.get(helpers.change_url(question))
    assert "approve" not in [button["name"] for button in page.context["workflow_actions"]]


def test_a_moderators_edit_is_a_new_draft_they_cannot_approve(client, moderator, member):
    question = drafted(client, moderator, member)
    client.force_login(moderator)
    admin_step(client, question, answer=REWRITE)  # Save
    question.refresh_from_db()
    assert question.answer == REWRITE and question.status == S.DRAFTED
    assert question.answer_drafted_by == moderator
    page = client.get(helpers.change_url(question))
    assert "approve" not in [button["name"] for button in page.context["workflow_actions"]]
    response = admin_step(client, question, "approve")
    question.refresh_from_db()
    assert question.status == S.DRAFTED and question.answer_approved_by is None
    assert nb(NOT_THE_WRITER) in messages_of(response)
    assert approvals(question) == 0


def test_another_moderator_approves_a_moderators_rewrite(
    client, moderator, second_moderator, member
):
    question = drafted(client, moderator, member)
    client.force_login(moderator)
    admin_step(client, question, answer=REWRITE)
    client.force_login(second_moderator)
    response = admin_step(client, question, "approve")
    question.refresh_from_db()
    assert question.status == S.APPROVED
    assert question.answer_approved_by == second_moderator
    assert question.answer_drafted_by == moderator and question.answer == REWRITE
    assert nb("Done: the question is now %(status)s.") % {
        "status": nb("answer approved")
    } in messages_of(response)
    client.force_login(member)
    admin_step(client, question, "send_answer")
    question.refresh_from_db()
    assert question.status == S.ANSWERED and question.answer == REWRITE


def test_the_services_refuse_an_approval_by_whoever_saved_the_text_last(
    moderator, second_moderator, member, client
):
    question = drafted(client, moderator, member)
    services.answer_draft_save(question=question, text=REWRITE, by=moderator)
    with pytest.raises(TransitionNotAllowed):
        services.answer_approve(question=question, by=moderator)
    question.refresh_from_db()
    assert question.status == S.DRAFTED and question.answer_drafted_by == moderator
    services.answer_approve(question=question, by=second_moderator)
    question.refresh_from_db()
    assert question.status == S.APPROVED and question.answer_approved_by == second_moderator


def test_saving_the_same_text_again_changes_no_writer(client, moderator, member):
    question = drafted(client, moderator, member)
    services.answer_draft_save(question=question, text=DRAFT, by=moderator)
    question.refresh_from_db()
    assert question.answer_drafted_by == member
