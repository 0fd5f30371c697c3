import io

import pytest
from django.core.management import call_command

from materials.models import Material, MaterialStock

pytestmark = pytest.mark.django_db


def test_the_demo_catalogue_loads_twice_without_doubling_or_resetting_the_stock():
    call_command("load_demo_materials", stdout=io.StringIO())
    count = Material.objects.count()
    assert 6 <= count <= 10
    assert all(material.title_en for material in Material.objects.all())
    languages = set(MaterialStock.objects.values_list("language", flat=True))
    assert {"nb", "en", "ar", "so", "pl"} <= languages
    card = MaterialStock.objects.get(material__slug="din-utvei-infokort", language="nb")
    MaterialStock.objects.filter(pk=card.pk).update(quantity=7)  # the staff counted
    call_command("load_demo_materials", stdout=io.StringIO())
    assert Material.objects.count() == count
    card.refresh_from_db()
    assert card.quantity == 7
