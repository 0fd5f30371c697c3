"""CSV upload and download in the admin: every change is shown before it is applied, and
nothing is saved until the editor confirms."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from services.models import Service
from tests import factories

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/services/service/csv/last-opp/"
DOWNLOAD = "/admin/services/service/csv/last-ned/"


@pytest.fixture
def editor_client(client):
    client.force_login(factories.editor())
    return client


def exported(client):
    response = client.get(DOWNLOAD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def as_file(rows, name="tjenester.csv", delimiter=","):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8"), "text/csv")


def test_download_upload_preview_then_apply(editor_client):
    kept = factories.service(name="Krisesenteret i Bodø")
    renamed = factories.service(name="Overgrepsmottaket i Tromsø")
    rows = exported(editor_client)
    assert {row["slug"] for row in rows} == {kept.slug, renamed.slug}
    for row in rows:
        if row["slug"] == renamed.slug:
            row["name"] = "Overgrepsmottaket i Tromsø (UNN)"
            row["phone"] = "77 62 80 00"
    new = dict(rows[0], id="", slug="nytt-senter", name="Nytt senter")
    broken = dict(rows[0], id="", slug="odelagt", category="finnes-ikke")
    response = editor_client.post(UPLOAD, {"file": as_file([*rows, new, broken])})
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 nye, 1 endret, 1 uendret, 1 avvist." in html
    assert "unknown category" in html
    # The preview names the changed fields, and nothing is saved yet.
    assert "navn, telefon" in html
    renamed.refresh_from_db()
    assert renamed.name == "Overgrepsmottaket i Tromsø"
    assert not Service.objects.filter(slug="nytt-senter").exists()

    token = response.context["confirm"]["token"].value()
    response = editor_client.post(UPLOAD, {"token": token}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/services/service/"
    renamed.refresh_from_db()
    assert (renamed.name, renamed.phone) == ("Overgrepsmottaket i Tromsø (UNN)", "77 62 80 00")
    assert Service.objects.filter(slug="nytt-senter").exists()
    assert not Service.objects.filter(slug="odelagt").exists()
    # A confirmation is used once.
    editor_client.post(UPLOAD, {"token": token})
    assert Service.objects.count() == 3


def test_a_file_that_changes_nothing_offers_nothing_to_apply(editor_client):
    factories.service()
    response = editor_client.post(UPLOAD, {"file": as_file(exported(editor_client))})
    assert response.status_code == 200
    assert response.context["result"].changes == 0
    assert 'name="token"' not in response.content.decode()


def test_a_spreadsheets_semicolons_are_read(editor_client):
    factories.service(name="Før")
    rows = exported(editor_client)
    rows[0]["name"] = "Etter"
    response = editor_client.post(UPLOAD, {"file": as_file(rows, delimiter=";")})
    assert response.context["result"].updated == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01PK binary", "kan ikke leses"),
        (b"name,phone\nA,1\n", "kan ikke leses"),
        (b"", "tom"),
    ],
)
def test_a_broken_file_is_refused_with_a_message(editor_client, content, message):
    upload = SimpleUploadedFile("x.csv", content, "text/csv")
    response = editor_client.post(UPLOAD, {"file": upload})
    assert response.status_code == 200
    assert message in response.content.decode().lower()
    assert "token" not in response.context or not response.context.get("confirm")


def test_a_file_over_5_mb_is_refused_before_it_is_read(editor_client):
    big = b"slug,name\n" + b"x" * (5 * 1024 * 1024)
    response = editor_client.post(UPLOAD, {"file": SimpleUploadedFile("big.csv", big)})
    assert response.status_code == 200
    assert "større enn 5 MB" in response.content.decode()


def test_no_file_at_all_is_a_form_error(editor_client):
    response = editor_client.post(UPLOAD, {})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_another_editors_or_an_unknown_preview_is_not_applied(client, editor_client):
    factories.service(name="Før")
    rows = exported(editor_client)
    rows[0]["name"] = "Etter"
    token = editor_client.post(UPLOAD, {"file": as_file(rows)}).context["confirm"]["token"].value()
    client.logout()
    other = factories.editor(username="annen")
    client.force_login(other)
    for value in (token, "x" * 64, ""):
        response = client.post(UPLOAD, {"token": value})
        assert response.status_code == 302
    assert Service.objects.get().name == "Før"


def test_the_selected_services_download_as_csv(editor_client):
    chosen, other = factories.service(name="Valgt"), factories.service(name="Annen")
    response = editor_client.post(
        "/admin/services/service/",
        {"action": "download_csv", "_selected_action": [chosen.pk]},
    )
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["slug"] for row in rows] == [chosen.slug]
    assert other.slug not in response.content.decode()


def test_the_list_offers_upload_and_download(editor_client):
    html = editor_client.get("/admin/services/service/").content.decode()
    assert UPLOAD in html and DOWNLOAD in html


def test_without_permission_to_change_services_there_is_no_upload(client):
    from django.contrib.auth.models import User

    viewer = User.objects.create_user("leser", password="x", is_staff=True)
    client.force_login(viewer)
    assert client.get(UPLOAD).status_code == 403
    assert client.get(DOWNLOAD).status_code == 403
