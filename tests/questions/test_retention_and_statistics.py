"""Retention (purge_questions) and the figures for the funder."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from questions import services
from questions.models import (
    Feedback,
    FollowUp,
    InternalNote,
    Question,
    StatisticsRecord,
    StatusChange,
)
from questions.selectors import question_statistics
from tests.questions import helpers

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def aged(question, *, days_ago, status=Question.Status.ANSWERED, read_days_ago=None, **fields):
    now = timezone.now()
    values = {
        "status": status,
        "received_at": now - (days_ago + 3) * DAY,
        "last_activity_at": now - days_ago * DAY,
    }
    if status in (Question.Status.ANSWERED, Question.Status.PUBLISHED):
        values.update(answered_at=now - days_ago * DAY, answer="Svar.", answered_by_role="doctor")
    if status == Question.Status.REJECTED:
        values.update(rejection_reason="spam", screened_at=now - days_ago * DAY)
    if read_days_ago is not None:
        values.update(
            answer_read_at=now - read_days_ago * DAY, last_activity_at=now - read_days_ago * DAY
        )
    values.update(fields)
    Question.objects.filter(pk=question.pk).update(**values)
    question.refresh_from_db()
    return question


def purge(*args):
    out = io.StringIO()
    call_command("purge_questions", *args, stdout=out)
    return out.getvalue()


def test_purge_deletes_expired_private_questions_with_everything_on_them(settings, moderator):
    settings.QUESTIONS_RETENTION_DAYS = 90
    read_long_ago = aged(helpers.question()[0], days_ago=200, read_days_ago=100)
    never_read = aged(helpers.question()[0], days_ago=95)
    rejected = aged(helpers.question()[0], days_ago=120, status=Question.Status.REJECTED)
    read_recently = aged(helpers.question()[0], days_ago=200, read_days_ago=10)
    answered_recently = aged(helpers.question()[0], days_ago=30)
    published = aged(
        helpers.question()[0],
        days_ago=400,
        status=Question.Status.PUBLISHED,
        public_slug="stays",
        published_at=timezone.now() - 300 * DAY,
    )
    still_open = aged(helpers.question()[0], days_ago=150, status=Question.Status.ASSIGNED)
    waiting_followup = aged(helpers.question()[0], days_ago=150)
    FollowUp.objects.create(question=waiting_followup, text="Venter fortsatt på svar.")

    Feedback.objects.create(question=read_long_ago, helpful=True, comment="Takk!")
    FollowUp.objects.create(
        question=read_long_ago,
        text="Et til.",
        answer="Svar.",
        answered_at=timezone.now() - 150 * DAY,
    )
    services.note_add(question=read_long_ago, by=moderator, text="Intern merknad.")

    output = purge()
    assert (
        "Deleted: 4 questions, 1 private parts of published questions, 2 follow-ups, "
        "1 feedback, 1 notes"
    ) in output
    remaining = set(Question.objects.values_list("pk", flat=True))
    assert remaining == {read_recently.pk, answered_recently.pk, published.pk, still_open.pk}
    gone = [read_long_ago.pk, never_read.pk, rejected.pk, waiting_followup.pk]
    for model in (FollowUp, Feedback, InternalNote, StatusChange):
        assert not model.objects.filter(question__in=gone).exists()
    # What is left for the statistics has no text.
    records = StatisticsRecord.objects.order_by("outcome", "pk")
    assert [(r.outcome, r.helpful) for r in records] == [
        ("answered", True),
        ("answered", None),
        ("answered", None),
        ("rejected", None),
    ]
    # Safe to run again: nothing more to do.
    assert "Deleted: 0 questions, 0 private parts" in purge()
    assert StatisticsRecord.objects.count() == 4


def test_a_question_never_answered_is_deleted_after_the_longer_retention(settings):
    settings.QUESTIONS_OPEN_RETENTION_DAYS = 180
    unscreened = aged(helpers.question()[0], days_ago=200, status=Question.Status.RECEIVED)
    left = aged(helpers.question()[0], days_ago=190, status=Question.Status.DRAFTED)
    recent = aged(helpers.question()[0], days_ago=170, status=Question.Status.RECEIVED)
    assert "Deleted: 2 questions" in purge()
    assert list(Question.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not Question.objects.filter(pk__in=[unscreened.pk, left.pk]).exists()
    assert list(StatisticsRecord.objects.values_list("outcome", flat=True)) == [
        "left_open",
        "left_open",
    ]


def test_a_follow_up_gives_the_panel_the_whole_retention_to_answer(client, settings):
    settings.QUESTIONS_RETENTION_DAYS = 90
    question, code = helpers.question()
    aged(question, days_ago=100)
    client.post(
        helpers.url("questions:read"),
        {"code": code, "action": "followup", "text": "Hva gjør jeg hvis han kommer tilbake?"},
    )
    assert "Deleted: 0 questions" in purge()
    Question.objects.filter(pk=question.pk).update(last_activity_at=timezone.now() - 91 * DAY)
    assert "Deleted: 1 questions" in purge()


def test_a_published_question_keeps_its_public_version_and_loses_the_private_part(client, settings):
    settings.QUESTIONS_RETENTION_DAYS = 90
    question = helpers.published_question(
        title="Samvær etter vold", question="Må barna være hos faren?"
    )
    code = "ABCD-EFGH-JKMN-PQRS"
    Question.objects.filter(pk=question.pk).update(
        code_hash=services.hash_code(code), last_activity_at=timezone.now() - 100 * DAY
    )
    Feedback.objects.create(question=question, helpful=True)
    assert "1 private parts of published questions" in purge()
    question.refresh_from_db()
    assert (question.text, question.answer) == ("", "")
    assert question.status == Question.Status.PUBLISHED
    assert not Feedback.objects.filter(question=question).exists()
    assert client.get(helpers.public_url(question)).status_code == 200
    assert client.post(helpers.url("questions:read"), {"code": code}).status_code == 400


def test_a_dry_run_deletes_nothing(settings):
    aged(helpers.question()[0], days_ago=100)
    assert "Would delete: 1 questions" in purge("--dry-run")
    assert Question.objects.count() == 1 and not StatisticsRecord.objects.exists()


def test_the_retention_can_be_given_on_the_command_line():
    aged(helpers.question()[0], days_ago=20)
    assert "Deleted: 0 questions" in purge()
    assert "Deleted: 1 questions" in purge("--days", "10")


def test_reading_the_answer_restarts_the_clock(client, settings):
    settings.QUESTIONS_RETENTION_DAYS = 90
    question, code = helpers.question()
    aged(question, days_ago=100)
    client.post(helpers.url("questions:read"), {"code": code})
    assert "Deleted: 0 questions" in purge()


def test_statistics_per_month_topic_and_role_with_median_and_helpful_share():
    year = timezone.localdate().year
    start = timezone.make_aware(dt.datetime(year, 1, 10, 12))

    def make(
        month,
        hours,
        topic="vold-i-naere-relasjoner",
        group="utsatt",
        helpful=None,
        status=Question.Status.ANSWERED,
    ):
        question, _code = helpers.question(
            topic=helpers.topic(topic), asker_group=helpers.group(group)
        )
        received = start.replace(month=month)
        fields = {"received_at": received, "status": status}
        if hours is not None:
            fields.update(answered_at=received + dt.timedelta(hours=hours), answer="Svar.")
        if status == Question.Status.REJECTED:
            fields.update(rejection_reason="spam")
        Question.objects.filter(pk=question.pk).update(**fields)
        if helpful is not None:
            Feedback.objects.create(question=question, helpful=helpful)
        return question

    make(1, 24, helpful=True)
    make(1, 48, group="parorende", helpful=True)
    make(2, 200, topic="barn-og-unge", group="fagfolk", helpful=False)
    make(3, None, status=Question.Status.REJECTED)
    make(3, None, status=Question.Status.ASSIGNED)
    # And one already purged: it still counts.
    StatisticsRecord.objects.create(
        received_month=dt.date(year, 2, 1),
        topic=helpers.topic("barn-og-unge"),
        asker_group=helpers.group("parorende"),
        outcome="answered",
        hours_to_answer=72,
        helpful=True,
    )

    with translation.override("nb"):
        figures = question_statistics(year)
    assert figures.received == 6
    assert (figures.answered, figures.rejected, figures.open) == (4, 1, 1)
    per_month = dict(figures.per_month)
    assert per_month[dt.date(year, 1, 1)] == 2 and per_month[dt.date(year, 2, 1)] == 2
    assert per_month[dt.date(year, 3, 1)] == 2 and per_month[dt.date(year, 12, 1)] == 0
    topics = dict((str(name), count) for name, count in figures.per_topic)
    assert topics == {"Vold i nære relasjoner": 4, "Barn og unge": 2}
    assert figures.per_group[0][1] == 3  # subjected: three of six
    assert figures.median_days_to_answer == pytest.approx((48 + 72) / 2 / 24)
    assert figures.answered_in_time == 3 and figures.in_time_share == pytest.approx(0.75)
    assert (figures.helpful_count, figures.feedback_count) == (3, 4)
    assert figures.helpful_share == pytest.approx(0.75)
    assert question_statistics(year - 5).received == 0


def test_statistics_count_questions_with_no_group_as_other():
    helpers.question(asker_group=None)
    helpers.question(asker_group=helpers.group("utsatt"))
    with translation.override("en"):
        figures = question_statistics(timezone.localdate().year)
    assert {str(name): count for name, count in figures.per_group} == {
        "Other": 1,
        "Subjected to violence": 1,
    }


def test_the_statistics_page_shows_the_figures(client, moderator):
    helpers.question()
    client.force_login(moderator)
    from django.urls import reverse

    url = reverse("admin:questions_questionstatistics_changelist")
    page = client.get(url, {"year": "not-a-year"})
    content = page.content.decode()
    assert page.status_code == 200
    for heading in ("Questions per month", "Questions per asker role", "Median time to answer"):
        assert helpers.nb(heading) in content
    index = client.get(reverse("admin:index")).content.decode()
    assert url in index
