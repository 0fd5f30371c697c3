import datetime as dt

import pytest
from django.test import Client
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from core.forms import PageFeedbackForm
from core.models import PageFeedback
from tests import factories

pytestmark = pytest.mark.django_db

FEEDBACK_URL = "/tilbakemelding/"


@pytest.fixture
def article():
    return factories.article(slug="hva-er-vold", translations={"en": factories.ENGLISH})


def answer(client, page="/artikler/hva-er-vold/", url=FEEDBACK_URL, **fields):
    data = {"helpful": "ja", "comment": "", "page": page, "website": ""}
    data.update(fields)
    return client.post(url, data)


def test_every_page_has_the_feedback_form_without_a_csrf_cookie(client, article):
    response = client.get("/artikler/hva-er-vold/")
    html = response.content.decode()
    assert 'action="/tilbakemelding/"' in html
    assert 'name="page" value="/artikler/hva-er-vold/"' in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies


def test_the_form_says_comments_are_not_answered_and_points_to_the_questions(client, article):
    html = client.get("/artikler/hva-er-vold/").content.decode()
    with translation.override("nb"):
        not_answered = str(PageFeedbackForm.base_fields["comment"].help_text)
        ask_instead = gettext(
            "Do you have a question, or do you need someone to talk to? Ask the professional "
            "panel anonymously, or call one of the numbers at the top of the page."
        )
    assert escape(not_answered) in html
    assert escape(ask_instead) in html


def test_a_valid_answer_is_stored_anonymously_and_thanked(article):
    client = Client(enforce_csrf_checks=True)
    response = answer(client, helpful="nei", comment="Savner info om besøksforbud.")
    assert response.status_code == 302
    assert response["Location"] == "/artikler/hva-er-vold/?feedback=thanks#tilbakemelding"
    assert not response.cookies
    feedback = PageFeedback.objects.get()
    assert feedback.path == "/artikler/hva-er-vold/"
    assert feedback.language == "nb"
    assert feedback.helpful is False
    assert feedback.comment == "Savner info om besøksforbud."
    assert isinstance(feedback.created_date, dt.date)
    assert not isinstance(feedback.created_date, dt.datetime)

    thanked = client.get(response["Location"]).content.decode()
    assert 'id="page-feedback-heading"' in thanked
    assert 'action="/tilbakemelding/"' not in thanked


def test_an_answer_from_another_language_is_stored_on_the_bokmal_path(client, article):
    response = answer(client, url="/en" + FEEDBACK_URL, page="/en/artikler/hva-er-vold/")
    assert response["Location"].startswith("/en/artikler/hva-er-vold/?feedback=thanks")
    feedback = PageFeedback.objects.get()
    assert (feedback.path, feedback.language) == ("/artikler/hva-er-vold/", "en")


def test_the_query_string_is_kept_for_the_return_but_not_stored(client, article):
    response = answer(client, page="/sok/?q=voldtekt")
    assert response["Location"] == "/sok/?q=voldtekt&feedback=thanks#tilbakemelding"
    assert PageFeedback.objects.get().path == "/sok/"


def test_no_answer_is_an_error_that_keeps_the_comment(client, article):
    response = answer(client, helpful="", comment="Min kommentar")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Min kommentar" in html
    assert 'class="field__error"' in html
    assert PageFeedback.objects.count() == 0


@pytest.mark.parametrize(
    "fields",
    [
        {"helpful": "kanskje"},
        {"comment": "x" * 1001},
        {"comment": "a\x00b"},
        {"comment": "a\x07b"},
        {"page": "https://evil.example/"},
        {"page": "//evil.example/"},
        {"page": "/finnes/ikke/her/"},
        {"page": ""},
        {"page": "/" + "a" * 400},
        {"website": "http://spam.example"},
    ],
)
def test_invalid_answers_are_refused_without_storing(client, article, fields):
    response = answer(client, **fields)
    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0


def test_a_script_in_the_comment_is_shown_escaped_on_the_error_page(client, article):
    response = answer(client, helpful="", comment="<script>alert(1)</script>")
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_repeated_identical_comment_is_stored_once(client, article):
    for _ in range(3):
        assert answer(client, helpful="nei", comment="Samme tekst").status_code == 302
    assert PageFeedback.objects.count() == 1


def test_repeated_plain_answers_are_each_counted(client, article):
    answer(client)
    answer(client)
    answer(client, helpful="nei")
    assert PageFeedback.objects.filter(helpful=True).count() == 2
    assert PageFeedback.objects.filter(helpful=False).count() == 1


def test_phone_numbers_and_emails_are_removed_from_comments(client, article):
    answer(client, comment="Ring meg på 912 34 567 eller skriv til kari@example.no takk")
    comment = PageFeedback.objects.get().comment
    assert "912" not in comment and "kari@" not in comment
    assert comment.startswith("Ring meg på")


def test_get_and_other_methods_are_refused(client):
    assert client.get(FEEDBACK_URL).status_code == 405
    assert client.put(FEEDBACK_URL).status_code == 405


def test_a_huge_post_is_refused_not_a_server_error(client, article):
    response = answer(client, comment="x" * (700 * 1024))
    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0
