"""The published questions: browsing, search, the site search's hook, translations."""

import pytest
from django.utils import translation

from core.search import SearchHit
from questions.models import Question
from questions.selectors import search_published_questions, site_search
from tests.questions import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(db):
    return [
        helpers.published_question(
            title="Samvær når far har vært voldelig",
            slug="samvaer-vold",
            question="Må barna ha samvær med en far som har slått meg?",
            answer="Samvær skal være til barnets beste.",
            role="lawyer",
        ),
        helpers.published_question(
            title="Bekymret for en elev",
            slug="elev",
            topic_slug="barn-og-unge",
            asker_role="professional",
            question="Jeg er lærer og bekymret for en elev.",
            answer="Du har opplysningsplikt til barnevernet.",
            role="child_welfare",
        ),
        helpers.published_question(
            title="Hjelp til å slutte å slå",
            slug="slutte",
            topic_slug="bruker-vold",
            asker_role="using_violence",
            question="Jeg slår partneren min og vil slutte.",
            answer="Alternativ til Vold kan hjelpe deg.",
            role="psychologist",
        ),
    ]


def test_the_list_shows_published_questions_only(client, published):
    private, _code = helpers.question(text="Et privat spørsmål som aldri skal vises offentlig.")
    content = client.get(helpers.url("questions:list")).content.decode()
    for question in published:
        assert question.public_title in content
    assert "privat spørsmål" not in content
    assert "Originalen:" not in content  # never the original wording
    assert private.text not in content


def test_browse_by_topic_and_by_who_asked(client, published):
    by_topic = client.get(helpers.url("questions:list"), {"topic": "barn-og-unge"})
    assert "Bekymret for en elev" in by_topic.content.decode()
    assert "Samvær når far" not in by_topic.content.decode()
    by_group = client.get(helpers.url("questions:list"), {"group": "using_violence"})
    assert "Hjelp til å slutte å slå" in by_group.content.decode()
    assert "Bekymret for en elev" not in by_group.content.decode()


def test_search_finds_inflected_words(client, published):
    response = client.get(helpers.url("questions:list"), {"q": "samværet"})
    content = response.content.decode()
    assert "Samvær når far har vært voldelig" in content
    assert "Bekymret for en elev" not in content


@pytest.mark.parametrize(
    "params",
    [
        {"topic": "nope"},
        {"group": "<script>"},
        {"q": "x" * 101},
        {"q": "a\x00b"},
        {"page": "999"},
        {"page": "-1"},
        {"page": "abc"},
        {"q": "<b>bold</b>"},
    ],
)
def test_bad_parameters_are_errors_not_crashes(client, published, params):
    response = client.get(helpers.url("questions:list"), params)
    assert response.status_code in (200, 400)
    assert "<script>" not in response.content.decode()
    assert "<b>bold</b>" not in response.content.decode()


def test_a_published_question_shows_the_role_never_a_name(client, published):
    question = published[0]
    response = client.get(helpers.public_url(question))
    content = response.content.decode()
    assert response.status_code == 200
    assert question.public_question in content and question.public_answer in content
    assert "a lawyer in the panel" in content
    assert "Originalen:" not in content


def test_unpublished_and_unknown_questions_are_not_found(client, published):
    question = published[0]
    Question.objects.filter(pk=question.pk).update(status=Question.Status.ANSWERED)
    assert (
        client.get(helpers.public_url(question) or "/en/sporsmal/samvaer-vold/").status_code == 404
    )
    assert client.get("/en/sporsmal/finnes-ikke/").status_code == 404
    assert client.post("/en/sporsmal/elev/").status_code == 405


def test_answers_are_translatable_and_fall_back_to_bokmal(client, published):
    question = published[0]
    Question.objects.filter(pk=question.pk).update(
        public_title_en="Contact with a violent father",
        public_answer_en="Contact must be in the child's best interest.",
    )
    english = client.get("/en/sporsmal/samvaer-vold/").content.decode()
    assert "Contact with a violent father" in english
    assert "Contact must be in the child&#x27;s best interest." in english
    assert question.public_question in english  # not translated: bokmål
    bokmal = client.get("/sporsmal/samvaer-vold/").content.decode()
    assert "Samvær når far har vært voldelig" in bokmal


def test_site_search_returns_the_common_shape(published):
    with translation.override("nb"):
        results = site_search("opplysningsplikt barnevernet", language="nb", limit=5)
    assert results == [
        SearchHit(
            kind="question",
            title="Bekymret for en elev",
            url="/sporsmal/elev/",
            snippet="Jeg er lærer og bekymret for en elev.",
            rank=results[0].rank,
            language="nb",
        )
    ]
    assert site_search("", language="nb") == []
    assert site_search("og i på", language="nb") == []  # only stopwords


def test_site_search_leaves_out_a_published_question_without_an_address(published):
    Question.objects.filter(public_slug="elev").update(public_slug=None)
    assert site_search("opplysningsplikt barnevernet", language="nb") == []


def test_search_ranks_title_matches_first(published):
    found = search_published_questions("slutte partneren", language="nb", limit=5)
    assert found[0].public_slug == "slutte"


def test_search_adds_up_the_fields_a_word_is_in(published):
    helpers.published_question(
        title="Om barnevernet",
        slug="om-barnevernet",
        question="Hva gjør barnevernet?",
        answer="Barnevernet hjelper barn.",
        role="child_welfare",
    )
    found = search_published_questions("barnevernet", language="nb", limit=5)
    # Title, question and answer (3 + 2 + 1) before the answer alone (1).
    assert [question.public_slug for question in found] == ["om-barnevernet", "elev"]


def test_search_words_are_matched_literally_not_as_like_patterns(published):
    # "_" is a word character, and LIKE's any-one-character: it must not match "samvær".
    assert search_published_questions("samv_r", language="nb") == []


def test_search_is_case_insensitive_in_the_readers_language_and_bokmal(published):
    Question.objects.filter(public_slug="elev").update(public_title_en="Worried about a Pupil")
    assert [q.public_slug for q in search_published_questions("PUPIL", language="en")] == ["elev"]
    assert [q.public_slug for q in search_published_questions("ELEV", language="en")] == ["elev"]


def test_header_links_to_questions(client):
    content = client.get(helpers.url("questions:list")).content.decode()
    assert 'href="/en/sporsmal/still-et-sporsmal/"' in content
