"""Asking a question: the code, the anonymity, the spam protection, and bad input."""

import io
import logging

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils.html import escape

from questions import codes
from questions.models import Question
from tests.questions import helpers
from tests.questions.helpers import QUESTION_TEXT, ask_data, code_from

pytestmark = pytest.mark.django_db
ASK = "questions:ask"


def ask(client, **overrides):
    return client.post(helpers.url(ASK), ask_data(**overrides))


def test_the_ask_page_shows_112_the_phone_lines_and_the_limits(client):
    response = client.get(helpers.url(ASK))
    content = response.content.decode()
    assert response.status_code == 200
    assert "In acute danger? Call 112" in content and 'href="tel:112"' in content
    assert 'href="tel:116006"' in content
    assert "/tjenester/kategori/hjelpetelefon/" in content
    assert "Between 20 and 3000 characters" in content
    assert 'maxlength="3000"' in content
    assert "I use or have used violence" in content  # every asker role is offered


def test_the_asker_chooses_a_target_group_in_their_own_words(client):
    from django.urls import reverse
    from django.utils import translation

    from core.models import TargetGroup

    with translation.override("nn"):
        nynorsk = client.get(reverse(ASK)).content.decode()
    assert "Eg er pårørande eller uroleg for nokon" in nynorsk  # self_description_nn
    TargetGroup.objects.filter(slug="fagfolk").update(self_description_en="")
    english = client.get(helpers.url(ASK)).content.decode()
    assert "I ask as a professional" not in english
    assert "Professionals</label>" in english  # no words of its own: its name
    assert 'value="other"' in english and "Other</label>" in english


def test_asking_as_other_stores_no_group(client):
    assert ask(client, asker_group="other").status_code == 200
    assert Question.objects.get().asker_group is None


def test_asker_pages_set_no_cookie_and_are_not_cached(client):
    question, code = helpers.question()
    for response in [
        client.get(helpers.url(ASK)),
        ask(client),
        client.get(helpers.url("questions:read")),
        client.post(helpers.url("questions:read"), {"code": code}),
        client.post(helpers.url("questions:read"), {"code": "AAAA-AAAA-AAAA-AAAA"}),
        client.post(helpers.url("questions:similar"), {"text": "samvær etter vold"}),
    ]:
        assert not response.cookies, response.cookies
        assert "no-store" in response["Cache-Control"]
    assert not client.cookies


def test_sending_shows_a_code_once_and_the_expected_answer_date(client):
    response = ask(client)
    assert response.status_code == 200
    code = code_from(response)
    question = Question.objects.get()
    content = response.content.decode()
    assert content.count(code) == 1
    assert "Write the code down now" in content
    assert question.due_at.strftime("%Y") in content and "expect an answer by" in content
    assert question.text == QUESTION_TEXT and question.topic.slug == "vold-i-naere-relasjoner"
    assert question.asker_group.slug == "utsatt" and question.consent_to_publish
    assert question.language == "en"
    assert question.status == Question.Status.RECEIVED
    assert question.code_hash == codes.hash_code(code)


def test_the_code_is_random_well_formed_and_not_stored_in_plain_text(client):
    response = ask(client)
    code = code_from(response)
    raw = code.replace("-", "")
    assert len(raw) == 16 and set(raw) <= set(codes.ALPHABET)
    assert not set(raw) & set("01OIL")
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    for form in (code, raw, raw.lower(), code.lower()):
        assert form not in dump.getvalue()
    assert len({codes.new_code() for _ in range(1000)}) == 1000


def test_codes_are_normalised_and_survive_a_key_rotation(settings):
    code = codes.new_code()
    stored = codes.hash_code(code)
    for typed in (
        code.lower(),
        code.replace("-", " "),
        f"  {code.replace('-', '')} ",
        code.replace("-", "–"),
    ):
        assert stored in codes.candidate_hashes(typed)
    assert codes.candidate_hashes("not a code") == []
    assert codes.candidate_hashes("0000-0000-0000-0000") == []
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-after-rotation-" * 2
    assert stored not in codes.candidate_hashes(code)[:1]
    assert stored in codes.candidate_hashes(code)


def test_neither_the_address_nor_the_user_agent_is_stored_or_logged(client, caplog):
    address, agent = "203.0.113.77", "CanaryBrowser/9.9 (distinctive-7f3a)"
    forwarded = "198.51.100.23"
    with caplog.at_level(logging.DEBUG):
        response = client.post(
            helpers.url(ASK),
            ask_data(),
            REMOTE_ADDR=address,
            HTTP_USER_AGENT=agent,
            HTTP_X_FORWARDED_FOR=forwarded,
        )
        code = code_from(response)
        client.post(
            helpers.url("questions:read"),
            {"code": code},
            REMOTE_ADDR=address,
            HTTP_USER_AGENT=agent,
        )
        client.post(
            helpers.url("questions:read"),
            {"code": "ZZZZ-ZZZZ-ZZZZ-ZZZZ"},
            REMOTE_ADDR=address,
            HTTP_USER_AGENT=agent,
        )
    assert Question.objects.count() == 1
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    for secret in (address, agent, "distinctive-7f3a", forwarded, "203.0.113"):
        assert secret not in dump.getvalue()
        assert secret not in caplog.text
    # The rate limit's cache keys hold a keyed hash, not the address.
    keys = " ".join(str(key) for key in getattr(cache, "_cache", {}))
    assert keys and address not in keys


