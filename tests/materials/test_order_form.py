"""The order form: every kind of junk gives a clear error and keeps what was typed; a good
order is stored, and the thank-you page's address says nothing about it. (In English, whose
texts are the source: the messages read the same before and after translation.)"""

import pytest

from materials.models import Order, OrderLine
from tests import factories
from tests.materials.helpers import order_data, quantity_name

pytestmark = pytest.mark.django_db

URL = "/en/materiell/bestill/"


@pytest.fixture
def card():
    return factories.material(
        "infokort", title="Infokort", stock={"nb": 100, "ar": 30, "so": 0}, max_per_order=50
    )


def post(client, data, **extra):
    return client.post(URL, data, **extra)


def test_the_form_offers_each_language_in_stock_and_sets_no_cookie(client, card):
    response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert not response.cookies
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert f'name="{quantity_name(card, "nb")}"' in page
    assert f'name="{quantity_name(card, "ar")}"' in page
    # Nothing left of Somali: no field, but said so.
    assert quantity_name(card, "so") not in page
    assert "Infokort" in page and 'name="csrfmiddlewaretoken"' not in page


def test_a_good_order_is_stored_and_thanked_for_at_an_address_without_data(client, card):
    response = post(client, order_data({(card, "nb"): "20", (card, "ar"): "5", (card, "so"): ""}))
    assert response.status_code == 302
    assert response["Location"] == "/en/materiell/bestill/takk/"
    assert not response.cookies
    order = Order.objects.get()
    assert (order.status, order.organisation, order.postcode) == (
        "received",
        "Helsestasjonen på Tøyen",
        "0653",
    )
    assert order.municipality == "Oslo" and order.county == "Oslo"
    assert sorted(order.lines.values_list("language", "quantity")) == [("ar", 5), ("nb", 20)]
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "Kari" not in thanks.content.decode()


def test_the_language_of_the_page_is_the_orders(client, card):
    client.post("/ar/materiell/bestill/", order_data({(card, "nb"): "1"}))
    assert Order.objects.get().language == "ar"


JUNK_QUANTITIES = [
    ("abc", "whole number"),
    ("1.5", "whole number"),
    ("1e3", "whole number"),
    ("-3", "less than 0"),
    ("99999999999999999999999999999999", "whole number"),
    ("9" * 5000, "whole number"),
    ("51", "at most 50"),  # more than one order may take
    ("٣", None),  # Arabic-Indic digit: Python reads it as 3, which is fine
]


@pytest.mark.parametrize(("value", "message"), JUNK_QUANTITIES)
def test_a_bad_quantity_gets_a_clear_error_and_keeps_what_was_typed(client, card, value, message):
    data = order_data({(card, "nb"): value})
    response = post(client, data)
    page = response.content.decode()
    if message is None:
        assert response.status_code == 302
        return
    assert response.status_code == 400
    assert message in page
    assert "Please correct the errors below" in page
    assert 'value="Helsestasjonen på Tøyen"' in page
    assert "Levering på dagtid" in page
    assert Order.objects.count() == 0


def test_more_than_the_most_per_order_is_refused(client):
    poster = factories.material("plakat", stock={"nb": 500}, max_per_order=20)
    response = post(client, order_data({(poster, "nb"): "21"}))
    assert response.status_code == 400
    assert "at most 20" in response.content.decode()


def test_copies_held_by_open_orders_are_not_offered_again(client, card):
    factories.material_order(lines=[(card, "ar", 25)])
    response = post(client, order_data({(card, "ar"): "6"}))
    assert response.status_code == 400 and "Only 5" in response.content.decode()
    assert post(client, order_data({(card, "ar"): "5"})).status_code == 302


def test_an_order_needs_at_least_one_line(client, card):
    for quantities in ({}, {(card, "nb"): "0"}, {(card, "nb"): ""}, {(card, "nb"): "   "}):
        response = post(client, order_data(quantities))
        assert response.status_code == 400
        assert "Choose at least one material" in response.content.decode()
    assert Order.objects.count() == 0


