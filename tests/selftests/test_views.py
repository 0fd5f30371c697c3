"""The self-test pages: the answers come by POST only, the result is that POST's response,
no cookie is ever set, nothing is kept, and no input, however odd, gives a server error."""

import logging

import pytest
from django.test import Client

from selftests.models import Kind, Level
from tests import factories
from tests.portal.test_page_cache import kept

pytestmark = pytest.mark.django_db

URL = "/selvtester/trygt/"


@pytest.fixture
def selftest():
    info = factories.article(slug="psykisk-vold", title="Psykisk vold")
    plan = factories.article(slug="sikkerhetsplan", title="Lag en sikkerhetsplan")
    hidden = factories.article(slug="utkast", title="Utkast", is_published=False)
    test = factories.selftest(
        slug="trygt",
        title="Er forholdet mitt trygt?",
        sources="Bygger på Bufdirs beskrivelser av formene for vold.",
        statements=[
            (Kind.PSYCHOLOGICAL, "Jeg er redd for partneren min."),
            (Kind.DIGITAL, "Partneren min sjekker telefonen min."),
            (Kind.PHYSICAL, "Partneren min har dyttet eller slått meg."),
            (Kind.PSYCHOLOGICAL, "Partneren min har truet meg.", True),
        ],
    )
    first, second, physical, threat = test.statements.all()
    first.article = info
    first.save()
    factories.outcome(
        test,
        Level.SAFETY,
        title="Din sikkerhet kommer først",
        articles=[plan, hidden],
        service_categories=[factories.category("krisesenter"), factories.category("politi")],
    )
    factories.outcome(
        test,
        Level.SIGNS,
        title="Det du beskriver, kan være vold",
        service_categories=[factories.category("krisesenter")],
    )
    factories.outcome(test, Level.UNSURE, title="Det er lov å være usikker")
    factories.outcome(test, Level.NONE, title="Du kjente deg ikke igjen", ask_panel=False)
    test.fields = {
        "psychological": first.field_name,
        "digital": second.field_name,
        "physical": physical.field_name,
        "threat": threat.field_name,
    }
    return test


def answers(selftest, **chosen):
    """Every statement answered "no", except those named."""
    data = {name: "no" for name in selftest.fields.values()}
    data.update({selftest.fields[key]: value for key, value in chosen.items()})
    return data


def assert_leaves_no_trace(response):
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


# --- The pages --------------------------------------------------------------------------------


