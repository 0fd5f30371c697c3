"""When the cache or the database is down: the health check says which, asking gives the
503 page and keeps the text, reading an answer still works, and the log gets one line."""

import socket
import time

import psycopg2
import pytest
from django.db import OperationalError, connection
from django.test import override_settings

from dinutvei.database import guard_database_waits
from questions.models import Question
from tests.questions import helpers
from tests.questions.helpers import QUESTION_TEXT, ask_data

pytestmark = pytest.mark.django_db
# A Redis client aimed at a port where nothing listens: real connection errors, fast.
NO_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


def test_health_reports_database_and_cache(client):
    response = client.get("/helse/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@override_settings(CACHES=NO_REDIS)
def test_health_reports_a_cache_that_is_down(client):
    response = client.get("/helse/")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}


def test_health_reports_a_database_that_is_down(client):
    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection refused")

    with connection.execute_wrapper(refuse):
        response = client.get("/helse/")
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "cache": "ok"}


@override_settings(CACHES=NO_REDIS)
def test_without_the_cache_asking_gives_the_503_page_and_keeps_the_text(client, caplog):
    before = Question.objects.count()
    response = client.post(helpers.url("questions:ask"), ask_data())
    html = response.content.decode()
    assert response.status_code == 503
    assert 'href="tel:116006"' in html
    assert QUESTION_TEXT in html
    assert Question.objects.count() == before
    assert "Traceback" not in caplog.text


def test_without_the_cache_an_answer_can_still_be_read(client, caplog):
    question, code = helpers.question()
    with override_settings(CACHES=NO_REDIS):
        response = client.post(helpers.url("questions:read"), {"code": code})
        wrong = client.post(helpers.url("questions:read"), {"code": "AAAA-BBBB-CCCC-DDDD"})
    assert response.status_code == 200
    assert QUESTION_TEXT in response.content.decode()
    assert wrong.status_code == 400
    assert "Rate limit code not applied" in caplog.text
    assert "Traceback" not in caplog.text


class SilentServer:
    """Accepts TCP connections and never says a word: a database that has stalled."""

    def __enter__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        return self.socket.getsockname()[1]

    def __exit__(self, *exc):
        self.socket.close()


def test_a_silent_database_is_given_up_on_within_the_deadline():
    """libpq's connect_timeout is set far beyond the deadline here, to show that the
    deadline is what ends the wait."""
    guard_database_waits(1.0)
    try:
        with SilentServer() as port:
            started = time.monotonic()
            with pytest.raises(psycopg2.OperationalError, match="did not answer"):
                psycopg2.connect(
                    host="127.0.0.1", port=port, user="x", dbname="x", connect_timeout=60
                )
            assert time.monotonic() - started < 5
    finally:
        psycopg2.extensions.set_wait_callback(None)


def test_the_log_gets_one_line_without_the_page_or_a_traceback():
    import logging
    import sys

    from core.availability import OneLineWhenUnavailable

    unavailable = OneLineWhenUnavailable()
    page_logged = logging.LogRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "%s: %s",
        ("Service Unavailable", "/sporsmal/x/"),
        None,
    )
    page_logged.status_code = 503
    assert unavailable.filter(page_logged) is False
    try:
        raise OperationalError("server closed the connection\nmore detail")
    except OperationalError:
        failed = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/",),
            sys.exc_info(),
        )
    assert unavailable.filter(failed) is True
    assert failed.exc_info is None
    assert failed.getMessage() == (
        "Internal Server Error: / (OperationalError: server closed the connection)"
    )
