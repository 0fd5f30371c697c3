"""The HSDS 3.1 read API: every JSON answer validates against Open Referral's schemas (the
files in opendata/hsds_schema, resolved by name), the OpenAPI document validates, only
published listings are shown, ids are stable, and bad input gets a 400 or 404, never a 500."""

import datetime as dt
import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from opendata import hsds
from opendata.openapi import hsds_schemas, openapi_document

pytestmark = pytest.mark.django_db
API = "/api/v1"
REGISTRY = Registry().with_resources(
    (f"{name}.json", Resource.from_contents(schema, default_specification=DRAFT202012))
    for name, schema in hsds_schemas().items()
)
PAGE_FIELDS = {
    "total_items": int,
    "total_pages": int,
    "page_number": int,
    "size": int,
    "first_page": bool,
    "last_page": bool,
    "empty": bool,
    "contents": list,
}


def check(record, schema_name):
    """Validate against HSDS's schema, formats (uuid, email, date-time, …) included."""
    validator = Draft202012Validator(
        {"$ref": f"{schema_name}.json"}, registry=REGISTRY, format_checker=FormatChecker()
    )
    errors = sorted(validator.iter_errors(record), key=str)
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def get_json(client, path, params=None, status=200):
    response = client.get(path, params or {})
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


def check_page(page, schema_name):
    assert {key: type(page[key]) for key in PAGE_FIELDS} == PAGE_FIELDS
    assert page["size"] == len(page["contents"])
    for record in page["contents"]:
        check(record, schema_name)


ENDPOINTS = [
    ("/services", "service"),
    ("/services?full=true", "service"),
    ("/services?minimal=true", "service"),
    ("/organizations", "organization"),
    ("/organizations?full=true", "organization"),
    ("/organizations?full_service=true", "organization"),
    ("/service_at_locations", "service_at_location"),
    ("/service_at_locations?full=true", "service_at_location"),
    ("/taxonomies", "taxonomy"),
    ("/taxonomy_terms", "taxonomy_term"),
]


@pytest.mark.parametrize(("path", "schema_name"), ENDPOINTS)
def test_every_list_and_every_record_in_it_validates(client, registry, path, schema_name):
    page = get_json(client, API + path)
    assert page["contents"]
    check_page(page, schema_name)
    # Each record's own address answers with the full record, valid too.
    for record in page["contents"]:
        detail = get_json(client, f"{API}/{path.split('?')[0].strip('/')}/{record['id']}")
        check(detail, schema_name)
        assert detail["id"] == record["id"]


def test_a_full_service_carries_what_its_page_shows(client, registry):
    shelter, line, _hidden = registry
    record = get_json(client, f"{API}/services/{shelter.public_id}")
    check(record, "service")
    assert record["id"] == str(shelter.public_id)
    assert record["organization"]["name"] == "Krisesenteret i Bergen"
    assert {phone["number"] for phone in record["phones"]} == {"099 00 000", "55 00 00 00"}
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in record["schedules"]] == [
        ("MO", "08:00", "16:00"),
        ("FR", "08:00", "15:00"),
    ]
    assert [language["code"] for language in record["languages"]] == ["nb", "en", "ar"]
    assert [area["name"] for area in record["service_areas"]] == ["Oslo"]
    (located,) = record["service_at_locations"]
    assert located["location"]["latitude"] == pytest.approx(59.9139)
    assert located["location"]["addresses"][0]["postal_code"] == "0150"
    assert located["location"]["accessibility"][0]["description"].startswith("Tilgjengelig")
    codes = {
        a["taxonomy_term"]["code"]: a["taxonomy_term"]["taxonomy"] for a in record["attributes"]
    }
    assert codes == {
        "krisesenter": "service-categories",
        "kvinner": "client-groups",
        "barn-og-unge": "client-groups",
        "unknown": "shelter-places",  # no status set yet
    }
    national = get_json(client, f"{API}/services/{line.public_id}")
    check(national, "service")
    assert national["service_at_locations"] == []
    assert national["service_areas"][0]["extent_type"] == "country"
    assert national["schedules"][0]["byday"] == "MO,TU,WE,TH,FR,SA,SU"


