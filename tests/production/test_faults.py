"""Two app servers sharing one database and one Redis, and what visitors see when a part
fails: Redis, the database (refusing or hanging), an app server, both app servers. Each test
puts the stack back (`stack.heal()`), so the next one starts from a healthy stack."""

import html
import json
import re
import secrets
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from .stack import CODE_PATTERN, HELPLINE, form_fields

pytestmark = pytest.mark.production

ASK = "/sporsmal/still-et-sporsmal/"
READ = "/sporsmal/les-svar/"
# Well-formed (questions/codes.py), but no question has it.
WRONG_CODE = "ABCD-EFGH-JKMN-PQRS"
CODE_ATTEMPTS_PER_HOUR = 10  # QUESTIONS_CODE_ATTEMPTS_PER_HOUR's default
# The longest a visitor may wait for the 503 page when the database is gone.
UNAVAILABLE_WITHIN = 5.0


def question_text():
    """A question with a word of its own, to find it again."""
    marker = f"smoke{secrets.token_hex(4)}"
    return marker, (
        f"Jeg lurer paa noe ({marker}): kjaeresten min sjekker telefonen min hver "
        "kveld. Er det vold, og hvem kan jeg snakke med?"
    )


def ask(stack, text, *, via, forwarded_for=None):
    """Ask as a browser would: open the form, fill it in, send it."""
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    form = stack.fetch(ASK, via=via, headers=headers)
    assert form.status == 200, f"the ask form answers {form.status}"
    fields = form_fields(form.text)
    data = {
        "text": text,
        "topic": next(value for value in fields["topic"]["values"] if value),
        "asker_group": fields["asker_group"]["values"][0],
        "age_group": "",
        "consent_to_publish": "on",
        "website": "",
        "started": fields["started"]["values"][0],
        "action": "send",
    }
    return stack.fetch(ASK, via=via, method="POST", data=data, headers=headers)


def code_attempts(stack, count, *, via, forwarded_for):
    """POST `count` wrong codes; the statuses. The rate limit counts per clock hour: if an
    hour starts meanwhile, the attempts are made again in the new hour."""
    for _ in range(2):
        hour = time.time() // 3600
        statuses = [
            stack.fetch(
                READ,
                via=via(attempt),
                method="POST",
                data={"code": WRONG_CODE, "action": "read"},
                headers={"X-Forwarded-For": forwarded_for(attempt)},
            ).status
            for attempt in range(count)
        ]
        if time.time() // 3600 == hour:
            return statuses
    return statuses


def pages(sample_paths):
    return [
        "/",
        "/tjenester/",
        sample_paths["service"],
        sample_paths["article"],
        "/sok/?q=vold",
        "/sporsmal/",
        ASK,
    ]


def past_nginx_cache():
    """nginx answers a kept page from its own cache for up to PROXY_CACHE_SECONDS (1 s) after
    the app last gave it: a fault shows from then on."""
    time.sleep(1.2)


def unavailable_pages(stack, paths):
    """What is wrong with the answers to `paths` when the database is gone."""
    past_nginx_cache()
    failures = []
    for path in paths:
        response = stack.fetch(path, timeout=20)
        if response.status != 503 or HELPLINE not in response.text:
            failures.append(
                f"{path}: {response.status}, helpline shown: {HELPLINE in response.text}"
            )
        if response.seconds > UNAVAILABLE_WITHIN:
            failures.append(f"{path}: answered after {response.seconds:.1f} s")
    health = stack.fetch("/helse/", timeout=20)
    try:
        database = json.loads(health.body).get("database")
    except ValueError:
        database = f"not JSON: {health.text[:200]!r}"
    if health.status != 503 or database != "unavailable":
        failures.append(f"/helse/: {health.status}, database {database!r}")
    if health.seconds > UNAVAILABLE_WITHIN:
        failures.append(f"/helse/: answered after {health.seconds:.1f} s")
    return failures


# --- Two app servers, one state ---------------------------------------------------------------


def test_a_question_asked_on_one_server_is_seen_by_a_moderator_on_the_other(stack):
    marker, text = question_text()
    sent = ask(stack, text, via="a", forwarded_for="203.0.113.7")
    assert sent.status == 200, sent.text[:3000]
    assert CODE_PATTERN.search(sent.text), "no answer code on the page after sending"

    cookie = {"Cookie": stack.moderator_cookie()}
    listing = stack.fetch(f"/admin/questions/question/?q={marker}", via="b", headers=cookie)
    assert listing.status == 200, f"the admin's list answers {listing.status}"
    link = re.search(r'href="(/admin/questions/question/\d+/change/[^"]*)"', listing.text)
    assert link, "the moderator's list on server b does not show the question"
    change = stack.fetch(html.unescape(link.group(1)), via="b", headers=cookie)
    assert change.status == 200
    assert marker in change.text


