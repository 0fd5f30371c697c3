"""The offline gazetteer on the real data in services/data: no database, no network."""

import csv

import pytest

from services.gazetteer import DATA_DIR, MAX_INPUT_CHARS, Lookup, Place, get_gazetteer, normalize


@pytest.fixture(scope="module")
def gazetteer():
    return get_gazetteer()


def _rows(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _point(place):
    return pytest.approx((place.latitude, place.longitude), abs=1e-4)


# normalize


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["Ålesund", "Aalesund", "Alesund", "ÅLESUND"], "alesund"),
        (["Tromsø", "Tromsoe", "tromso", "TROMSÖ"], "tromso"),
        (["Bærum", "Baerum", "BÆRUM", "Bärum"], "baerum"),
        (["Porsáŋgu", "Porsangu"], "porsangu"),
        (["Unjárga", "unjarga"], "unjarga"),
        (["Aurskog-Høland", "aurskog  holand", "Aurskog/Høland."], "aurskog holand"),
        (["  Mo   i Rana ", "Mo-i-Rana"], "mo i rana"),
        (["Straße"], "strasse"),
    ],
)
def test_normalize_makes_the_ways_people_type_a_name_meet(spellings, key):
    assert {normalize(spelling) for spelling in spellings} == {key}


def test_normalize_treats_decomposed_letters_like_composed_ones():
    assert normalize("A\u030alesund") == normalize("Ålesund") == "alesund"
    assert normalize("Ba\u0308rum") == normalize("Bärum") == "baerum"


# postcodes


def test_postcode_resolves_to_the_postcode_area_centre(gazetteer):
    place = gazetteer.lookup("9008").place
    assert place.kind == "postcode"
    assert place.name == "9008 Tromsø"
    assert _point(place) == (69.6513, 18.9567)
    assert (place.municipality_number, place.municipality, place.county) == (
        "5501",
        "Tromsø",
        "Troms",
    )
    assert place.query == "9008"


def test_postcode_keeps_its_leading_zero(gazetteer):
    place = gazetteer.lookup("0150").place
    assert place.name == "0150 Oslo"
    assert place.municipality_number == "0301"
    assert _point(place) == (59.8906, 10.7128)
    assert gazetteer.postcode("150") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("0150 Oslo", "0150 Oslo"),
        ("5003 Bergen", "5003 Bergen"),
        ("N-5003", "5003 Bergen"),
        ("Storgata 1, 0150 Oslo", "0150 Oslo"),
        ("0150 Bergen", "0150 Oslo"),
    ],
)
def test_a_postcode_in_the_text_decides_over_the_place_name(gazetteer, text, name):
    assert gazetteer.lookup(text).place.name == name


def test_bergen_postcode_has_its_own_point_not_the_municipality_centre(gazetteer):
    assert _point(gazetteer.lookup("5003 Bergen").place) == (60.3986, 5.3256)


def test_unknown_postcode_finds_nothing_and_suggests_nothing(gazetteer):
    result = gazetteer.lookup("0000")
    assert result.matches == ()
    assert result.suggestions == ()
    assert not result.found


def test_every_postcode_in_the_data_resolves_to_its_own_row(gazetteer):
    for row in _rows("no_postcodes.csv"):
        place = gazetteer.postcode(row["postcode"])
        assert place is not None, row["postcode"]
        expected = (float(row["latitude"]), float(row["longitude"]))
        assert (place.latitude, place.longitude) == expected
        assert place.municipality_number == row["municipality_number"]


def test_svalbard_postcode_has_no_county(gazetteer):
    place = gazetteer.postcode("9170")
    assert (place.name, place.municipality, place.county) == ("9170 Longyearbyen", "Svalbard", "")


# municipalities and postal places


def test_municipality_resolves_to_its_administrative_centre_not_its_centroid(gazetteer):
    place = gazetteer.lookup("Tromsø").place
    assert place.kind == "municipality"
    assert _point(place) == (69.6481, 18.9566)
    assert _point(place) != (69.63819, 19.08081)  # the polygon centroid, out of town


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("tromso", "5501"),
        ("TROMSØ", "5501"),
        ("Tromsoe", "5501"),
        ("bærum", "3201"),
        ("Baerum", "3201"),
        ("Ålesund", "1508"),
        ("Aalesund", "1508"),
        ("Alesund", "1508"),
        ("  oslo  ", "0301"),
        ("Oslo sentrum", "0301"),
        ("Bergen kommune", "4601"),
        ("Kommune Bergen", "4601"),
        ("Tromsø city", "5501"),
        ("Sarpsborg sentrum og omegn", "3105"),
    ],
)
def test_municipality_names_match_whatever_the_case_accents_or_noise_words(gazetteer, text, number):
    place = gazetteer.lookup(text).place
    assert place is not None, text
    assert (place.kind, place.municipality_number) == ("municipality", number)