def test_the_honeypot_stops_robots_and_keeps_the_text(client):
    response = ask(client, website="http://spam.example")
    assert response.status_code == 400
    content = response.content.decode()
    assert "Your question could not be sent" in content
    assert escape(QUESTION_TEXT) in content
    assert not Question.objects.exists()


@override_settings(QUESTIONS_MIN_FILL_SECONDS=5)
def test_a_form_sent_too_fast_is_held_back_with_the_text_kept(client):
    response = ask(client, started=helpers.aged_token(seconds=1))
    assert response.status_code == 400
    assert "That was quick!" in response.content.decode()
    assert escape(QUESTION_TEXT) in response.content.decode()
    assert not Question.objects.exists()


@override_settings(QUESTIONS_MIN_FILL_SECONDS=5)
def test_an_empty_form_sent_at_once_says_what_is_missing_not_that_it_was_quick(client):
    response = ask(client, text="", topic="", started=helpers.aged_token(seconds=1))
    assert response.status_code == 400
    content = response.content.decode()
    assert "That was quick!" not in content
    assert "Write your question." in content


@pytest.mark.parametrize("token", ["", "forged", "W10:1abc:xyz"])
def test_a_missing_or_forged_form_token_asks_to_send_again(client, token):
    response = ask(client, started=token)
    assert response.status_code == 400
    content = response.content.decode()
    assert "could not be checked" in content and escape(QUESTION_TEXT) in content
    assert not Question.objects.exists()


def test_the_same_form_cannot_be_sent_twice(client):
    data = ask_data()
    assert client.post(helpers.url(ASK), data).status_code == 200
    again = client.post(helpers.url(ASK), data)
    assert again.status_code == 400
    assert "already been sent" in again.content.decode()
    assert Question.objects.count() == 1


@override_settings(QUESTIONS_ASK_LIMIT_PER_HOUR=2)
def test_sending_is_rate_limited_per_address(client):
    for _ in range(2):
        response = client.post(helpers.url(ASK), ask_data(), REMOTE_ADDR="192.0.2.10")
        assert response.status_code == 200
    blocked = client.post(helpers.url(ASK), ask_data(), REMOTE_ADDR="192.0.2.10")
    assert blocked.status_code == 429
    assert "wait an hour" in blocked.content.decode()
    assert escape(QUESTION_TEXT) in blocked.content.decode()
    assert client.post(helpers.url(ASK), ask_data(), REMOTE_ADDR="192.0.2.11").status_code == 200
    assert Question.objects.count() == 3


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"], QUESTIONS_ASK_LIMIT_PER_HOUR=1)
def test_behind_a_proxy_the_forwarded_address_is_limited(client):
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert (
        client.post(
            helpers.url(ASK), ask_data(), HTTP_X_FORWARDED_FOR="192.0.2.20", **proxy
        ).status_code
        == 200
    )
    assert (
        client.post(
            helpers.url(ASK), ask_data(), HTTP_X_FORWARDED_FOR="192.0.2.21", **proxy
        ).status_code
        == 200
    )
    # A visitor cannot escape by claiming another address in front of the real one.
    assert (
        client.post(
            helpers.url(ASK), ask_data(), HTTP_X_FORWARDED_FOR="1.2.3.4, 192.0.2.20", **proxy
        ).status_code
        == 429
    )


@override_settings(TRUSTED_PROXIES=["10.0.0.1"], QUESTIONS_ASK_LIMIT_PER_HOUR=1)
def test_a_forwarded_address_from_an_untrusted_peer_is_not_believed(client):
    """Anyone may send X-Forwarded-For; only the proxy's is believed."""
    outsider = {"REMOTE_ADDR": "192.0.2.30"}
    assert (
        client.post(
            helpers.url(ASK), ask_data(), HTTP_X_FORWARDED_FOR="198.51.100.1", **outsider
        ).status_code
        == 200
    )
    assert (
        client.post(
            helpers.url(ASK), ask_data(), HTTP_X_FORWARDED_FOR="198.51.100.2", **outsider
        ).status_code
        == 429
    )


