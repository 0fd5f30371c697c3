"""Counties and municipalities from Kartverket's register (services/data), the service
categories and target groups, and the staff groups' permissions on the registry."""

import csv
from pathlib import Path

from django.db import migrations

from core.permissions import EDITORS, PANEL, grant_group_permissions

DATA = Path(__file__).resolve().parent.parent / "data" / "no_municipalities.csv"

# (slug, bokmål name, English name, bokmål description, English description)
CATEGORIES = [
    ("hjelpetelefon", "Hjelpetelefoner og chat", "Helplines and chat",
     "Nasjonale telefoner og chattetjenester du kan kontakte fra hele landet, ofte hele døgnet.",
     "National phone lines and chat services you can reach from anywhere, often around the clock."),
    ("krisesenter", "Krisesenter", "Crisis shelter",
     "Et gratis og trygt sted å bo og å få hjelp for kvinner, menn og barn som er utsatt for vold "
     "eller trusler i nære relasjoner. Du kan ringe hele døgnet, og du trenger ikke henvisning.",
     "A free and safe place to stay and get help for women, men and children subjected to "
     "violence or threats in close relationships. You can call around the clock and need no referral."),
    ("overgrepsmottak", "Overgrepsmottak", "Sexual assault centre",
     "Medisinsk hjelp, samtaler og sikring av spor etter voldtekt eller andre seksuelle overgrep. "
     "Du kan komme uten å anmelde, og uten henvisning.",
     "Medical help, someone to talk to, and securing evidence after rape or other sexual abuse. "
     "You can come without reporting to the police, and without a referral."),
    ("legevakt", "Legevakt", "Emergency medical clinic",
     "Akutt legehjelp når fastlegen er stengt. Ring 116 117.",
     "Urgent medical help when your GP is closed. Call 116 117."),
    ("politi", "Politi", "Police",
     "Politiet kan beskytte deg, etterforske og gi råd om anmeldelse, voldsalarm og besøksforbud. "
     "I en nødsituasjon: ring 112.",
     "The police can protect you, investigate, and advise on reporting, safety alarms and "
     "restraining orders. In an emergency: call 112."),
    ("smiso", "Støttesenter mot incest og seksuelle overgrep", "Support centre against incest and sexual abuse",
     "Samtaler, kurs og selvhjelpsgrupper for deg som har vært utsatt for seksuelle overgrep, og for pårørende.",
     "Conversations, courses and self-help groups for people who have been sexually abused, and their relatives."),
    ("familievern", "Familievernkontor", "Family counselling office",
     "Samtaler for par og familier med konflikter, også når det har vært vold.",
     "Counselling for couples and families in conflict, including where there has been violence."),
    ("statens-barnehus", "Statens barnehus", "Children's House (Barnehus)",
     "Tilrettelagte avhør, helseundersøkelse og oppfølging av barn og unge som kan ha vært utsatt for vold eller overgrep.",
     "Forensic interviews, medical examinations and follow-up for children and young people who "
     "may have been subjected to violence or abuse."),
    ("atv", "Hjelp til å slutte å bruke vold", "Help to stop using violence",
     "Behandling og samtaler for deg som bruker vold i nære relasjoner og vil slutte.",
     "Treatment and counselling for people who use violence in close relationships and want to stop."),
    ("barnevernvakt", "Barnevernvakt", "Child welfare emergency service",
     "Akutt hjelp til barn og familier utenfor barnevernets kontortid.",
     "Emergency help for children and families outside the child welfare service's office hours."),
]

TARGET_GROUPS = [
    ("utsatte", "Utsatte for vold eller overgrep", "People subjected to violence or abuse"),
    ("kvinner", "Kvinner", "Women"),
    ("menn", "Menn", "Men"),
    ("barn-og-unge", "Barn og unge", "Children and young people"),
    ("parorende", "Pårørende", "Relatives and others who are worried"),
    ("utovere", "Personer som bruker vold", "People who use violence"),
    ("lhbtiq", "LHBTIQ+", "LGBTIQ+"),
    ("fagfolk", "Fagfolk", "Professionals"),
]

EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("service", "openingperiod", "servicecategory", "targetgroup")
    for action in ("add", "change", "delete", "view")
] + ["view_listingerrorreport", "change_listingerrorreport", "view_county",
     "view_municipality"]


def load(apps, schema_editor):
    County = apps.get_model("services", "County")
    Municipality = apps.get_model("services", "Municipality")
    with DATA.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    counties = {}
    for row in rows:
        if row["county_number"] not in counties:
            counties[row["county_number"]], _ = County.objects.update_or_create(
                number=row["county_number"], defaults={"name": row["county"]}
            )
    for row in rows:
        Municipality.objects.update_or_create(
            number=row["number"],
            defaults={"name": row["name"], "county": counties[row["county_number"]]},
        )

    ServiceCategory = apps.get_model("services", "ServiceCategory")
    for order, (slug, name_nb, name_en, description_nb, description_en) in enumerate(CATEGORIES):
        ServiceCategory.objects.update_or_create(slug=slug, defaults={
            "order": order, "name": name_nb, "name_nb": name_nb, "name_en": name_en,
            "description": description_nb, "description_nb": description_nb,
            "description_en": description_en,
        })
    TargetGroup = apps.get_model("services", "TargetGroup")
    for order, (slug, name_nb, name_en) in enumerate(TARGET_GROUPS):
        TargetGroup.objects.update_or_create(slug=slug, defaults={
            "order": order, "name": name_nb, "name_nb": name_nb, "name_en": name_en,
        })

    grant_group_permissions(apps, group_name=EDITORS, app_label="services",
                            codenames=EDITOR_PERMISSIONS)
    grant_group_permissions(apps, group_name=PANEL, app_label="services",
                            codenames=["view_service"])


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
