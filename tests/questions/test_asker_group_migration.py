"""The questions' own asker roles become the site's target groups (questions/migrations/
0004), run on a database that holds data of the old shape, and back again."""

import datetime as dt

import pytest

from tests.migrations import migrate

BEFORE = [("questions", "0003_one_topic_list")]
GROUP_OF_ROLE = {
    "subjected": "utsatt",
    "relative": "parorende",
    "using_violence": "utover",
    "professional": "fagfolk",
    "other": None,
}


@pytest.mark.django_db(transaction=True)
def test_asker_roles_become_target_groups_and_back(restored_transactional_db):
    try:
        old = migrate(BEFORE).apps
        topic = old.get_model("core", "Topic").objects.get(slug="annet")
        question_model = old.get_model("questions", "Question")
        record_model = old.get_model("questions", "StatisticsRecord")
        questions = {
            role: question_model.objects.create(
                text=f"Et spørsmål fra {role}.",
                topic=topic,
                asker_role=role,
                code_hash=f"{number:064d}",
            ).pk
            for number, role in enumerate(GROUP_OF_ROLE)
        }
        records = {
            role: record_model.objects.create(
                received_month=dt.date(2026, 1, 1), topic=topic, asker_role=role, outcome="answered"
            ).pk
            for role in ("relative", "other")
        }

        migrate(None)

        from questions.models import Question, StatisticsRecord

        for role, pk in questions.items():
            group = Question.objects.get(pk=pk).asker_group
            assert (group.slug if group else None) == GROUP_OF_ROLE[role], role
        assert StatisticsRecord.objects.get(pk=records["relative"]).asker_group.slug == "parorende"
        assert StatisticsRecord.objects.get(pk=records["other"]).asker_group is None

        old = migrate(BEFORE).apps
        question_model = old.get_model("questions", "Question")
        record_model = old.get_model("questions", "StatisticsRecord")
        assert {
            role: question_model.objects.get(pk=pk).asker_role for role, pk in questions.items()
        } == {role: role for role in questions}
        assert {
            role: record_model.objects.get(pk=pk).asker_role for role, pk in records.items()
        } == {role: role for role in records}
    finally:
        migrate(None)