def test_unknown_or_unorderable_materials_and_languages_are_not_ordered(client, card):
    hidden = factories.material("skjult", stock={"nb": 100}, is_orderable=False)
    data = order_data(
        {},
        **{
            "quantity_999999_nb": "5",
            "quantity_abc_nb": "5",
            f"quantity_{card.pk}_xx": "5",
            f"quantity_{card.pk}_so": "5",  # out of stock
            quantity_name(hidden): "5",
        },
    )
    response = post(client, data)
    assert response.status_code == 400
    assert "Choose at least one material" in response.content.decode()
    assert Order.objects.count() == 0 and OrderLine.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "123", "four digits"),
        ("postcode", "12345", "four digits"),
        ("postcode", "abcd", "four digits"),
        ("postcode", "١٢٣٤", "four digits"),  # not ASCII digits
        ("postcode", "", "Write the postcode"),
        ("email", "kari", "whole e-mail address"),
        ("email", "kari@", "whole e-mail address"),
        ("email", "", "Write your e-mail address"),
        ("organisation", "", "organisation or municipality"),
        ("organisation", "x" * 201, "at most 200 characters"),
        ("contact_name", "", "contact person"),
        ("address", "", "delivery address"),
        ("address", "y" * 5000, "at most 200 characters"),
        ("place", "", "postal place"),
        ("phone", "ring meg", "digits only"),
        ("note", "z" * 1001, "at most 1000 characters"),
        ("note", "hei\x00der", "invisible control characters"),
        ("contact_name", "Kari\u202eNordmann", "change its direction"),
    ],
)
def test_bad_orderer_details_get_a_clear_error_and_keep_the_quantities(
    client, card, field, value, message
):
    response = post(client, order_data({(card, "nb"): "7"}, **{field: value}))
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert f'name="{quantity_name(card)}" value="7"' in page
    assert Order.objects.count() == 0


def test_a_postcode_with_a_space_is_read(client, card):
    assert post(client, order_data({(card, "nb"): "1"}, postcode=" 06 53 ")).status_code == 302
    assert Order.objects.get().postcode == "0653"


def test_lists_in_place_of_values_do_not_break_the_form(client, card):
    data = order_data({(card, "nb"): ["1", "2"]}, email=["a@b.no", "c@d.no"])
    assert post(client, data).status_code in (302, 400)


def test_the_honeypot_refuses_a_robot(client, card):
    response = post(client, order_data({(card, "nb"): "1"}, website="http://spam.example"))
    assert response.status_code == 400
    assert Order.objects.count() == 0


def test_a_post_from_another_site_is_refused(client, card):
    data = order_data({(card, "nb"): "1"})
    assert post(client, data, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    assert post(client, data, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert Order.objects.count() == 0
    assert post(client, data, HTTP_SEC_FETCH_SITE="same-origin").status_code == 302


def test_other_methods_are_refused(client):
    response = client.put(URL)
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, POST"


def test_orders_are_limited_per_visitor_and_the_form_keeps_its_input(client, card, settings):
    settings.MATERIAL_ORDER_LIMIT_PER_HOUR = 2
    data = order_data({(card, "nb"): "1"})
    assert [post(client, data).status_code for _n in range(2)] == [302, 302]
    response = post(client, data)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Many orders" in page and 'value="Helsestasjonen på Tøyen"' in page
    assert Order.objects.count() == 2


def test_a_post_larger_than_the_site_accepts_is_answered_not_crashed(client, card, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post(client, order_data({(card, "nb"): "1"}, note="x" * 5000))
    assert response.status_code == 413
    assert "far larger" in response.content.decode()


def test_when_the_last_copies_went_meanwhile_the_form_says_so(client, card, monkeypatch):
    """Another order took them between the form's check and the store's (the write function
    checks again under a lock: tests/materials/test_services.py)."""
    from materials import services, views

    def someone_was_quicker(**kwargs):
        raise services.OrderNotPossible("There are not enough copies of Infokort any more.")

    monkeypatch.setattr(views, "order_submit", someone_was_quicker)
    response = post(client, order_data({(card, "nb"): "10"}))
    page = response.content.decode()
    assert response.status_code == 409
    assert "not enough copies" in page and 'value="Helsestasjonen på Tøyen"' in page
