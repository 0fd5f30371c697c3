"""The editors keep the self-tests in the admin: the test, its statements and its outcomes
on one page (inlines)."""

import pytest
from django.urls import reverse

from selftests.models import Kind, Level
from tests import factories
from tests.questions.helpers import change_form_data

pytestmark = pytest.mark.django_db


def test_editors_list_the_tests_with_their_number_of_statements(editor_client):
    factories.selftest(
        title="Er forholdet mitt trygt?",
        statements=[(Kind.DIGITAL, "En"), (Kind.PHYSICAL, "To")],
    )
    response = editor_client.get(reverse("admin:selftests_selftest_changelist"))
    assert response.status_code == 200
    [row] = response.context["cl"].result_list
    assert row.statement_total == 2


def test_editors_change_a_statement_and_add_an_outcome_on_the_tests_page(editor_client):
    test = factories.selftest(statements=[(Kind.DIGITAL, "Sjekker telefonen")])
    url = reverse("admin:selftests_selftest_change", args=[test.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    data = change_form_data(page)
    data["statements-0-text_nb"] = "Sjekker telefonen min"
    data["statements-0-text_en"] = "Checks my phone"
    data["statements-0-is_danger_sign"] = "on"
    data.update(
        {
            "outcomes-TOTAL_FORMS": "1",
            "outcomes-0-level": Level.SAFETY,
            "outcomes-0-title_nb": "Din sikkerhet kommer først",
            "outcomes-0-text_nb": "Ring 112.",
            "outcomes-0-service_categories": [str(factories.category("krisesenter").pk)],
            "outcomes-0-ask_panel": "on",
            "outcomes-0-selftest": str(test.pk),
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context and [
        formset.errors for formset in response.context["inline_admin_formsets"]
    ]
    statement = test.statements.get()
    assert (statement.text_nb, statement.text_en, statement.is_danger_sign) == (
        "Sjekker telefonen min",
        "Checks my phone",
        True,
    )
    outcome = test.outcomes.get()
    assert outcome.level == Level.SAFETY
    assert [category.slug for category in outcome.service_categories.all()] == ["krisesenter"]


def test_the_add_page_opens(editor_client):
    assert editor_client.get(reverse("admin:selftests_selftest_add")).status_code == 200
