"""The site's four target groups exist after the migrations (core/migrations/0004), with
how each describes itself in every language that had it: a group that was there keeps its
own texts and order, a missing one is created."""

import pytest

from tests.migrations import migrate

BEFORE = [("core", "0002_targetgroup_topic")]
SLUGS = {"utsatt", "parorende", "utover", "fagfolk"}


@pytest.mark.django_db(transaction=True)
def test_the_four_groups_exist_and_an_edited_one_keeps_its_texts(restored_transactional_db):
    try:
        old = migrate(BEFORE).apps
        group_model = old.get_model("core", "TargetGroup")
        group_model.objects.filter(slug__in=["parorende", "utover", "fagfolk"]).delete()
        group_model.objects.update_or_create(
            slug="utsatt",
            defaults={
                "name": "Utsatt for vold og trusler",
                "name_nb": "Utsatt for vold og trusler",
                "name_nn": "",
                "description_nb": "Redaktørens tekst.",
                "order": 9,
            },
        )
        assert set(group_model.objects.values_list("slug", flat=True)) == {"utsatt"}
    finally:
        migrate(None)

    from core.models import TargetGroup

    assert set(TargetGroup.objects.values_list("slug", flat=True)) == SLUGS
    edited = TargetGroup.objects.get(slug="utsatt")
    assert (edited.name_nb, edited.name_nn, edited.description_nb, edited.order) == (
        "Utsatt for vold og trusler",
        "",
        "Redaktørens tekst.",
        9,
    )
    assert edited.self_description_nb == "Jeg er eller har vært utsatt for vold eller overgrep"
    assert edited.self_description_en == "I am or have been subjected to violence or abuse"
    created = TargetGroup.objects.get(slug="utover")
    assert (created.name_nb, created.name_nn, created.name_en) == (
        "Du som utøver vold",
        "Du som utøver vald",
        "If you use violence",
    )
    assert created.description_nn.startswith("For deg som har brukt vald")
    assert created.self_description_nn == (
        "Eg brukar eller har brukt vald, eller er redd for at eg kan kome til å gjere det"
    )


@pytest.mark.django_db
def test_every_group_describes_itself_in_every_language_of_the_site(settings):
    from core.models import TargetGroup

    for group in TargetGroup.objects.all():
        for code, _name in settings.LANGUAGES:
            assert getattr(group, f"self_description_{code}"), (group.slug, code)
