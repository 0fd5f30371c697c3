"""The demo questions: published, with who asked, and loading again adds nothing."""

import io

import pytest
from django.core.management import call_command

from questions.models import Question

pytestmark = pytest.mark.django_db


def test_the_demo_questions_load_with_who_asked_and_only_once():
    call_command("load_demo_questions", stdout=io.StringIO())
    questions = Question.objects.published()
    count = questions.count()
    assert count >= 6
    groups = set(questions.values_list("asker_group__slug", flat=True))
    assert groups == {"utsatt", "parorende", "utover", "fagfolk", None}
    call_command("load_demo_questions", stdout=io.StringIO())
    assert Question.objects.count() == count
