"""The tabular form: a zip of CSV files with a datapackage.json that Frictionless finds
valid, holding what the API holds."""

import io
import json
import zipfile

import pytest

pytestmark = pytest.mark.django_db


def test_the_data_package_validates_and_matches_the_api(client, registry, tmp_path):
    from frictionless import Package, validate

    response = client.get("/api/v1/datapackage.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Access-Control-Allow-Origin"] == "*"
    zipfile.ZipFile(io.BytesIO(response.content)).extractall(tmp_path)
    report = validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])

    package = Package(tmp_path / "datapackage.json")
    services = package.get_resource("service").read_rows()
    api = json.loads(client.get("/api/v1/services", {"per_page": 500}).content)["contents"]
    assert sorted(str(row["id"]) for row in services) == sorted(s["id"] for s in api)
    names = {resource.name for resource in package.resources}
    assert {"organization", "location", "phone", "schedule", "taxonomy_term"} <= names
    phones = package.get_resource("phone").read_rows()
    assert {row["number"] for row in phones} >= {"116 006", "55 00 00 00"}


def test_the_package_is_made_again_when_a_listing_changes(client, registry):
    shelter, _line, _hidden = registry
    before = client.get("/api/v1/datapackage.zip").content
    shelter.phone = "55 11 22 33"
    shelter.save()
    after = client.get("/api/v1/datapackage.zip").content
    services = zipfile.ZipFile(io.BytesIO(after)).read("phones.csv").decode()
    assert "55 11 22 33" in services and before != after