@pytest.mark.parametrize(
    ("alt_name", "municipality"),
    [
        ("Guovdageaidnu", "Kautokeino"),
        ("Deatnu", "Tana"),
        ("Unjárga", "Nesseby"),
        ("Unjarga", "Nesseby"),
        ("Porsáŋgu", "Porsanger"),
        ("Omasvuotna", "Storfjord"),
        ("Tråante", "Trondheim"),
    ],
)
def test_sami_and_kven_names_find_their_municipality(gazetteer, alt_name, municipality):
    place = gazetteer.lookup(alt_name).place
    assert (place.kind, place.name) == ("municipality", municipality)


def test_sami_name_gives_the_same_point_as_the_norwegian_name(gazetteer):
    assert gazetteer.lookup("Guovdageaidnu").place == gazetteer.lookup("Kautokeino").place


def test_postal_place_inside_a_name_with_i_is_not_cut_up(gazetteer):
    place = gazetteer.lookup("Mo i Rana").place
    assert (place.kind, place.name, place.municipality) == ("place", "Mo i Rana", "Rana")


def test_postal_place_point_is_the_median_of_its_postcodes(gazetteer):
    # Bryne's five postcodes in Time: the medians are 58.7296 and 5.654.
    time = gazetteer.lookup("Bryne, Time").place
    assert _point(time) == (58.7296, 5.654)


def test_municipality_wins_over_its_own_postal_place_that_spills_into_a_neighbour(gazetteer):
    # Postcode 6409 Molde lies in Aukra; "Molde" still means the municipality.
    place = gazetteer.lookup("Molde").place
    assert (place.kind, place.name, place.municipality_number) == ("municipality", "Molde", "1506")


def test_name_of_a_municipality_and_a_postal_place_elsewhere_is_ambiguous(gazetteer):
    result = gazetteer.lookup("Os")
    assert result.ambiguous
    assert [(p.kind, p.name, p.query) for p in result.matches] == [
        ("municipality", "Os (Innlandet)", "Os, Innlandet"),
        ("place", "Os (Bjørnafjorden)", "Os, Bjørnafjorden"),
    ]
    assert gazetteer.lookup("Os, Bjørnafjorden").place.municipality_number == "4624"


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("Våler", {"Våler (Østfold)", "Våler (Innlandet)"}),
        ("Herøy", {"Herøy (Møre og Romsdal)", "Herøy (Nordland)"}),
    ],
)
def test_names_of_two_municipalities_are_ambiguous_and_labelled_by_county(gazetteer, name, labels):
    result = gazetteer.lookup(name)
    assert result.ambiguous
    assert result.place is None
    assert {place.name for place in result.matches} == labels


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Våler, Innlandet", "3419"),
        ("Våler, Østfold", "3114"),
        ("valer ostfold", "3114"),
        ("Våler i Hedmark", "3419"),  # a former county still narrows
        ("Herøy, Nordland", "1818"),
        ("Herøy i Møre og Romsdal", "1515"),
        ("Herøy kommune, Nordland", "1818"),
    ],
)
def test_county_after_the_name_picks_one_of_the_namesakes(gazetteer, text, number):
    place = gazetteer.lookup(text).place
    assert place is not None, text
    assert place.municipality_number == number


def test_postal_place_spelled_out_with_its_county_is_not_taken_for_a_county_filter(gazetteer):
    place = gazetteer.lookup("Våler i Østfold").place
    assert (place.kind, place.name, place.municipality_number) == (
        "place",
        "Våler i Østfold",
        "3114",
    )


def test_postal_place_in_two_municipalities_gives_one_match_each_biggest_first(gazetteer):
    result = gazetteer.lookup("Bryne")
    assert [(p.name, p.municipality) for p in result.matches] == [
        ("Bryne (Time)", "Time"),
        ("Bryne (Klepp)", "Klepp"),
    ]
    klepp = gazetteer.lookup("Bryne, Klepp").place
    assert klepp.municipality_number == "1120"
    assert _point(klepp) == (58.7437, 5.6324)


def test_exact_spelling_tells_apart_names_that_differ_only_in_the_o_with_a_stroke(gazetteer):
    assert gazetteer.lookup("Ørnes").place.municipality == "Meløy"
    # Typed without ø, it may be either.
    assert {p.municipality for p in gazetteer.lookup("Ornes").matches} == {"Meløy", "Luster"}


def test_svalbard_resolves_to_longyearbyen_without_a_county(gazetteer):
    place = gazetteer.lookup("Svalbard").place
    assert _point(place) == (78.21875, 15.64262)
    assert place.county == ""


def test_every_match_query_looks_the_same_place_up_again(gazetteer):
    municipalities = _rows("no_municipalities.csv")
    names = {row["place"] for row in _rows("no_postcodes.csv")}
    names |= {row["name"] for row in municipalities}
    names |= {alt for row in municipalities for alt in row["alt_names"].split("|") if alt}
    for name in sorted(names):
        matches = gazetteer.lookup(name).matches
        assert matches, name
        for place in matches:
            assert gazetteer.lookup(place.query).matches == (place,), (name, place.query)


def test_county_that_excludes_the_name_suggests_the_name_instead(gazetteer):
    result = gazetteer.lookup("Bergen, Oslo")
    assert result.matches == ()
    assert [place.name for place in result.suggestions] == ["Bergen"]


