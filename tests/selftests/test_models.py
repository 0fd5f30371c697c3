"""The self-tests' models and the scoring of answers (pure: no database is needed for it)."""

import pytest
from django.db import IntegrityError
from django.http import QueryDict

from selftests.models import Kind, Level, SelfTest, Statement
from selftests.scoring import read_answers, score
from tests import factories


def statements(*kinds, danger=()):
    made = []
    for number, kind in enumerate(kinds, start=1):
        made.append(Statement(pk=number, kind=kind, text="x", is_danger_sign=number in danger))
    return made


def test_no_signs_is_the_calm_outcome():
    items = statements(Kind.PSYCHOLOGICAL, Kind.DIGITAL)
    result = score({item: "no" for item in items})
    assert result.level == Level.NONE
    assert result.signs == () and result.kinds == () and not result.danger


def test_a_physical_or_sexual_sign_puts_safety_first():
    for kind in (Kind.PHYSICAL, Kind.SEXUAL):
        items = statements(Kind.PSYCHOLOGICAL, kind)
        result = score({items[0]: "no", items[1]: "yes"})
        assert result.level == Level.SAFETY and result.danger


def test_a_sign_marked_as_danger_puts_safety_first_whatever_its_kind():
    items = statements(Kind.PSYCHOLOGICAL, Kind.PSYCHOLOGICAL, danger=(2,))
    assert score({items[0]: "no", items[1]: "yes"}).level == Level.SAFETY
    assert score({items[0]: "yes", items[1]: "no"}).level == Level.SIGNS


def test_signs_are_counted_by_kind_in_a_fixed_order():
    items = statements(Kind.DIGITAL, Kind.PSYCHOLOGICAL, Kind.DIGITAL, Kind.ECONOMIC)
    result = score({items[0]: "yes", items[1]: "yes", items[2]: "yes", items[3]: "no"})
    assert result.level == Level.SIGNS
    assert [(found.kind, found.count) for found in result.kinds] == [
        (Kind.PSYCHOLOGICAL, 1),
        (Kind.DIGITAL, 2),
    ]
    assert all(found.description for found in result.kinds)


def test_dont_know_and_unanswered_are_the_unsure_outcome():
    items = statements(Kind.PSYCHOLOGICAL, Kind.DIGITAL)
    assert score({items[0]: "unsure", items[1]: "no"}).level == Level.UNSURE
    result = score({items[0]: None, items[1]: "no"})
    assert result.level == Level.UNSURE and result.unanswered == 1


def test_values_never_offered_count_as_unanswered():
    items = statements(Kind.PHYSICAL, Kind.DIGITAL, Kind.ECONOMIC)
    data = QueryDict(mutable=True)
    data.setlist("s1", ["YES", "yes "])  # the last one counts, as a browser sends one
    data["s2"] = "\x00"
    answers = read_answers(items, data)
    assert list(answers.values()) == [None, None, None]
    assert read_answers(items, {"s1": ["yes"], "s2": {"a": 1}, "s3": "no"})[items[2]] == "no"
    assert score(answers).level == Level.UNSURE


@pytest.mark.django_db
def test_a_test_knows_its_address_and_only_published_tests_are_listed():
    shown = factories.selftest(slug="trygt", title="Er forholdet mitt trygt?")
    factories.selftest(slug="utkast", is_published=False)
    assert str(shown) == "Er forholdet mitt trygt?"
    assert shown.get_absolute_url() == "/selvtester/trygt/"
    assert list(SelfTest.objects.published()) == [shown]


@pytest.mark.django_db
def test_a_test_has_one_outcome_per_level():
    test = factories.selftest(outcomes=[Level.SAFETY])
    with pytest.raises(IntegrityError):
        test.outcomes.create(level=Level.SAFETY, title_nb="Igjen")


@pytest.mark.django_db
def test_statements_are_in_their_order_and_name_their_field():
    test = factories.selftest(
        statements=[(Kind.DIGITAL, "Sjekker telefonen"), (Kind.PHYSICAL, "Dytter")]
    )
    first, second = test.statements.all()
    assert (first.text, second.text) == ("Sjekker telefonen", "Dytter")
    assert first.field_name == f"s{first.pk}"