def test_only_published_listings_and_nothing_from_the_staff(client, registry):
    _shelter, _line, hidden = registry
    services = get_json(client, f"{API}/services", {"full": "true", "per_page": 500})
    text = json.dumps(services, ensure_ascii=False)
    assert str(hidden.public_id) not in text and "Ikke publisert" not in text
    assert services["total_items"] == 2
    get_json(client, f"{API}/services/{hidden.public_id}", status=404)
    for staff_only in ("is_published", "created_at", "report", "note"):
        assert f'"{staff_only}' not in text


def test_ids_survive_renaming_and_are_the_same_in_every_answer(client, registry):
    shelter, _line, _hidden = registry
    before = get_json(client, f"{API}/services/{shelter.public_id}")
    shelter.name, shelter.slug = "Krisesenteret i Vestland", "krisesenteret-i-vestland"
    shelter.save()
    after = get_json(client, f"{API}/services/{shelter.public_id}")
    assert after["name"] == "Krisesenteret i Vestland"

    def ids(record):
        return [record["id"], record["organization_id"]] + [
            item["id"] for key in ("phones", "schedules", "languages") for item in record[key]
        ]

    assert ids(after) == ids(before)
    listed = get_json(client, f"{API}/organizations")["contents"]
    assert before["organization_id"] in [organization["id"] for organization in listed]


def test_paging(client, registry):
    first = get_json(client, f"{API}/services", {"per_page": 1})
    second = get_json(client, f"{API}/services", {"per_page": 1, "page": 2})
    beyond = get_json(client, f"{API}/services", {"per_page": 1, "page": 9})
    assert (first["total_items"], first["total_pages"], first["first_page"]) == (2, 2, True)
    assert (second["page_number"], second["last_page"]) == (2, True)
    assert first["contents"][0]["id"] != second["contents"][0]["id"]
    assert (beyond["size"], beyond["contents"], beyond["empty"]) == (0, [], False)


def test_ndjson_streams_every_record_unpaged(client, registry):
    response = client.get(f"{API}/services", {"format": "ndjson", "per_page": 1})
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 2
    for line in lines:
        check(json.loads(line), "service")


def test_filters(client, registry):
    shelter, line, _hidden = registry
    term = hsds.term_id("service-categories", "krisesenter")
    by_term = get_json(client, f"{API}/services", {"taxonomy_term_id": term})
    assert [s["id"] for s in by_term["contents"]] == [str(shelter.public_id)]
    groups = get_json(client, f"{API}/services", {"taxonomy_id": hsds.taxonomy_id("client-groups")})
    assert [s["id"] for s in groups["contents"]] == [str(shelter.public_id)]
    searched = get_json(client, f"{API}/services", {"search": "overgrepslinjen"})
    assert [s["id"] for s in searched["contents"]] == [str(line.public_id)]
    organization = hsds.organization_id(shelter.public_id)
    by_organization = get_json(client, f"{API}/services", {"organization_id": organization})
    assert by_organization["total_items"] == 1
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    assert get_json(client, f"{API}/services", {"modified_after": later})["empty"]
    # Coverage: an Oslo postcode reaches the Oslo shelter, Drammen's does not, but 40 km do.
    assert get_json(client, f"{API}/service_at_locations", {"postcode": "0150"})["size"] == 1
    assert get_json(client, f"{API}/service_at_locations", {"postcode": "3015"})["empty"]
    near = {"postcode": "3015", "proximity": 40_000}
    assert get_json(client, f"{API}/service_at_locations", near)["size"] == 1
    assert get_json(client, f"{API}/service_at_locations", near | {"proximity": 20_000})["empty"]
    terms = get_json(
        client, f"{API}/taxonomy_terms", {"taxonomy_id": hsds.taxonomy_id("client-groups")}
    )
    assert {t["taxonomy"] for t in terms["contents"]} == {"client-groups"}


