"""Staff notifications are sent after the commit, and a mail server problem is logged,
never raised into the work the mail tells of."""

from unittest import mock

import pytest
from django.core import mail

from core.mail import send_after_commit

pytestmark = pytest.mark.django_db


def test_sent_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_after_commit("Emne", "Tekst", ["a@example.no"], about="test 1")
    assert mail.outbox == []
    callbacks[0]()
    assert [(m.subject, m.to) for m in mail.outbox] == [("Emne", ["a@example.no"])]


def test_a_mail_server_problem_is_logged_not_raised(django_capture_on_commit_callbacks, caplog):
    with mock.patch("core.mail.send_mail", side_effect=ConnectionRefusedError):
        with django_capture_on_commit_callbacks(execute=True):
            send_after_commit("Emne", "Tekst", ["a@example.no"], about="question 7")
    assert "Could not send the notification of question 7" in caplog.text