BAD_INPUT = [
    ({"text": ""}, "Write your question."),
    ({"text": "   "}, "Write your question."),
    ({"text": "Hjelp meg"}, "Write at least 20 characters (you wrote 9)."),
    ({"text": "x" * 3001}, "Write at most 3000 characters (you wrote 3001)."),
    ({"text": QUESTION_TEXT + "\x00"}, "invisible control characters"),
    ({"text": QUESTION_TEXT + "\x1b[31m"}, "invisible control characters"),
    ({"text": QUESTION_TEXT + "<script>alert(1)</script>"}, "Write plain text, without HTML"),
    ({"text": '<img src=x onerror="alert(1)"> ' + QUESTION_TEXT}, "Write plain text, without HTML"),
    ({"topic": ""}, "Choose a topic."),
    ({"topic": "no-such-topic"}, "Choose a topic from the list."),
    ({"topic": "'; DROP TABLE questions_question; --"}, "Choose a topic from the list."),
    ({"asker_group": None}, "Choose who you are asking as."),
    ({"asker_group": "king"}, "Choose one of the options."),
    ({"age_group": "999"}, "Choose an age group from the list."),
]


@pytest.mark.parametrize(("changes", "message"), BAD_INPUT)
def test_bad_input_gets_a_clear_error_and_keeps_the_text(client, changes, message):
    response = ask(client, **changes)
    content = response.content.decode()
    assert response.status_code == 400
    assert escape(message) in content
    assert "What you wrote has been kept" in content
    typed = changes.get("text", QUESTION_TEXT)
    if typed.strip() and "\x00" not in typed:
        assert escape(typed) in content  # kept, and escaped: never markup
    assert "<script>alert(1)</script>" not in content
    assert not Question.objects.exists()


def test_markup_is_fine_when_it_is_not_a_tag(client):
    text = "Er det normalt at 2 < 3 ganger i uka med krangling? Jeg <3 ham, men er redd."
    assert ask(client, text=text).status_code == 200
    assert Question.objects.get().text == text


def test_a_huge_post_is_refused_with_a_message_not_a_server_error(client, settings):
    huge = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)
    response = client.post(helpers.url(ASK), ask_data(text=huge))
    assert response.status_code == 413
    assert "far larger than this form accepts" in response.content.decode()
    assert not Question.objects.exists()


def test_too_many_fields_are_refused_with_a_message(client, settings):
    data = ask_data()
    data.update({f"extra{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)})
    response = client.post(helpers.url(ASK), data)
    assert response.status_code == 413
    assert not Question.objects.exists()


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options"])
@pytest.mark.parametrize("name", [ASK, "questions:read", "questions:similar"])
def test_wrong_methods_get_a_clear_405(client, method, name):
    response = getattr(client, method)(helpers.url(name))
    assert response.status_code == 405
    assert "Allow" in response
    assert "cannot be used like that" in response.content.decode()


def test_a_post_from_another_site_is_refused(client):
    response = client.post(helpers.url(ASK), ask_data(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    response = client.post(helpers.url(ASK), ask_data(), HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert not Question.objects.exists()
    same = client.post(
        helpers.url(ASK),
        ask_data(),
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert same.status_code == 200


def test_checking_for_similar_questions_keeps_the_draft_and_stores_nothing(client, caplog):
    helpers.published_question(
        title="Samvær når far har vært voldelig",
        question="Må barna ha samvær med en far som har slått?",
    )
    draft = "Barnas far har slått meg, og nå vil han ha samvær med barna. Hva gjør jeg?"
    with caplog.at_level(logging.DEBUG):
        response = client.post(
            helpers.url(ASK), ask_data(text=draft, action="similar", topic="barn-og-unge")
        )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Samvær når far har vært voldelig" in content
    assert escape(draft) in content
    assert 'value="barn-og-unge" selected' in content
    assert 'value="utsatt" id="id_asker_group_0" required checked' in content
    assert "Please correct the errors" not in content
    assert Question.objects.count() == 1  # only the published one
    assert "slått meg" not in caplog.text


def test_the_similar_endpoint_answers_json_and_validates(client):
    helpers.published_question(
        title="Samvær når far har vært voldelig",
        question="Må barna ha samvær med en far som har slått?",
    )
    found = client.post(helpers.url("questions:similar"), {"text": "samværet med barna"})
    assert found.status_code == 200
    assert found.json()["results"][0]["title"] == "Samvær når far har vært voldelig"
    assert found.json()["results"][0]["url"].startswith("/en/sporsmal/")
    empty = client.post(helpers.url("questions:similar"), {"text": ""})
    assert empty.status_code == 400 and empty.json()["errors"]["text"]
    script = client.post(helpers.url("questions:similar"), {"text": "<script>x</script>"})
    assert script.status_code == 400
    assert client.get(helpers.url("questions:similar")).status_code == 405


@override_settings(QUESTIONS_SEARCH_LIMIT_PER_HOUR=2)
def test_the_similar_search_is_rate_limited(client):
    for _ in range(2):
        assert client.post(helpers.url("questions:similar"), {"text": "vold"}).status_code == 200
    assert client.post(helpers.url("questions:similar"), {"text": "vold"}).status_code == 429