def test_wrong_codes_count_across_both_servers(stack):
    statuses = code_attempts(
        stack,
        CODE_ATTEMPTS_PER_HOUR + 1,
        via=lambda attempt: "ab"[attempt % 2],
        forwarded_for=lambda attempt: "198.51.100.21",
    )
    assert statuses == [400] * CODE_ATTEMPTS_PER_HOUR + [429], statuses


def test_a_forged_forwarded_for_does_not_escape_the_limit_through_nginx(stack):
    statuses = code_attempts(
        stack,
        CODE_ATTEMPTS_PER_HOUR + 1,
        via=lambda attempt: "nginx",
        forwarded_for=lambda attempt: f"192.0.2.{attempt + 1}",
    )
    assert statuses == [400] * CODE_ATTEMPTS_PER_HOUR + [429], statuses


# --- App servers down ----------------------------------------------------------------------------


def test_one_app_server_down_is_not_noticed(stack, sample_paths):
    stack.stop_app("a")
    try:
        statuses = {path: stack.fetch(path).status for path in pages(sample_paths) * 2}
        assert set(statuses.values()) == {200}, statuses
    finally:
        stack.heal()


def test_no_app_server_gives_the_static_503_page_in_the_visitors_language(stack):
    stack.stop_app("a")
    stack.stop_app("b")
    past_nginx_cache()
    try:
        failures = []
        for prefix, language in [("", "nb"), ("/en", "en"), ("/ar", "ar")]:
            response = stack.fetch(f"{prefix}/tjenester/?q=0150")
            found = re.search(r'<html[^>]*\blang="([^"]+)"', response.text)
            page_language = found.group(1) if found else None
            if response.status != 503 or HELPLINE not in response.text:
                failures.append(
                    f"{prefix or '/'}: {response.status}, helpline shown: "
                    f"{HELPLINE in response.text}"
                )
            if page_language != language:
                failures.append(f"{prefix or '/'}: page in {page_language!r}, not {language!r}")
        assert not failures, "\n".join(failures)
    finally:
        stack.heal()


# --- Redis and the database ------------------------------------------------------------------


def test_without_redis_pages_and_answers_work_and_asking_says_so(stack, sample_paths):
    _marker, first = question_text()
    sent = ask(stack, first, via="nginx")
    code = CODE_PATTERN.search(sent.text)
    assert sent.status == 200 and code, f"asking answers {sent.status}"

    stack.redis.stop()
    try:
        failures = [
            f"{path}: {status}"
            for path in ["/", sample_paths["article"], "/tjenester/"]
            if (status := stack.fetch(path).status) != 200
        ]
        answer = stack.fetch(READ, method="POST", data={"code": code.group(0), "action": "read"})
        if answer.status != 200 or first not in answer.text:
            failures.append(f"reading the answer with its code: {answer.status}")
        _marker, second = question_text()
        refused = ask(stack, second, via="nginx")
        if refused.status != 503 or HELPLINE not in refused.text:
            failures.append(f"asking: {refused.status}, helpline shown: {HELPLINE in refused.text}")
        if second not in refused.text:
            failures.append("asking: the 503 page does not give back the question's text")
        assert not failures, "\n".join(failures)
    finally:
        stack.heal()


@pytest.mark.parametrize("mode", ["down", "stall"], ids=["refusing", "hanging"])
def test_database_refusing_or_hanging_gives_503_pages_within_seconds(stack, sample_paths, mode):
    stack.redis.stop()
    stack.proxy.set_mode(mode)
    try:
        failures = unavailable_pages(stack, pages(sample_paths))
        assert not failures, "\n".join(failures)
    finally:
        stack.heal()


def test_pages_come_back_when_database_and_redis_do(stack, sample_paths):
    masters = {name: app.process.pid for name, app in stack.apps.items()}
    stack.redis.stop()
    stack.proxy.set_mode("stall")
    paths = pages(sample_paths)
    try:
        # Every worker (2 per server) meets the fault first, all at once: 4 s, not 16.
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda path: stack.fetch(path, timeout=20), paths[:4]))
    finally:
        stack.heal()
    deadline = time.monotonic() + 10
    statuses = {}
    for path in [*paths, "/helse/"]:
        while True:
            statuses[path] = stack.fetch(path, timeout=10).status
            if statuses[path] == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    assert set(statuses.values()) == {200}, statuses
    assert {name: app.process.pid for name, app in stack.apps.items()} == masters, (
        "an app server was restarted"
    )


# --- Last: what the whole run left behind ------------------------------------------------------


def test_no_server_error_and_no_traceback_anywhere(stack):
    errors = [entry for entry in stack.responses if entry[3] == 500]
    assert not errors, f"answered 500: {errors}"
    for name in stack.apps:
        log = stack.app_log(name)
        assert "Traceback" not in log, f"gunicorn {name}'s log:\n{log[-5000:]}"
