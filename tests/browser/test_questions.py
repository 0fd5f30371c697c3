"""In headless Chromium: ask a question, write down the code, answer it in the admin, and
read the answer with the code. Also the script-enhanced similar-question search, and axe's
accessibility check of the asker's pages."""

import os
import re

import pytest
from django.contrib.auth.models import Group

from core.permissions import PANEL, PANEL_MODERATORS
from questions.models import Question
from tests.questions import helpers
from tests.questions.helpers import nb
from tests.staff.helpers import log_in

# The shared fixtures (tests/browser/conftest.py) give the session's Chromium and a live
# server whose reference data (topics, groups) is restored after each test's flush.
pytestmark = pytest.mark.browser
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.fixture
def quick_settings(settings):
    settings.QUESTIONS_MIN_FILL_SECONDS = 1
    settings.QUESTIONS_REQUIRE_SECOND_READER = False
    return settings


def serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (violation["id"], violation["help"])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def test_ask_answer_in_the_admin_and_read_with_the_code(
    live_server, browser, browser_db, quick_settings
):
    moderator = helpers.staff("mona.m", moderator=True, role="psychologist")
    assert {group.name for group in moderator.groups.all()} == {PANEL, PANEL_MODERATORS}
    assert Group.objects.filter(name=PANEL).exists()

    # The asker: no cookies, anywhere.
    asker = browser.new_context(locale="en-GB")
    page = asker.new_page()
    page.goto(f"{live_server.url}/en/sporsmal/still-et-sporsmal/")
    assert page.get_by_role("heading", name="In acute danger? Call 112").is_visible()
    assert serious_violations(page) == []
    page.get_by_label("Your question").fill(helpers.QUESTION_TEXT)
    assert (
        page.locator("[data-counter-for=id_text]")
        .inner_text()
        .startswith(f"{len(helpers.QUESTION_TEXT)} of 3000")
    )
    page.get_by_label("What is the question about?").select_option("vold-i-naere-relasjoner")
    page.get_by_label("I am a relative or worried about someone").check()
    page.get_by_label(re.compile("The panel may publish my question")).check()
    honeypot = page.locator("#id_website").bounding_box()
    assert honeypot["x"] + honeypot["width"] < 0  # off-screen for people
    page.wait_for_timeout(1200)  # longer than the minimum fill time
    page.get_by_role("button", name="Send the question").click()
    page.get_by_role("heading", name="Your question has been sent").wait_for()
    code = page.locator("[data-answer-code]").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", code)
    shot(page, "questions-code")
    assert asker.cookies() == []
    question = Question.objects.get()
    assert question.asker_group.slug == "parorende"

    # The moderator answers it in the admin (in another browser context).
    staff = browser.new_context(locale="en-GB")
    admin = staff.new_page()
    log_in(admin, username="mona.m", password=helpers.PASSWORD, base_url=live_server.url)
    admin.goto(f"{live_server.url}/admin/questions/question/{question.pk}/change/")

    def step(label, status):  # the admin is in bokmål, translated or not
        admin.get_by_role("button", name=nb(label), exact=True).click()
        done = nb("Done: the question is now %(status)s.") % {"status": nb(status)}
        admin.get_by_text(done).wait_for()

    step("Accept", "accepted")
    admin.locator("#id_assign_to").select_option(str(moderator.panel_member.pk))
    step("Assign", "assigned")
    answer = "Det du beskriver, er kontroll, og det kan være psykisk vold. Ring 116 006."
    admin.locator("textarea[name=answer]").fill(answer)
    step("Send the answer to the asker", "answered")
    shot(admin, "questions-admin")

    # The asker reads the answer with the code, typed carelessly.
    page.goto(f"{live_server.url}/en/sporsmal/les-svar/")
    page.get_by_label("Your answer code").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Show the answer").click()
    page.get_by_role("heading", name="The panel's answer").wait_for()
    assert answer in page.content()
    assert "a psychologist in the panel" in page.content()
    assert code not in page.url and "code" not in page.url
    assert serious_violations(page) == []
    shot(page, "questions-answer")

    page.get_by_role("region", name="Your feedback").get_by_label("Yes").check()
    page.get_by_role("button", name="Send feedback").click()
    page.get_by_text("Thank you for telling us").wait_for()
    assert asker.cookies() == []
    question.refresh_from_db()
    assert question.feedback.helpful and question.answer_read_at is not None


def test_similar_questions_appear_without_leaving_the_page(
    live_server, browser, browser_db, quick_settings
):
    helpers.published_question(
        title="Samvær når far har vært voldelig",
        slug="samvaer",
        question="Må barna ha samvær med en far som har slått?",
    )
    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/en/sporsmal/still-et-sporsmal/")
    url = page.url
    page.get_by_label("Your question").fill("Han vil ha samværet med barna, men han slår.")
    page.get_by_role("button", name="Check for similar questions").click()
    link = page.get_by_role("link", name="Samvær når far har vært voldelig")
    link.wait_for()
    assert page.url == url
    assert page.get_by_label("Your question").input_value().startswith("Han vil ha samværet")
    assert Question.objects.count() == 1
