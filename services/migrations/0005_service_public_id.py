"""Each service gets a public id for the open data (opendata/): made from its slug, so that
the same service has the same id on every installation (services.models.public_id_for)."""

import uuid

from django.db import migrations, models

# A copy of services.models.PUBLIC_ID_NAMESPACE: a migration keeps the value it ran with.
PUBLIC_ID_NAMESPACE = uuid.UUID("6f1d2c0e-5b8e-4f0c-9d7a-2b1f0c6d9e41")


def give_public_ids(apps, schema_editor):
    service_model = apps.get_model("services", "Service")
    for service in service_model.objects.filter(public_id=None).only("pk", "slug"):
        service.public_id = uuid.uuid5(PUBLIC_ID_NAMESPACE, service.slug)
        service.save(update_fields=["public_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0004_translations_to_review"),
    ]

    operations = [
        migrations.AddField(
            model_name="service",
            name="public_id",
            field=models.UUIDField(editable=False, null=True, verbose_name="public id"),
        ),
        migrations.RunPython(give_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="service",
            name="public_id",
            field=models.UUIDField(editable=False, unique=True, verbose_name="public id"),
        ),
    ]
