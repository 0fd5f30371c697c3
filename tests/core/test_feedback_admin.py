"""Editors read the page feedback in the admin: the list and the summary per page and month."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import PageFeedback

pytestmark = pytest.mark.django_db


def test_feedback_summary_counts_yes_and_no_per_page_and_month(editor_client):
    today = timezone.localdate()
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=3)
    for helpful, day in [(True, today), (True, today), (False, today), (False, last_month)]:
        PageFeedback.objects.create(
            path="/artikler/a/", language="nb", helpful=helpful, created_date=day
        )
    PageFeedback.objects.create(path="/sok/", language="en", helpful=True, created_date=today)

    response = editor_client.get(reverse("admin:core_pagefeedback_summary"))
    assert response.status_code == 200
    rows = {row["path"]: row for row in response.context["table"]}
    assert (rows["/artikler/a/"]["yes"], rows["/artikler/a/"]["no"]) == (2, 2)
    assert rows["/artikler/a/"]["months"][-1] == (2, 1)
    assert rows["/artikler/a/"]["months"][-2] == (0, 1)
    assert (rows["/sok/"]["yes"], rows["/sok/"]["no"]) == (1, 0)


@pytest.mark.parametrize("months", ["abc", "-5", "9999", ""])
def test_feedback_summary_survives_bad_parameters(editor_client, months):
    response = editor_client.get(reverse("admin:core_pagefeedback_summary"), {"months": months})
    assert response.status_code == 200


def test_feedback_changelist_filters_on_page(editor_client):
    PageFeedback.objects.create(path="/artikler/a/", language="nb", helpful=True)
    PageFeedback.objects.create(path="/sok/", language="nb", helpful=False)
    response = editor_client.get(reverse("admin:core_pagefeedback_changelist"), {"path": "/sok/"})
    assert [f.path for f in response.context["cl"].result_list] == ["/sok/"]


def test_feedback_is_read_only_for_editors(editor_client):
    feedback = PageFeedback.objects.create(path="/sok/", language="nb", helpful=False)
    url = reverse("admin:core_pagefeedback_change", args=[feedback.pk])
    response = editor_client.post(url, {"helpful": "on", "path": "/x/"})
    feedback.refresh_from_db()
    assert feedback.path == "/sok/"
    assert response.status_code in (302, 403, 200)


def test_visitors_cannot_see_the_feedback_summary(client):
    response = client.get(reverse("admin:core_pagefeedback_summary"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_editors_permission_on_feedback_moved_with_the_model():
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    from core.permissions import EDITORS

    assert not ContentType.objects.filter(app_label="articles", model="pagefeedback").exists()
    assert (
        Group.objects.get(name=EDITORS)
        .permissions.filter(content_type__app_label="core", codename="view_pagefeedback")
        .exists()
    )
