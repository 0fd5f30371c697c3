"""Every vocabulary in every one of the site's languages (services/migrations/0004,
core/migrations/0007, the demo topics), and the machine-assisted ones marked "to review" in
the admin until an editor has had them read."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from modeltranslation.translator import translator

from core.models import TargetGroup, Topic
from services.models import ClientGroup, ServiceCategory
from tests.migrations import migrate

LANGUAGES = [code for code, _name in settings.LANGUAGES]
MACHINE_ASSISTED = [code for code in LANGUAGES if code not in ("nb", "en")]


@pytest.mark.django_db
def test_every_vocabulary_has_all_fifteen_languages_and_says_which_need_reading():
    call_command("load_demo_articles", stdout=io.StringIO())
    assert len(LANGUAGES) == 15
    missing = []
    for model in (ServiceCategory, ClientGroup, TargetGroup, Topic):
        rows = list(model.objects.all())
        assert rows, model
        fields = translator.get_options_for_model(model).fields
        for row in rows:
            missing += [
                f"{model.__name__} {row.slug} {field}_{code}"
                for field in fields
                if getattr(row, f"{field}_nb")  # (a description may be left out altogether)
                for code in LANGUAGES
                if not (getattr(row, f"{field}_{code}") or "").strip()
            ]
            assert row.translations_to_review == MACHINE_ASSISTED, row.slug
    assert missing == []


@pytest.mark.django_db(transaction=True)
def test_what_an_editor_wrote_is_kept_and_only_the_gaps_are_filled(restored_transactional_db):
    try:
        old = migrate([("services", "0003_client_groups")]).apps
        category = old.get_model("services", "ServiceCategory")
        category.objects.filter(slug="krisesenter").update(name_ar="نصّ المحرّر", name_pl="")
        category.objects.filter(slug="legevakt").delete()
    finally:
        migrate(None)

    shelter = ServiceCategory.objects.get(slug="krisesenter")
    assert shelter.name_ar == "نصّ المحرّر"
    assert shelter.name_pl and shelter.description_so
    assert not ServiceCategory.objects.filter(slug="legevakt").exists()


@pytest.mark.django_db
def test_the_admin_lists_the_translations_to_review_and_an_editor_clears_them(editor_client):
    changelist = reverse("admin:services_servicecategory_changelist")
    listed = editor_client.get(changelist)
    assert "se, ar, ckb" in listed.content.decode()  # in the order of the site's languages

    shelter = ServiceCategory.objects.get(slug="krisesenter")
    form = editor_client.get(reverse("admin:services_servicecategory_change", args=[shelter.pk]))
    data = {
        key: value
        for key, value in form.context["adminform"].form.initial.items()
        if value is not None and key != "translations_to_review"
    }
    data["translations_to_review"] = ["se", "so"]  # read and corrected: all but these two
    response = editor_client.post(
        reverse("admin:services_servicecategory_change", args=[shelter.pk]), data
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    shelter.refresh_from_db()
    assert shelter.translations_to_review == ["se", "so"]

    ServiceCategory.objects.exclude(pk=shelter.pk).update(translations_to_review=[])
    to_review = editor_client.get(changelist, {"translation": "to-review"})
    assert [row.slug for row in to_review.context["cl"].result_list] == ["krisesenter"]
    reviewed = editor_client.get(changelist, {"translation": "reviewed"})
    assert "krisesenter" not in [row.slug for row in reviewed.context["cl"].result_list]