@pytest.mark.parametrize(
    "query",
    [
        {"page": "x"},
        {"page": "0"},
        {"per_page": "100000"},
        {"full": "maybe"},
        {"format": "xml"},
        {"modified_after": "yesterday"},
        {"taxonomy_term_id": "not-a-uuid"},
        {"search": "x" * 201},
    ],
)
def test_a_bad_query_is_a_400_that_names_the_parameter(client, registry, query):
    answer = get_json(client, f"{API}/services", query, status=400)
    assert answer["error"] == "invalid query"
    assert list(answer["parameters"]) == list(query)
    assert all(
        message.isascii() for messages in answer["parameters"].values() for message in messages
    )


@pytest.mark.parametrize(
    "query",
    [
        {"postcode": "0000"},
        {"postcode": "abc"},
        {"proximity": "1000"},
        {"postcode": "0150", "proximity": "-1"},
        {"postcode": "0150", "proximity": "300001"},
    ],
)
def test_bad_coverage_queries_are_400s(client, registry, query):
    get_json(client, f"{API}/service_at_locations", query, status=400)


@pytest.mark.parametrize(
    "path",
    ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"],
)
@pytest.mark.parametrize("made_id", ["nope", "00000000-0000-0000-0000-000000000000", "%00"])
def test_an_unknown_id_is_a_json_404(client, registry, path, made_id):
    answer = get_json(client, f"{API}/{path}/{made_id}", status=404)
    assert answer["error"].startswith("no ")


def test_answers_may_be_kept_and_read_from_any_site(client, registry):
    response = client.get(f"{API}/services")
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.cookies == {} or not response.cookies


def test_the_metadata_and_the_openapi_document(client):
    from openapi_spec_validator import validate

    metadata = get_json(client, f"{API}/")
    assert metadata["version"] == "3.1"
    assert metadata["openapi_url"].endswith("/api/v1/openapi.json")
    document = get_json(client, f"{API}/openapi.json")
    assert document == json.loads(json.dumps(openapi_document()))
    validate(document)
    assert document["info"]["license"]["name"] == "CC BY 4.0"
    # Whole: no schema is fetched from the web.
    assert "raw.githubusercontent.com" not in json.dumps(document)


def test_the_open_data_page_explains_it_and_the_about_page_links_to_it(client):
    page = client.get("/apne-data/").content.decode()
    assert "CC BY 4.0" in page and "/api/v1/services" in page
    assert 'href="/apne-data/"' in client.get("/om-tjenesten/").content.decode()
    assert client.get("/en/apne-data/").status_code == 200


def test_a_shelters_places_are_a_service_attribute(client, registry):
    import datetime as dt

    from django.utils import timezone

    from services.models import ShelterStatus

    shelter, line, _hidden = registry

    def places_of(service):
        record = get_json(client, f"{API}/services/{service.public_id}")
        check(record, "service")
        return [
            (a["taxonomy_term"]["code"], a.get("value"))
            for a in record["attributes"]
            if a["taxonomy_term"]["taxonomy"] == "shelter-places"
        ]

    assert places_of(shelter) == [("unknown", None)]
    assert places_of(line) == []  # not a shelter
    status = ShelterStatus.objects.create(
        service=shelter, places="full", set_at=timezone.now() - dt.timedelta(hours=2)
    )
    assert places_of(shelter) == [("full", status.set_at.isoformat())]
    status.set_at -= dt.timedelta(hours=23)
    status.save()
    assert places_of(shelter) == [("unknown", None)]
    term = hsds.term_id("shelter-places", "full")
    check(get_json(client, f"{API}/taxonomy_terms/{term}"), "taxonomy_term")


def test_service_areas_are_the_municipalities_it_serves(client, registry):
    from services.models import Municipality

    shelter, _line, _hidden = registry
    shelter.serves_municipalities.set(Municipality.objects.filter(number__in=["3301", "3203"]))
    record = get_json(client, f"{API}/services/{shelter.public_id}")
    check(record, "service")
    assert sorted(area["name"] for area in record["service_areas"]) == ["Asker", "Drammen"]
    assert all(
        area["uri"].endswith(("/kommune/3301/", "/kommune/3203/"))
        for area in record["service_areas"]
    )
    # A postcode in Drammen is covered by it, though it stands in Oslo.
    covered = get_json(client, f"{API}/service_at_locations", {"postcode": "3015"})
    assert [item["service_id"] for item in covered["contents"]] == [str(shelter.public_id)]
