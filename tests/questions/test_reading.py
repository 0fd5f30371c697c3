"""Reading the answer with the code: neutral errors, throttled guessing, feedback and the
follow-up question."""

import pytest
from django.test import override_settings
from django.utils import timezone
from django.utils.html import escape

from questions import selectors, services
from questions.models import Feedback, FollowUp, Question
from tests.questions import helpers

pytestmark = pytest.mark.django_db
NOT_FOUND = "We found no answer for this code."


def read(client, code, **data):
    return client.post(helpers.url("questions:read"), {"code": code, **data})


def answered(text="Det finnes hjelp. Du kan ringe 116 006 når som helst."):
    question, code = helpers.question()
    Question.objects.filter(pk=question.pk).update(
        status=Question.Status.ANSWERED,
        answer=text,
        answered_at=timezone.now(),
        answered_by_role="psychologist",
    )
    question.refresh_from_db()
    return question, code


def test_the_reading_page_is_a_post_form_without_the_code_in_the_url(client):
    page = client.get(helpers.url("questions:read"))
    content = page.content.decode()
    assert page.status_code == 200
    assert 'method="post"' in content and 'name="code"' in content
    assert 'autocomplete="off"' in content


def test_a_code_in_the_query_string_is_ignored(client):
    question, code = answered()
    response = client.get(helpers.url("questions:read"), {"code": code})
    assert response.status_code == 200
    content = response.content.decode()
    assert question.answer not in content and question.text not in content
    assert f'value="{code}"' not in content  # not taken into the form either


def test_an_unanswered_question_says_when_to_come_back(client):
    question, code = helpers.question()
    response = read(client, code.lower().replace("-", " "))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Not answered yet" in content and escape(question.text) in content
    assert str(question.due_at.year) in content
    question.refresh_from_db()
    assert question.answer_read_at is None


def test_the_answer_is_shown_as_escaped_plain_text_and_marked_read(client):
    question, code = answered("Første avsnitt.\n\nAndre avsnitt med <b>ikke html</b>.")
    response = read(client, code)
    content = response.content.decode()
    assert "<p>Første avsnitt.</p>" in content
    assert "&lt;b&gt;ikke html&lt;/b&gt;" in content
    assert "a psychologist in the panel" in content
    question.refresh_from_db()
    assert question.answer_read_at is not None


def test_wrong_and_unknown_codes_get_the_same_neutral_message(client):
    question, code = answered()
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    unknown = "ABCD-EFGH-JKMN-PQRS"
    first, second = read(client, wrong), read(client, unknown)
    assert first.status_code == second.status_code == 400
    assert NOT_FOUND in first.content.decode() and NOT_FOUND in second.content.decode()
    assert question.answer not in first.content.decode()
    # The typed code is kept in the field, escaped.
    assert f'value="{wrong}"' in first.content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "abc",
        "x" * 65,
        "<script>alert(1)</script>",
        "ABCD-EFGH-JKMN-PQR\x00",
        "0OIL-0OIL-0OIL-0OIL",
    ],
)
def test_malformed_codes_get_a_clear_error(client, typed):
    response = read(client, typed)
    content = response.content.decode()
    assert response.status_code == 400
    assert "Write your answer code." in content or "An answer code has 16 letters" in content
    assert "<script>alert(1)</script>" not in content


@override_settings(QUESTIONS_CODE_ATTEMPTS_PER_HOUR=3)
def test_guessing_is_throttled_but_a_right_code_is_always_read(client):
    """One address that used up its tries (a shelter's Wi-Fi, where someone guessed) must
    not keep an asker from their answer: only wrong codes are refused."""
    question, code = answered()
    for number in range(3):
        assert NOT_FOUND in read(client, f"ABCD-EFGH-JKMN-PQR{number + 2}").content.decode()
    blocked = read(client, "ABCD-EFGH-JKMN-PQR9")
    assert blocked.status_code == 429
    assert "too many attempts" in blocked.content.decode()
    right = read(client, code)
    assert right.status_code == 200 and question.answer in right.content.decode()
    # Another address is not affected.
    other = client.post(
        helpers.url("questions:read"), {"code": "ABCD-EFGH-JKMN-PQR8"}, REMOTE_ADDR="192.0.2.99"
    )
    assert other.status_code == 400


