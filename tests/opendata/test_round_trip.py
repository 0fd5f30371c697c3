"""The data package round-trips into the import: exported, the registry emptied, imported
again, and the editors' CSV export is the same in every column HSDS carries, ids included."""

import csv
import io

import pytest
from django.core.management import call_command

from opendata.importer import import_package
from services.csv_io import write_csv
from services.models import Service

pytestmark = pytest.mark.django_db
# Not in HSDS: how exact a position is, and the text in languages other than bokmål.
NOT_CARRIED = {"location_precision"}


def carried_columns(text):
    rows = list(csv.DictReader(io.StringIO(text)))
    return [
        {
            key: value
            for key, value in row.items()
            if key not in NOT_CARRIED
            and not (
                key.startswith(("description_", "opening_hours_note_")) and not key.endswith("_nb")
            )
        }
        for row in rows
    ]


def export_text():
    buffer = io.StringIO()
    write_csv(buffer, Service.objects.all())
    return buffer.getvalue()


def test_the_demo_registry_survives_export_and_import(client):
    call_command("import_services", "services/data/demo_services.csv", stdout=io.StringIO())
    call_command("load_demo_service_areas", stdout=io.StringIO())
    before = carried_columns(export_text())
    assert len(before) > 150 and any(row["serves_municipalities"] for row in before)

    package = client.get("/api/v1/datapackage.zip").content
    Service.objects.all().delete()
    result = import_package(package)
    assert (result.errors, result.created) == ([], len(before))
    after = carried_columns(export_text())
    differences = [
        (row["slug"], key, row[key], other[key])
        for row, other in zip(before, after, strict=True)
        for key in row
        if row[key] != other[key]
    ]
    assert differences == []
    # Importing the same package again changes nothing.
    again = import_package(package)
    assert (again.created, again.updated, again.errors) == (0, 0, [])


def test_the_command_imports_a_package_file_and_fails_loudly_on_a_bad_one(
    client, registry, tmp_path
):
    from django.core.management.base import CommandError

    package = tmp_path / "din-utvei-hsds.zip"
    package.write_bytes(client.get("/api/v1/datapackage.zip").content)
    Service.objects.filter(is_published=True).delete()
    out = io.StringIO()
    call_command("import_hsds", package, stdout=out)
    assert out.getvalue().startswith("2 created")
    with pytest.raises(CommandError):
        call_command("import_hsds", tmp_path / "missing.zip")