def test_the_list_shows_the_published_tests_by_target_group(client, selftest):
    factories.selftest(slug="utkast", title="Uferdig test", is_published=False)
    response = client.get("/selvtester/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Er forholdet mitt trygt?" in page and "Uferdig test" not in page
    assert 'id="for-utsatt"' in page
    assert "Set-Cookie" not in response.headers


def test_the_test_is_one_form_of_radio_groups_posted_to_its_own_address(client, selftest):
    response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<fieldset class="selftest-statement"') == 4
    assert page.count('<legend class="selftest-statement__text">') == 4
    assert page.count('type="radio" name="s') == 12
    assert f'<form class="selftest" method="post" action="{URL}"' in page
    assert "csrfmiddlewaretoken" not in page
    # Where the signs come from, and that it is no diagnosis (in English until translated).
    assert "Bygger på Bufdirs beskrivelser" in page and "diagnos" in page
    assert "Set-Cookie" not in response.headers


def test_the_test_page_is_shared_and_answers_in_a_query_string_are_ignored(client, selftest):
    assert kept(client, URL)
    query = "?" + "&".join(f"{name}=yes" for name in selftest.fields.values())
    response = client.get(URL + query)
    page = response.content.decode()
    assert response.status_code == 200
    # The test, unanswered: no result, no answer taken up.
    assert page.count('type="radio" name="s') == 12 and "checked" not in page
    assert "selftest-result" not in page and "Din sikkerhet kommer først" not in page
    assert not kept(client, URL + query)  # and never a key of the cache


def test_unknown_and_unpublished_tests_are_not_found(client, selftest):
    factories.selftest(slug="utkast", is_published=False)
    assert client.get("/selvtester/finnes-ikke/").status_code == 404
    assert client.get("/selvtester/utkast/").status_code == 404
    assert client.post("/selvtester/utkast/", {}).status_code == 404


def test_other_methods_are_refused(client, selftest):
    assert client.put(URL).status_code == 405
    assert client.delete(URL).status_code == 405
    assert client.post("/selvtester/").status_code == 405


# --- The result -------------------------------------------------------------------------------


def test_no_signs_gives_the_calm_outcome(client, selftest):
    response = client.post(URL, answers(selftest))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Du kjente deg ikke igjen" in page
    assert "Safety first" not in page and "Sikkerheten først" not in page
    assert "selftest-danger" not in page
    assert 'id="ask-heading"' not in page  # this outcome does not offer the panel
    assert "Start again" in page or "Start på nytt" in page
    assert_leaves_no_trace(response)


def test_a_physical_sign_gives_the_safety_outcome_with_112_and_the_lines(client, selftest):
    response = client.post(URL, answers(selftest, physical="yes"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Din sikkerhet kommer først" in page
    assert "selftest-danger" in page
    for number in ("tel:112", "tel:116006", "tel:116111"):
        assert page.count(number) >= 2, number  # in the bar at the top, and in the result
    # The nearest services of the outcome's kinds, by place, through the service search.
    assert 'action="/tjenester/"' in page and 'name="q"' in page
    assert 'value="krisesenter"' in page and 'value="politi"' in page
    # Its published articles only.
    assert "/artikler/sikkerhetsplan/" in page and "/artikler/utkast/" not in page
    assert 'id="ask-heading"' in page
    assert_leaves_no_trace(response)


def test_the_outcome_is_not_in_the_title_a_history_keeps(client, selftest):
    page = client.post(URL, answers(selftest, physical="yes")).content.decode()
    title = page.split("<title>")[1].split("</title>")[0]
    assert "Er forholdet mitt trygt?" in title and "sikkerhet" not in title


def test_a_threat_marked_as_danger_gives_the_safety_outcome(client, selftest):
    page = client.post(URL, answers(selftest, threat="yes")).content.decode()
    assert "Din sikkerhet kommer først" in page


def test_signs_name_their_kinds_and_the_articles_of_the_statements(client, selftest):
    response = client.post(URL, answers(selftest, psychological="yes", digital="yes"))
    page = response.content.decode()
    assert "Det du beskriver, kan være vold" in page
    assert "selftest-danger" not in page
    assert "Psykisk vold" in page or "Psychological violence" in page
    assert "/artikler/psykisk-vold/" in page  # linked from the statement answered yes
    assert 'type="hidden" name="category" value="krisesenter"' in page
    assert_leaves_no_trace(response)


def test_unanswered_statements_count_as_dont_know(client, selftest):
    response = client.post(URL, {})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Det er lov å være usikker" in page
    assert "4 of 4" in page or "4 av 4" in page
    assert_leaves_no_trace(response)


def test_the_result_follows_the_pages_language(client, selftest):
    page = client.post("/en" + URL, answers(selftest, physical="yes")).content.decode()
    assert "Outcome safety" in page  # the English title the factory gives
    assert 'lang="en"' in page


def test_a_level_without_an_outcome_still_has_a_result(client, selftest):
    selftest.outcomes.filter(level=Level.SAFETY).delete()
    response = client.post("/en" + URL, answers(selftest, physical="yes"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your safety comes first" in page and "tel:112" in page


@pytest.mark.parametrize(
    "junk",
    [
        {"s1": "ja"},
        {"anything": "yes", "s999999": "yes"},
        {"sNaN": "yes", "s-1": "no"},
        {"s1": "yes\x00"},
        {"s1": "😀" * 500},
        {"s1": ["yes", "no", "unsure"]},
    ],
)
def test_junk_answers_never_give_an_error(client, selftest, junk):
    data = answers(selftest)
    data.update(junk)
    response = client.post(URL, data)
    assert response.status_code == 200
    assert_leaves_no_trace(response)


def test_a_post_of_another_type_is_read_as_no_answers(client, selftest):
    response = client.post(URL, b'{"s1": "yes"}', content_type="application/json")
    assert response.status_code == 200
    assert "Det er lov å være usikker" in response.content.decode()
    response = client.post(URL, b"\xff\xfe\x00garbage", content_type="multipart/form-data")
    assert response.status_code in (200, 400)


def test_a_huge_body_is_refused_with_the_test_again(client, selftest):
    response = client.post(URL, {"s1": "x" * (600 * 1024)})
    assert response.status_code == 413
    page = response.content.decode()
    assert page.count('<fieldset class="selftest-statement"') == 4
    assert_leaves_no_trace(response)
    many = {f"field{number}": "yes" for number in range(500)}
    response = client.post(URL, many)
    assert response.status_code == 413
    assert_leaves_no_trace(response)


def test_a_post_from_another_site_is_refused(client, selftest):
    data = answers(selftest, physical="yes")
    response = client.post(URL, data, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert "Din sikkerhet kommer først" not in response.content.decode()
    assert_leaves_no_trace(response)
    response = client.post(URL, data, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    # The site's own page (same-origin) and a browser that says nothing are let through.
    assert client.post(URL, data, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 200
    assert client.post(URL, data, headers={"Origin": "http://testserver"}).status_code == 200


def test_the_post_needs_no_csrf_cookie(selftest):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(URL, answers(selftest))
    assert response.status_code == 200
    assert not strict.cookies


def test_the_answers_are_neither_kept_nor_logged(
    client, selftest, caplog, django_assert_num_queries
):
    caplog.set_level(logging.DEBUG)
    client.post(URL, answers(selftest, physical="yes"))  # warm
    caplog.clear()
    # Reads only: the test, its statements, the outcome, its articles and kinds of help.
    with django_assert_num_queries(5) as captured:
        client.post(URL, answers(selftest, physical="yes"))
    assert all(query["sql"].lstrip().upper().startswith("SELECT") for query in captured)
    assert [record for record in caplog.records if record.name != "django.db.backends"] == []
    # A result is never kept by the page cache: the next GET is the plain test again.
    page = client.get(URL).content.decode()
    assert "Din sikkerhet kommer først" not in page


def test_the_home_page_the_target_groups_and_the_footer_lead_to_the_tests(client, selftest):
    home = client.get("/").content.decode()
    assert 'class="button" href="/selvtester/"' in home
    assert '<a href="/selvtester/">' in home  # the footer, on every page
    group = client.get("/artikler/for/utsatt/").content.decode()
    assert 'href="/selvtester/#for-utsatt"' in group
    topic = factories.topic("psykisk-vold")
    assert "#for-" not in client.get(topic.get_absolute_url()).content.decode()
