"""Text people type: control characters and the invisible characters that change how a
text reads are refused with a clear message, in every form that takes free text; the
characters that scripts need are not."""

import pytest
from django.core.exceptions import ValidationError

from core.validators import reject_control_characters
from tests import factories
from tests.questions import helpers
from tests.questions.helpers import QUESTION_TEXT, ask_data

pytestmark = pytest.mark.django_db
HIDDEN = {
    "right-to-left override": "\u202e",
    "left-to-right embedding": "\u202a",
    "right-to-left isolate": "\u2067",
    "zero-width space": "\u200b",
    "word joiner": "\u2060",
    "byte-order mark": "\ufeff",
}


@pytest.mark.parametrize("character", HIDDEN.values(), ids=HIDDEN.keys())
def test_invisible_formatting_characters_are_refused(character):
    with pytest.raises(ValidationError) as error:
        reject_control_characters(f"Han sa {character}at det var min feil.")
    assert error.value.code == "format_characters"


@pytest.mark.parametrize(
    "text",
    [
        "می\u200cخواهم کمک بگیرم",  # Persian needs the zero-width non-joiner
        "\u200fמה\u200e 116 006",  # direction marks typed by right-to-left keyboards
        "क्\u200dष",  # the zero-width joiner in Indic scripts
        "Linje ein\nlinje to\tmed tabulator",
    ],
)
def test_what_scripts_need_is_kept(text):
    reject_control_characters(text)


@pytest.mark.parametrize("character", HIDDEN.values(), ids=HIDDEN.keys())
def test_the_question_form_refuses_them_and_keeps_the_text(client, character):
    text = QUESTION_TEXT.replace("sint", f"sint{character}")
    response = client.post(helpers.url("questions:ask"), ask_data(text=text))
    html = response.content.decode()
    assert response.status_code == 400
    assert "change its direction or hide spaces" in html
    assert "Kjæresten min leser meldingene mine" in html


def test_page_feedback_refuses_them(client):
    response = client.post(
        "/en/tilbakemelding/",
        {"helpful": "nei", "comment": "Feil \u202eside", "page": "/en/", "website": ""},
    )
    assert response.status_code == 400
    assert "change its direction or hide spaces" in response.content.decode()


def test_a_listing_error_report_refuses_them(client):
    service = factories.service()
    response = client.post(
        f"/en/tjenester/{service.slug}/meld-feil/", {"message": "Feil\u200b nummer", "contact": ""}
    )
    assert response.status_code in (200, 400)
    assert "change its direction or hide spaces" in response.content.decode()
    assert not service.error_reports.exists()
