"""Each staff group holds the least it needs, and exactly what is listed here: a permission
added or taken away anywhere (a migration, an app's new model) fails this test until the
list is changed with it (issue 10, finding 3)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.permissions import EDITORS, PANEL, PANEL_MODERATORS, SHELTER_STAFF
from materials.permissions import MATERIALS_STAFF
from tests import factories as article_factories
from tests.staff import helpers

pytestmark = pytest.mark.django_db

# What every panel member needs to answer the questions assigned to them, and to read the
# articles and services they point askers to. Not: changing articles (the editors' work).
PANEL_PERMISSIONS = {
    "articles.view_article",
    "core.view_pagefeedback",
    "core.view_topic",
    "questions.add_internalnote",
    "questions.change_followup",
    "questions.change_question",
    "questions.view_answersnippet",
    "questions.view_feedback",
    "questions.view_followup",
    "questions.view_internalnote",
    "questions.view_question",
    "questions.view_statuschange",
    "services.view_service",
}
# Moderators are panel members too (both groups); this group adds screening, assigning,
# approving and publishing, the panel's roster and snippets, the statistics, and the staff
# login lockouts (to see, and to lift by deleting).
MODERATOR_PERMISSIONS = {
    "axes.delete_accessattempt",
    "axes.view_accessattempt",
    "core.add_topic",
    "core.view_ratelimitalert",
    "core.change_topic",
    "core.view_topic",
    "questions.add_answersnippet",
    "questions.add_internalnote",
    "questions.add_panelmember",
    "questions.change_answersnippet",
    "questions.change_followup",
    "questions.change_panelmember",
    "questions.change_question",
    "questions.delete_answersnippet",
    "questions.delete_panelmember",
    "questions.delete_question",
    "questions.moderate_question",
    "questions.view_answersnippet",
    "questions.view_feedback",
    "questions.view_followup",
    "questions.view_internalnote",
    "questions.view_panelmember",
    "questions.view_question",
    "questions.view_questionstatistics",
    "questions.view_statuschange",
}
# Editors keep the registry of services, the articles and news, the films, the vocabularies,
# the page feedback and the listing error reports, and see the questions' statistics (no
# question).
EDITOR_PERMISSIONS = {
    "articles.add_article",
    "articles.add_newsitem",
    "articles.change_article",
    "articles.change_newsitem",
    "articles.delete_article",
    "articles.delete_newsitem",
    "articles.view_article",
    "articles.view_newsitem",
    "core.add_targetgroup",
    "films.add_film",
    "films.add_filmsubtitle",
    "films.change_film",
    "films.change_filmsubtitle",
    "films.delete_film",
    "films.delete_filmsubtitle",
    "films.view_film",
    "films.view_filmsubtitle",
    "core.add_topic",
    "core.change_targetgroup",
    "core.change_topic",
    "core.delete_pagefeedback",
    "core.delete_targetgroup",
    "core.delete_topic",
    "core.view_pagefeedback",
    "core.view_ratelimitalert",
    "core.view_targetgroup",
    "core.view_topic",
    "questions.view_questionstatistics",
    "services.add_openingperiod",
    "services.add_service",
    "services.add_servicecategory",
    "services.add_clientgroup",
    "services.change_listingerrorreport",
    "services.change_openingperiod",
    "services.change_service",
    "services.change_servicecategory",
    "services.change_clientgroup",
    "services.delete_openingperiod",
    "services.delete_service",
    "services.delete_servicecategory",
    "services.delete_clientgroup",
    "services.view_county",
    "services.view_listingerrorreport",
    "services.view_municipality",
    "services.view_openingperiod",
    "services.view_service",
    "services.view_servicecategory",
    "services.view_clientgroup",
    "services.view_shelterstatus",
    "services.change_municipality",
    # The self-tests, their statements and outcomes (selftests/migrations/0002).
    *(
        f"selftests.{action}_{model}"
        for model in ("selftest", "statement", "outcome")
        for action in ("add", "change", "delete", "view")
    ),
}
SHELTER_STAFF_PERMISSIONS = {"services.set_shelter_status"}
# The material staff pack and send the orders of information material and keep its stock;
# no one deletes an order (the purge empties what must go).
MATERIALS_STAFF_PERMISSIONS = {
    "materials.add_material",
    "materials.add_materialstock",
    "materials.change_material",
    "materials.change_materialstock",
    "materials.change_order",
    "materials.delete_material",
    "materials.delete_materialstock",
    "materials.view_material",
    "materials.view_materialstock",
    "materials.view_order",
    "materials.view_orderline",
}


def permissions_of(name):
    group = Group.objects.get(name=name)
    return {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in group.permissions.select_related("content_type")
    }


def test_the_staff_groups_are_these_five():
    assert set(Group.objects.values_list("name", flat=True)) == {
        EDITORS,
        PANEL,
        PANEL_MODERATORS,
        SHELTER_STAFF,
        MATERIALS_STAFF,
    }


@pytest.mark.parametrize(
    "group,expected",
    [
        (PANEL, PANEL_PERMISSIONS),
        (PANEL_MODERATORS, MODERATOR_PERMISSIONS),
        (EDITORS, EDITOR_PERMISSIONS),
        (SHELTER_STAFF, SHELTER_STAFF_PERMISSIONS),
        (MATERIALS_STAFF, MATERIALS_STAFF_PERMISSIONS),
    ],
)
def test_each_group_holds_exactly_its_permissions(group, expected):
    held = permissions_of(group)
    assert {"more than listed": sorted(held - expected), "missing": sorted(expected - held)} == {
        "more than listed": [],
        "missing": [],
    }


def test_a_panel_member_reads_a_published_article_but_cannot_change_it(client):
    article = article_factories.article(title="Hva er vold?", is_published=True)
    client.force_login(helpers.staff_user("kari.n", groups=[PANEL]))
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    response = client.post(url, {"title_nb": "Endret av panelet", "is_published": ""})
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.title_nb, article.is_published) == ("Hva er vold?", True)
