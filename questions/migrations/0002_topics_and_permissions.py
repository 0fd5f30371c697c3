"""The topics a question can be about, and the staff groups' permissions on questions."""

from django.db import migrations

from core.permissions import EDITORS, PANEL, PANEL_MODERATORS, grant_group_permissions

# (slug, bokmål, nynorsk, English)
TOPICS = [
    ("vold-i-nare-relasjoner", "Vold i nære relasjoner", "Vald i nære relasjonar",
     "Violence in close relationships"),
    ("voldtekt-og-overgrep", "Voldtekt og seksuelle overgrep", "Valdtekt og seksuelle overgrep",
     "Rape and sexual abuse"),
    ("barn-og-unge", "Barn og unge", "Born og unge", "Children and young people"),
    ("foreldretvist-og-samvaer", "Foreldretvist og samvær", "Foreldretvist og samvær",
     "Custody and contact disputes"),
    ("anmeldelse-og-rettssak", "Anmeldelse og rettssak", "Melding til politiet og rettssak",
     "Reporting to the police and court cases"),
    ("bruker-vold", "Når du selv bruker vold", "Når du sjølv bruker vald",
     "When you use violence yourself"),
    ("bekymring-for-egne-tanker", "Bekymring for egne seksuelle tanker",
     "Uro for eigne seksuelle tankar", "Worried about your own sexual thoughts"),
    ("negativ-sosial-kontroll", "Negativ sosial kontroll og tvangsekteskap",
     "Negativ sosial kontroll og tvangsekteskap", "Negative social control and forced marriage"),
    ("digital-vold", "Digital vold og deling av bilder", "Digital vald og deling av bilete",
     "Digital abuse and sharing of images"),
    ("annet", "Annet", "Anna", "Other"),
]

PANEL_PERMISSIONS = [
    "view_question", "change_question", "view_topic", "view_answersnippet",
    "view_internalnote", "add_internalnote", "view_followup", "change_followup",
    "view_feedback", "view_statuschange",
]
MODERATOR_PERMISSIONS = PANEL_PERMISSIONS + [
    "moderate_question", "delete_question", "view_questionstatistics",
    "add_topic", "change_topic",
    "add_answersnippet", "change_answersnippet", "delete_answersnippet",
    "add_panelmember", "change_panelmember", "delete_panelmember", "view_panelmember",
]
EDITOR_PERMISSIONS = ["view_questionstatistics"]


def load(apps, schema_editor):
    Topic = apps.get_model("questions", "Topic")
    for order, (slug, nb, nn, en) in enumerate(TOPICS):
        Topic.objects.update_or_create(slug=slug, defaults={
            "order": order, "name": nb, "name_nb": nb, "name_nn": nn, "name_en": en,
        })
    for group, codenames in [(PANEL, PANEL_PERMISSIONS), (PANEL_MODERATORS, MODERATOR_PERMISSIONS),
                             (EDITORS, EDITOR_PERMISSIONS)]:
        grant_group_permissions(apps, group_name=group, app_label="questions", codenames=codenames)


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
