"""The workflow table (questions/workflow.py) is the one map of the panel's steps: the
admin's buttons and bulk actions come from it, and each row names the service that takes
the step."""

import inspect

import pytest
from django.urls import reverse

from questions import services, workflow
from tests.questions import helpers

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("action", workflow.ACTIONS.values(), ids=lambda action: action.name)
def test_every_step_names_a_service_that_takes_what_the_admin_gives(action):
    step = getattr(services, action.service)
    signature = inspect.signature(step)
    signature.bind(question=None, by=None, **action.arguments, **dict.fromkeys(action.inputs))


def test_every_write_function_takes_keyword_arguments_only():
    functions = [
        function
        for name, function in inspect.getmembers(services, inspect.isfunction)
        if function.__module__ == services.__name__ and not name.startswith("_")
    ]
    assert len(functions) > 15
    positional = [
        function.__name__
        for function in functions
        if any(
            parameter.kind is not parameter.KEYWORD_ONLY
            for parameter in inspect.signature(function).parameters.values()
        )
    ]
    assert positional == []


def _bulk_choices(client):
    """The workflow's actions in the list's action menu (not Django's own "delete")."""
    action_form = client.get(reverse("admin:questions_question_changelist")).context["action_form"]
    if action_form is None:  # no action at all
        return []
    return [
        value
        for value, _label in action_form.fields["action"].choices
        if value and value != "delete_selected"
    ]


def test_the_bulk_actions_are_the_tables(client, moderator, member):
    bulk = [action.name for action in workflow.bulk_actions()]
    assert bulk == ["accept", "reject_spam", "reject_out_of_scope", "mark_urgent"]
    assert not any(action.inputs for action in workflow.bulk_actions())
    client.force_login(moderator)
    assert _bulk_choices(client) == [f"{name}_selected" for name in bulk]
    client.force_login(member)  # the bulk actions are the moderators'
    assert _bulk_choices(client) == []


def test_the_buttons_are_the_tables_steps_this_user_may_take(client, moderator):
    question, _code = helpers.question()
    client.force_login(moderator)
    page = client.get(helpers.change_url(question))
    buttons = page.context["workflow_actions"]
    assert [button["name"] for button in buttons] == [
        "accept",
        "reject_spam",
        "reject_out_of_scope",
        "mark_urgent",
    ]
    assert [button["label"] for button in buttons] == [
        workflow.ACTIONS[button["name"]].label for button in buttons
    ]


def test_a_bulk_step_reports_the_questions_it_could_not_take(client, moderator):
    fresh, _ = helpers.question()
    urgent, _ = helpers.question()
    services.question_set_urgent(question=urgent, urgent=True, by=moderator)
    client.force_login(moderator)
    response = client.post(
        reverse("admin:questions_question_changelist"),
        {
            "action": "mark_urgent_selected",
            "_selected_action": [fresh.pk, urgent.pk],
        },
        follow=True,
    )
    messages = helpers.messages_of(response)
    assert (
        helpers.nb(
            "%(count)d question marked as urgent.", "%(count)d questions marked as urgent.", 1
        )
        % {"count": 1}
        in messages
    )
    assert f"#{urgent.pk}: {helpers.nb('The question is already marked as urgent.')}" in messages
    fresh.refresh_from_db()
    assert fresh.is_urgent


def test_an_unknown_step_is_refused_and_nothing_is_saved(client, moderator):
    question, _code = helpers.question()
    client.force_login(moderator)
    response = helpers.admin_step(client, question, "destroy")
    assert response.status_code == 200
    assert helpers.nb("Unknown step.") in response.content.decode()
    question.refresh_from_db()
    assert question.status == question.Status.RECEIVED
