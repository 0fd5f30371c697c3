"""What the asker does is stored to the hour, never to the second: a precise time could be
matched with a proxy's or network's log of who was online."""

import pytest
from django.utils import timezone

from questions.models import Feedback, FollowUp, Question, StatusChange
from questions.selectors import question_statistics
from tests.questions import helpers

pytestmark = pytest.mark.django_db


def on_the_hour(moment):
    return moment is not None and (moment.minute, moment.second, moment.microsecond) == (0, 0, 0)


def test_asking_reading_and_following_up_are_stored_to_the_hour(client):
    sent = client.post(helpers.url("questions:ask"), helpers.ask_data())
    code = helpers.code_from(sent)
    question = Question.objects.get()
    assert on_the_hour(question.received_at) and on_the_hour(question.last_activity_at)
    received = StatusChange.objects.get(question=question, to_status=Question.Status.RECEIVED)
    assert on_the_hour(received.at)

    Question.objects.filter(pk=question.pk).update(
        status=Question.Status.ANSWERED,
        answer="Et svar.",
        answered_at=timezone.now(),
        answered_by_role="psychologist",
    )
    read = helpers.url("questions:read")
    assert client.post(read, {"code": code}).status_code == 200
    client.post(read, {"code": code, "action": "feedback", "helpful": "yes", "comment": ""})
    client.post(
        read,
        {
            "code": code,
            "action": "followup",
            "text": "Takk. Hva om han ikke vil gå ut av leiligheten?",
        },
    )
    question.refresh_from_db()
    assert on_the_hour(question.answer_read_at) and on_the_hour(question.last_activity_at)
    assert on_the_hour(Feedback.objects.get(question=question).created_at)
    assert on_the_hour(FollowUp.objects.get(question=question).received_at)
    asker_steps = StatusChange.objects.filter(question=question, by__isnull=True)
    assert asker_steps.count() == 2 and all(on_the_hour(step.at) for step in asker_steps)


def test_the_statistics_still_count_the_month_and_the_hours_to_answer():
    question, _code = helpers.question()
    Question.objects.filter(pk=question.pk).update(
        status=Question.Status.ANSWERED,
        answered_at=question.received_at + timezone.timedelta(hours=30),
        answer="Svar",
        answered_by_role="lawyer",
    )
    figures = question_statistics(timezone.localtime(question.received_at).year)
    assert figures.answered == 1
    assert figures.median_days_to_answer == 1.25  # 30 hours