@override_settings(QUESTIONS_CODE_ATTEMPTS_PER_HOUR=2)
def test_right_codes_do_not_count_against_the_limit(client):
    _question, code = answered()
    for _ in range(5):
        assert read(client, code).status_code == 200


@override_settings(QUESTIONS_CODE_ATTEMPTS_PER_HOUR=2)
def test_feedback_and_follow_up_with_wrong_codes_count_as_guesses(client):
    for action in ("feedback", "followup"):
        read(client, "ABCD-EFGH-JKMN-PQRS", action=action, helpful="yes", text="Hei hei")
    assert read(client, "ABCD-EFGH-JKMN-PQRS").status_code == 429


def test_feedback_is_stored_and_can_be_changed(client):
    question, code = answered()
    response = read(client, code, action="feedback", helpful="yes", comment="Takk, det hjalp.")
    assert response.status_code == 200
    assert "Thank you for telling us" in response.content.decode()
    feedback = Feedback.objects.get(question=question)
    assert feedback.helpful and feedback.comment == "Takk, det hjalp."
    read(client, code, action="feedback", helpful="no", comment="")
    feedback.refresh_from_db()
    assert not feedback.helpful and Feedback.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"helpful": ""}, "Choose yes or no."),
        ({"helpful": "maybe"}, "Choose yes or no."),
        ({"helpful": "yes", "comment": "x" * 1001}, "Write at most 1000 characters"),
        ({"helpful": "yes", "comment": "<script>x</script>"}, "Write plain text"),
        ({"helpful": "yes", "comment": "Hei\x07"}, "invisible control characters"),
    ],
)
def test_bad_feedback_gets_a_clear_error_and_keeps_the_text(client, data, message):
    question, code = answered()
    response = read(client, code, action="feedback", **data)
    content = response.content.decode()
    assert response.status_code == 400
    assert escape(message) in content
    if data.get("comment") and "\x07" not in data["comment"]:
        assert escape(data["comment"]) in content
    assert question.answer in content  # the answer is still shown
    assert not Feedback.objects.exists()


def test_no_feedback_or_follow_up_before_the_answer(client):
    _question, code = helpers.question()
    feedback = read(client, code, action="feedback", helpful="yes")
    assert feedback.status_code == 400 and not Feedback.objects.exists()
    followup = read(client, code, action="followup", text="Et oppfølgingsspørsmål her.")
    assert followup.status_code == 400 and not FollowUp.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Write your follow-up question."),
        ("x" * 2001, "Write at most 2000 characters (you wrote 2001)."),
        ("<iframe src=x></iframe>", "Write plain text"),
    ],
)
def test_bad_follow_up_gets_a_clear_error_and_keeps_the_text(client, text, message):
    _question, code = answered()
    response = read(client, code, action="followup", text=text)
    content = response.content.decode()
    assert response.status_code == 400
    assert escape(message) in content
    if text:
        assert escape(text) in content
    assert not FollowUp.objects.exists()


def test_an_unknown_action_just_reads(client):
    question, code = answered()
    response = read(client, code, action="delete-everything")
    assert response.status_code == 200 and question.answer in response.content.decode()


def test_the_answer_page_carries_the_code_only_in_post_forms(client):
    _question, code = answered()
    content = read(client, code).content.decode()
    assert f'type="hidden" name="code" value="{code}"' in content
    assert f"?code={code}" not in content and f"code={code}" not in content.replace(
        f'name="code" value="{code}"', ""
    )


def test_services_refuse_a_second_follow_up():
    question, _code = answered()
    services.followup_submit(question=question, text="Første oppfølgingsspørsmål.")
    with pytest.raises(services.TransitionNotAllowed):
        services.followup_submit(question=question, text="Andre oppfølgingsspørsmål.")


def test_the_code_lookup_finds_the_question_however_the_code_is_typed():
    question, code = helpers.question()
    for typed in (code, code.lower().replace("-", " "), f" {code.replace('-', '')} "):
        assert selectors.question_for_code(typed) == question
    assert selectors.question_for_code("ABCD-EFGH-JKMN-PQRS") is None
    assert selectors.question_for_code("not a code") is None
