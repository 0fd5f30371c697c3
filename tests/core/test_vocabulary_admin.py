"""The vocabularies' admin: every translated field, bokmål first."""

import pytest
from django.urls import reverse

from core.models import TargetGroup

pytestmark = pytest.mark.django_db


def test_a_target_group_shows_how_its_members_describe_themselves(editor_client):
    group = TargetGroup.objects.get(slug="parorende")
    response = editor_client.get(reverse("admin:core_targetgroup_change", args=[group.pk]))
    assert response.status_code == 200
    (_main, main), (_other, translations) = response.context["adminform"].fieldsets
    assert "self_description_nb" in main["fields"]
    assert "self_description_nn" in translations["fields"]
    assert "Jeg er pårørende eller bekymret for noen" in response.content.decode()