# typos


@pytest.mark.parametrize(
    ("typo", "best"),
    [
        ("Tromsøø", "Tromsø"),
        ("Bergn", "Bergen"),
        ("Trondhjem", "Trondheim"),
        ("Stavnager", "Stavanger"),
        ("Kristiansan", "Kristiansand"),
        ("Osloo", "Oslo"),
    ],
)
def test_typo_finds_nothing_but_suggests_the_intended_name_first(gazetteer, typo, best):
    result = gazetteer.lookup(typo)
    assert result.matches == ()
    assert result.suggestions[0].name == best
    assert len(result.suggestions) <= 5


def test_equally_close_suggestions_put_municipalities_before_postal_places(gazetteer):
    # "brgen" is as close to Borgen (a postal place) as to Bergen.
    assert [p.name for p in gazetteer.lookup("Brgen").suggestions] == ["Bergen", "Borgen"]


def test_equally_close_municipalities_are_suggested_bigger_first(gazetteer):
    suggestions = gazetteer.lookup("Valerx").suggestions
    assert [p.name for p in suggestions[:2]] == ["Våler (Østfold)", "Våler (Innlandet)"]


def test_closer_name_is_suggested_before_a_municipality(gazetteer):
    # Kristiansand S (postal place) is closer to the typo than Kristiansund (municipality).
    names = [p.name for p in gazetteer.lookup("Kristiansan").suggestions]
    assert names.index("Kristiansand S") < names.index("Kristiansund")


def test_street_address_with_a_municipality_suggests_that_municipality(gazetteer):
    result = gazetteer.lookup("Storgata 5 Bergen")
    assert result.matches == ()
    assert "Bergen" in [place.name for place in result.suggestions]


def test_gibberish_gets_no_suggestions(gazetteer):
    assert gazetteer.lookup("xqzvw") == Lookup("xqzvw", (), ())


# hostile input


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \t\n ",
        "x" * 10_000,
        "Oslo " * 2_000,
        "\x00\x01\x1b[31m\x7f",
        "<script>alert('x')</script>",
        "'; DROP TABLE services_service; --",
        "🙂🆘👩‍👧",
        "أوسلو",
        "שלום עולם",
        "\u202eolsO",
        "\ud800",
        "%s%s%n",
        "1" * 500,
    ],
)
def test_any_input_gives_a_lookup_and_never_raises(gazetteer, text):
    result = gazetteer.lookup(text)
    assert isinstance(result, Lookup)
    assert len(result.query) <= MAX_INPUT_CHARS
    assert len(result.suggestions) <= 5
    assert isinstance(gazetteer.complete(text), list)


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "🙂", "\x00"])
def test_empty_or_symbol_only_input_finds_and_suggests_nothing(gazetteer, text):
    result = gazetteer.lookup(text)
    assert (result.matches, result.suggestions) == ((), ())
    assert not result.found and not result.ambiguous


@pytest.mark.parametrize("text", ["\x00Oslo\x7f", "\u202bOslo\u202c", "Oslo\u200b", "«Oslo»"])
def test_control_direction_and_quote_characters_around_a_name_are_ignored(gazetteer, text):
    assert gazetteer.lookup(text).place.municipality_number == "0301"


def test_query_is_the_trimmed_text_cut_to_the_input_limit(gazetteer):
    assert gazetteer.lookup("  Tromsø ").query == "Tromsø"
    assert gazetteer.lookup("y" * 10_000).query == "y" * MAX_INPUT_CHARS


# lookup properties and autocomplete


def test_lookup_properties_distinguish_one_several_and_no_match(gazetteer):
    one, several, none = (gazetteer.lookup(t) for t in ("Bergen", "Våler", "Bergn"))
    assert (one.found, one.ambiguous, isinstance(one.place, Place)) == (True, False, True)
    assert (several.found, several.ambiguous, several.place) == (False, True, None)
    assert (none.found, none.ambiguous, none.place) == (False, False, None)


def test_complete_ranks_exact_and_big_municipalities_first(gazetteer):
    assert [p.name for p in gazetteer.complete("Berg", limit=2)] == ["Bergen", "Berg i Østfold"]
    assert [p.name for p in gazetteer.complete("tr", limit=2)] == ["Trondheim", "Tromsø"]
    assert gazetteer.complete("os", limit=3)[2].name == "Oslo"


def test_complete_on_digits_lists_postcodes_in_order(gazetteer):
    places = gazetteer.complete("015", limit=3)
    assert [p.name for p in places] == ["0150 Oslo", "0151 Oslo", "0152 Oslo"]
    assert len(gazetteer.complete("0", limit=50)) == 50


def test_complete_returns_nothing_for_empty_prefix_or_zero_limit(gazetteer):
    assert gazetteer.complete("") == []
    assert gazetteer.complete("Oslo", limit=0) == []


def test_gazetteer_is_loaded_once_per_process():
    assert get_gazetteer() is get_gazetteer()
